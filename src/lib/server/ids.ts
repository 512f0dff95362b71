import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random, URL-safe identifier (for rows and tokens); `bytes` of entropy. */
export function randomId(bytes = 15): string {
	const buffer = new Uint8Array(bytes);
	crypto.getRandomValues(buffer);
	return encodeBase32LowerCaseNoPadding(buffer);
}

/** SHA-256 in hex: how every secret token is stored. Node's native hash: the JavaScript one it replaced (same hex)
 * cost a few per cent of the CPU of every signed-in request. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}
