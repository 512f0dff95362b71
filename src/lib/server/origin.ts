// The app's public address for links in mail. ORIGIN when set (production: docs/OPERATIONS.md); otherwise the
// address of the request being answered (the quick start, PROTOCOL_HEADER/HOST_HEADER set-ups), which hooks.server.ts
// keeps in Paraglide's request store. Never an address remembered from an earlier request: one request with a
// forged Host header must not put its domain into other people's mail.
import { getUrlOrigin } from '$lib/paraglide/runtime';

/** What Paraglide answers outside a request. */
const NO_REQUEST = 'http://fallback.com';

/** The public origin without a trailing slash, or null outside a request when ORIGIN is not set. */
export function publicOrigin(env: Record<string, string | undefined> = process.env): string | null {
	const configured = env.ORIGIN?.trim().replace(/\/+$/, '');
	if (configured) return configured;
	const current = getUrlOrigin();
	return current && current !== NO_REQUEST && /^https?:\/\//.test(current) ? current : null;
}
