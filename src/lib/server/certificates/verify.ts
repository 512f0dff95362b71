// The public verification page's look-up. Only unknown codes use up an address's budget (throttle.ts): guessing
// codes is nearly all misses, while an HR office checking a whole group, or colleagues behind one office address,
// look up codes that exist and are never held back by it. Once the budget is spent, every look-up waits.
import type { Certificate } from '../db/schema';
import { normalizeCode } from './code';
import { findByCode } from './queries';
import { takeVerifyLookup, verifyLookupWait } from './throttle';

export type Verification =
	| { kind: 'throttled'; waitMs: number }
	| { kind: 'redirect'; code: string }
	| { kind: 'missing' }
	| { kind: 'found'; cert: Certificate };

export function verifyCode(address: string, raw: string, now = Date.now()): Verification {
	const waitMs = verifyLookupWait(address, now);
	if (waitMs > 0) return { kind: 'throttled', waitMs };
	const code = normalizeCode(raw);
	if (code && code !== raw) return { kind: 'redirect', code };
	const cert = code ? findByCode(code) : undefined;
	if (cert) return { kind: 'found', cert };
	takeVerifyLookup(address, now);
	return { kind: 'missing' };
}
