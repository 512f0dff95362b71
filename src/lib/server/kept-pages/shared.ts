import type { RequestEvent } from '@sveltejs/kit';
import { cookieName as languageCookie } from '$lib/paraglide/runtime';

// Pages that are the same for every visitor without a session, in each language: the sign-in page, the password
// reset request and the certificate look-up form. Their output depends only on the build, the locale and settings
// read once at start, so each is rendered once per locale and then served from memory, as a reverse proxy's cache
// would (store.ts). One entry per listed route and locale: the key is the route, never the path as sent (SvelteKit
// decodes "/%6cogin" to /login, and each spelling would otherwise be kept on its own).
// A page belongs here only if its load reads nothing of the request but the locale, and nothing that changes
// while the server runs (not /dostepnosc: its date comes from the first account). A query string (?next=,
// ?signed_out, ...), any cookie but the language one, or a form's answer (a POST) always renders afresh.
export const SHARED_PAGE_ROUTES: ReadonlySet<string> = new Set([
	'/(public)/login',
	'/(public)/reset-password',
	'/(public)/verify'
]);

/**
 * The key of a request whose answer may come from memory, or null when it must be rendered: a listed page at its
 * own path, asked for with GET, without a query, by a visitor who sends no cookie but the language one and is not
 * signed in. Any other cookie, even a stale session one (its deletion must reach the browser) or one spelled with
 * spaces around its name (SvelteKit's parser trims them), renders afresh.
 */
export function sharedPageKey(event: RequestEvent, locale: string): string | null {
	const { request, route, url } = event;
	if (request.method !== 'GET' || url.search !== '' || event.isDataRequest || event.locals.user) return null;
	if (!route.id || !SHARED_PAGE_ROUTES.has(route.id) || url.pathname !== pathOf(route.id)) return null;
	if (cookieNames(request.headers.get('cookie')).some((name) => name !== languageCookie)) return null;
	return `${locale} ${route.id}`;
}

/** "/(public)/login" -> "/login": a route id without its groups. */
export function pathOf(routeId: string): string {
	return routeId.replace(/\/\([^)]*\)/g, '') || '/';
}

function cookieNames(header: string | null): string[] {
	if (!header) return [];
	return header.split(';').flatMap((pair) => {
		const name = pair.split('=')[0].trim();
		return name ? [name] : [];
	});
}
