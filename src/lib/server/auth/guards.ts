// Every load, action and endpoint calls one of these. A layout guard alone is not enough: actions skip layouts.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import type { SessionUser } from './session';

type GuardEvent = Pick<RequestEvent, 'locals' | 'url'>;

/** The signed-in user; anonymous visitors of a page are sent to sign in and brought back afterwards. */
export function requireUser(event: GuardEvent): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return user;
}

/** The signed-in user if they have one of the roles; 403 otherwise (never a redirect loop). */
export function requireRole(event: GuardEvent, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) error(403, { message: 'forbidden' });
	return user;
}

/** For +server endpoints: 401 instead of a redirect, since the caller is a script, not a person. */
export function requireApiUser(event: GuardEvent, ...roles: Role[]): SessionUser {
	const user = event.locals.user;
	if (!user) error(401, { message: 'unauthorised' });
	if (roles.length > 0 && !roles.includes(user.role)) error(403, { message: 'forbidden' });
	return user;
}

export function homePathFor(role: Role): string {
	return role === 'admin' ? '/admin' : role === 'trainer' ? '/trainer' : '/dashboard';
}

// Any base works for telling a path from a URL; this one (.invalid) cannot be a real host, and is written so that
// no scanner mistakes it for a request to another host.
const BASE = new URL('/', 'http://next.invalid');
/** Control and invisible formatting characters: never part of a link someone meant. */
const CONTROL = /[\p{Cc}\p{Cf}]/u;
/** Whitespace of any kind and backslashes, which browsers read as "/" (`/\evil.example`). */
const AMBIGUOUS = /[\s\\]/u;

/**
 * The one way to read a `next` parameter (a query or form field): only a path on this site comes back, anything
 * else gives `fallback` (no open redirect). `next` is resolved like a browser would resolve it against this origin
 * and must stay on it, start with one "/" before and after resolving (`/.//evil.example` resolves to
 * `//evil.example`), and contain no whitespace or backslash anywhere. A control or invisible character (CR/LF
 * would split the Location header) is a forged request, not a mistaken link: 400, before anything is written.
 */
export function safeNextPath(next: FormDataEntryValue | string | null | undefined, fallback: string): string {
	if (typeof next !== 'string' || next === '') return fallback;
	if (CONTROL.test(next)) error(400, { message: 'bad next' });
	if (next.length > 2000 || AMBIGUOUS.test(next) || !next.startsWith('/') || next.startsWith('//')) return fallback;
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return fallback;
	}
	const path = url.pathname + url.search + url.hash;
	if (url.origin !== BASE.origin || !path.startsWith('/') || path.startsWith('//')) return fallback;
	return path;
}
