// Checks credentials with throttling (auth/throttle.ts); one generic answer for every wrong password.
import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { users, type User } from '../db/schema';
import { HashQueueFullError, verifyAgainstDummy, verifyPassword } from './password';
import { createSession, generateSessionToken, setSessionTokenCookie } from './session';
import { reserveSignIn } from './throttle';

export type SignInResult =
	| { ok: true; user: User }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; waitMs: number; scope: 'pair' | 'account' | 'address' | 'busy' };

/**
 * The attempt is taken from the throttle (auth/throttle.ts) before the password is checked, and given back only
 * when it was right, so a burst of parallel guesses gets at most the allowed number of checks.
 */
export async function checkCredentials(email: string, password: string, address: string): Promise<SignInResult> {
	const reservation = reserveSignIn(email, address);
	if (!reservation.ok) return { ok: false, reason: 'throttled', waitMs: reservation.waitMs, scope: reservation.scope };

	const user = getDb().select().from(users).where(eq(users.email, email.toLowerCase())).get();
	let valid: boolean;
	try {
		valid =
			user && user.passwordHash && !user.disabledAt
				? await verifyPassword(user.passwordHash, password, true)
				: await verifyAgainstDummy(password, true);
	} catch (e) {
		if (!(e instanceof HashQueueFullError)) throw e;
		// Not checked, so not counted against anyone.
		reservation.undo();
		return { ok: false, reason: 'throttled', waitMs: 60_000, scope: 'busy' };
	}
	if (!valid || !user) return { ok: false, reason: 'invalid' };
	reservation.succeeded();
	return { ok: true, user };
}

/** A fresh session (new token) for every sign-in. */
export function startSession(cookies: Cookies, url: URL, userId: string) {
	const token = generateSessionToken();
	const session = createSession(token, userId);
	setSessionTokenCookie(cookies, url, token, session.expiresAt);
	return session;
}
