// Sessions as the Lucia guide writes them: a random token in an httpOnly cookie, only its SHA-256 stored,
// 30-day expiry slid forward when less than 15 days remain (half its life), one query joining session and user.
// The cookie is sent again only when the expiry moved: a request in the first half of the life answers without
// Set-Cookie (no write, no header), as the cookie the browser holds is still right.
import type { Cookies } from '@sveltejs/kit';
import { and, eq, ne } from 'drizzle-orm';
import { getDb, prepared } from '../db';
import { sessions, type Session, type User } from '../db/schema';
import { hashToken, randomId } from '../ids';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
const RENEW_BEFORE = 15 * DAY;

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'organisation' | 'role' | 'locale'>;

export function generateSessionToken(): string {
	return randomId(20);
}

export function createSession(token: string, userId: string, now = Date.now()): Session {
	const session: Session = { id: hashToken(token), userId, expiresAt: new Date(now + SESSION_LIFETIME) };
	getDb().insert(sessions).values(session).run();
	return session;
}

// Every request runs this look-up: two statements prepared once (see prepared() in db/index.ts), their rows
// mapped here. Drizzle's mapping of a joined row (an entity check per column) cost more than the query itself
// (docs/PERFORMANCE.md, round two); and SQLite answers the session, then the user by primary key, in 7 µs where
// the same join took 18 µs (round four, measured on the bench's data set). The columns are db/schema.ts's.
interface SessionRow {
	userId: string;
	expiresAt: number;
}
interface UserRow {
	email: string | null;
	name: string;
	organisation: string;
	role: SessionUser['role'];
	locale: SessionUser['locale'];
	disabledAt: number | null;
}
const sessionLookup = prepared((db) =>
	db.$client.prepare<[string], SessionRow>(
		'select user_id as userId, expires_at as expiresAt from sessions where id = ?'
	)
);
const sessionUserLookup = prepared((db) =>
	db.$client.prepare<[string], UserRow>(
		'select email, name, organisation, role, locale, disabled_at as disabledAt from users where id = ?'
	)
);

export type SessionValidation =
	{ session: Session; user: SessionUser; renewed: boolean } | { session: null; user: null; renewed: false };

/** `renewed`: the expiry was slid forward (and stored), so the cookie must be sent again with it. */
export function validateSessionToken(token: string, now = Date.now()): SessionValidation {
	const db = getDb();
	const sessionId = hashToken(token);
	const row = sessionLookup().get(sessionId);
	// The foreign key (on delete cascade) keeps a session from outliving its user; no user is read as disabled.
	const account = row && sessionUserLookup().get(row.userId);
	if (!row) return { session: null, user: null, renewed: false };
	const session: Session = { id: sessionId, userId: row.userId, expiresAt: new Date(row.expiresAt) };
	if (now >= row.expiresAt || !account || account.disabledAt !== null) {
		db.delete(sessions).where(eq(sessions.id, sessionId)).run();
		return { session: null, user: null, renewed: false };
	}
	const renewed = now >= session.expiresAt.getTime() - RENEW_BEFORE;
	if (renewed) {
		session.expiresAt = new Date(now + SESSION_LIFETIME);
		db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, sessionId)).run();
	}
	const user: SessionUser = {
		id: row.userId,
		email: account.email,
		name: account.name,
		organisation: account.organisation,
		role: account.role,
		locale: account.locale
	};
	return { session, user, renewed };
}

/**
 * The session of a request's cookie (hooks.server.ts). Sets the cookie again only when the expiry was slid
 * forward, and deletes a cookie whose session is gone (expired, signed out, user disabled).
 */
export function sessionOfRequest(cookies: Cookies, url: URL, now = Date.now()): SessionValidation {
	const name = sessionCookieName(url.protocol === 'https:');
	const token = cookies.get(name);
	if (!token) return { session: null, user: null, renewed: false };
	const validation = validateSessionToken(token, now);
	if (!validation.session) {
		cookies.delete(name, { path: '/' });
		return validation;
	}
	if (validation.renewed) setSessionTokenCookie(cookies, url, token, validation.session.expiresAt);
	return validation;
}

export function invalidateSession(sessionId: string) {
	getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user, except `keepSessionId` when given (the one changing the password). */
export function invalidateUserSessions(userId: string, keepSessionId?: string) {
	getDb()
		.delete(sessions)
		.where(
			keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId)
		)
		.run();
}

/** `__Host-` prefix over https (it requires Secure); a plain name on http://localhost. */
export function sessionCookieName(secure: boolean) {
	return secure ? '__Host-akademia_session' : 'akademia_session';
}

export function setSessionTokenCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	const secure = url.protocol === 'https:';
	cookies.set(sessionCookieName(secure), token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionTokenCookie(cookies: Cookies, url: URL) {
	const secure = url.protocol === 'https:';
	cookies.delete(sessionCookieName(secure), { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
