// Checks credentials with throttling per account and per address; one generic answer for every failure.
import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { users, type User } from '../db/schema';
import { verifyAgainstDummy, verifyPassword } from './password';
import { createSession, generateSessionToken, setSessionTokenCookie } from './session';
import { clearFailures, recordFailure, throttleKey, throttleWait } from './throttle';

export type SignInResult =
	{ ok: true; user: User } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; waitMs: number };

export async function checkCredentials(email: string, password: string, address: string): Promise<SignInResult> {
	const emailKey = throttleKey('email', email);
	const ipKey = throttleKey('ip', address);
	const waitMs = Math.max(throttleWait(emailKey), throttleWait(ipKey));
	if (waitMs > 0) return { ok: false, reason: 'throttled', waitMs };

	const user = getDb().select().from(users).where(eq(users.email, email.toLowerCase())).get();
	const valid =
		user && user.passwordHash && !user.disabledAt
			? await verifyPassword(user.passwordHash, password)
			: await verifyAgainstDummy(password);
	if (!valid || !user) {
		recordFailure('email', emailKey);
		recordFailure('ip', ipKey);
		return { ok: false, reason: 'invalid' };
	}
	clearFailures(emailKey);
	return { ok: true, user };
}

/** A fresh session (new token) for every sign-in. */
export function startSession(cookies: Cookies, url: URL, userId: string) {
	const token = generateSessionToken();
	const session = createSession(token, userId);
	setSessionTokenCookie(cookies, url, token, session.expiresAt);
	return session;
}
