import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	SESSION_LIFETIME,
	sessionOfRequest,
	validateSessionToken
} from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { sessions, users } from '$lib/server/db/schema';
import { hashToken } from '$lib/server/ids';
import { insertUser } from './db-helpers';

const DAY = 86_400_000;

describe('sessions', () => {
	it('stores only the SHA-256 of the token and finds the user with it', () => {
		const userId = insertUser();
		const token = generateSessionToken();
		const session = createSession(token, userId);
		expect(session.id).toBe(hashToken(token));
		expect(session.id).not.toContain(token);
		const result = validateSessionToken(token);
		expect(result.user?.id).toBe(userId);
		expect(getDb().select().from(sessions).where(eq(sessions.id, token)).get()).toBeUndefined();
	});

	it('gives two sign-ins two different tokens', () => {
		expect(generateSessionToken()).not.toBe(generateSessionToken());
		expect(generateSessionToken().length).toBeGreaterThanOrEqual(32);
	});

	it('rejects and deletes an expired session', () => {
		const userId = insertUser();
		const token = generateSessionToken();
		const start = Date.now();
		createSession(token, userId, start);
		expect(validateSessionToken(token, start + SESSION_LIFETIME + 1).session).toBeNull();
		expect(
			getDb()
				.select()
				.from(sessions)
				.where(eq(sessions.id, hashToken(token)))
				.get()
		).toBeUndefined();
	});

	it('slides the expiry forward only when less than 15 days remain', () => {
		const userId = insertUser();
		const token = generateSessionToken();
		const start = Date.now();
		const created = createSession(token, userId, start);
		const early = validateSessionToken(token, start + 10 * DAY);
		expect(early.session?.expiresAt.getTime()).toBe(created.expiresAt.getTime());
		const late = validateSessionToken(token, start + 20 * DAY);
		expect(late.session?.expiresAt.getTime()).toBe(start + 20 * DAY + SESSION_LIFETIME);
		// The new expiry is stored, not only returned: the row says so, and the session still opens at
		// +35 days, past the original 30-day expiry.
		const stored = getDb()
			.select()
			.from(sessions)
			.where(eq(sessions.id, hashToken(token)))
			.get();
		expect(stored?.expiresAt.getTime()).toBe(start + 20 * DAY + SESSION_LIFETIME);
		const afterOriginalExpiry = validateSessionToken(token, start + 35 * DAY);
		expect(afterOriginalExpiry.user?.id).toBe(userId);
	});

	it('does not slide a session nobody used: it is invalid after 30 days', () => {
		const userId = insertUser();
		const token = generateSessionToken();
		const start = Date.now();
		createSession(token, userId, start);
		expect(validateSessionToken(token, start + 31 * DAY).session).toBeNull();
	});

	it('ends one session, or all sessions of a user but the one kept', () => {
		const userId = insertUser();
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		const sa = createSession(a, userId);
		createSession(b, userId);
		const sc = createSession(c, userId);
		invalidateSession(sa.id);
		expect(validateSessionToken(a).session).toBeNull();
		invalidateUserSessions(userId, sc.id);
		expect(validateSessionToken(b).session).toBeNull();
		expect(validateSessionToken(c).session).not.toBeNull();
	});

	it('refuses the session of a disabled user', () => {
		const userId = insertUser();
		const token = generateSessionToken();
		createSession(token, userId);
		getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId)).run();
		expect(validateSessionToken(token).user).toBeNull();
	});
});

describe('the session cookie of a request (hooks.server.ts)', () => {
	function requestCookies(token?: string) {
		const set: { name: string; value: string; expires?: Date }[] = [];
		const deleted: string[] = [];
		const cookies = {
			get: (name: string) => (name === 'akademia_session' ? token : undefined),
			set: (name: string, value: string, opts: { expires?: Date }) => set.push({ name, value, expires: opts.expires }),
			delete: (name: string) => deleted.push(name)
		} as unknown as Cookies;
		return { cookies, set, deleted };
	}
	const url = new URL('http://localhost:4173/dashboard');

	it('sends no Set-Cookie while more than half of the session life remains', () => {
		const userId = insertUser();
		const token = generateSessionToken();
		const start = Date.now();
		const created = createSession(token, userId, start);
		const { cookies, set, deleted } = requestCookies(token);
		const result = sessionOfRequest(cookies, url, start + 14 * DAY);
		expect(result.user?.id).toBe(userId);
		expect(result.session?.expiresAt.getTime()).toBe(created.expiresAt.getTime());
		expect(set).toEqual([]);
		expect(deleted).toEqual([]);
	});

	it('renews the session and sends the cookie with the new expiry once less than half remains', () => {
		const userId = insertUser();
		const token = generateSessionToken();
		const start = Date.now();
		createSession(token, userId, start);
		const { cookies, set } = requestCookies(token);
		const result = sessionOfRequest(cookies, url, start + 16 * DAY);
		expect(result.user?.id).toBe(userId);
		expect(set).toEqual([
			{ name: 'akademia_session', value: token, expires: new Date(start + 16 * DAY + SESSION_LIFETIME) }
		]);
		// The next request, a day later, finds the renewed session with more than half its life left: no cookie.
		const next = requestCookies(token);
		sessionOfRequest(next.cookies, url, start + 17 * DAY);
		expect(next.set).toEqual([]);
	});

	it('deletes the cookie of a session that is gone, and sets nothing without a cookie', () => {
		const { cookies, set, deleted } = requestCookies('no-such-token');
		expect(sessionOfRequest(cookies, url).session).toBeNull();
		expect(deleted).toEqual(['akademia_session']);
		expect(set).toEqual([]);
		const none = requestCookies();
		expect(sessionOfRequest(none.cookies, url).user).toBeNull();
		expect(none.set).toEqual([]);
		expect(none.deleted).toEqual([]);
	});
});
