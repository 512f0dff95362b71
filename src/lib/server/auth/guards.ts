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

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNextPath(next: string | null, fallback: string): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	return next;
}
