import type { RequestEvent } from '@sveltejs/kit';

// Pages that are the same for every visitor without a session, in each language: the sign-in page, the password
// reset request and the certificate look-up form. Their output depends only on the build, the locale and settings
// read once at start, so each is rendered once per locale and then served from memory, as a reverse proxy's cache
// would: no load, no render, no serialisation per request (issue 20; docs/PERFORMANCE.md).
// A page belongs here only if its load reads nothing of the request but the locale, and nothing that changes
// while the server runs (not /dostepnosc: its date comes from the first account). A query string (?next=,
// ?signed_out, ...), a session cookie or a form's answer (a POST) always renders afresh.
export const SHARED_PAGE_ROUTES: ReadonlySet<string> = new Set([
	'/(public)/login',
	'/(public)/reset-password',
	'/(public)/verify'
]);

type Kept = { body: string; headers: [string, string][] };

const kept = new Map<string, Kept>();

/** The key of a request whose answer may come from memory, or null when it must be rendered. */
export function sharedPageKey(event: RequestEvent, locale: string, hasSessionCookie: boolean): string | null {
	const { request, route, url } = event;
	if (request.method !== 'GET' || hasSessionCookie || url.search !== '' || event.isDataRequest) return null;
	if (!route.id || !SHARED_PAGE_ROUTES.has(route.id)) return null;
	return `${locale} ${url.pathname}`;
}

export function keptSharedPage(key: string): Response | null {
	const page = kept.get(key);
	return page ? new Response(page.body, { status: 200, headers: page.headers }) : null;
}

/**
 * Keeps a rendered answer for its key and hands back one to send. Only a plain 200 page without cookies is kept;
 * anything else (a redirect, an error, a Set-Cookie) passes through untouched.
 */
export async function keepSharedPage(key: string, response: Response): Promise<Response> {
	if (response.status !== 200 || response.headers.has('set-cookie')) return response;
	if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
	const body = await response.text();
	const headers = [...response.headers];
	kept.set(key, { body, headers });
	return new Response(body, { status: 200, headers });
}

/** For tests: forget every kept page. */
export function forgetSharedPages() {
	kept.clear();
}
