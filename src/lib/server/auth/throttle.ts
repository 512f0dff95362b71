// Sign-in throttling per account and per address (ASVS 2.2.1): after too many failures in a window the key is
// blocked for a while. The same rules apply to unknown emails, so a block reveals nothing.
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { authThrottle } from '../db/schema';

const MINUTE = 60_000;
export const THROTTLE_RULES = {
	email: { maxFailures: 5, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
	ip: { maxFailures: 30, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
	// Reset requests per address, counted apart from sign-ins: a busy office asking for links must not lock
	// everybody behind the same address out of signing in.
	'reset-ip': { maxFailures: 30, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE }
} as const;

export type ThrottleKind = keyof typeof THROTTLE_RULES;

export function throttleKey(kind: ThrottleKind, value: string) {
	return `${kind}:${value.toLowerCase()}`;
}

/** Milliseconds the key must still wait, or 0 when it may try. */
export function throttleWait(key: string, now = Date.now()): number {
	const row = getDb().select().from(authThrottle).where(eq(authThrottle.key, key)).get();
	if (!row?.blockedUntil) return 0;
	return Math.max(0, row.blockedUntil.getTime() - now);
}

export function recordFailure(kind: ThrottleKind, key: string, now = Date.now()) {
	const rule = THROTTLE_RULES[kind];
	const db = getDb();
	db.transaction((tx) => {
		const row = tx.select().from(authThrottle).where(eq(authThrottle.key, key)).get();
		const fresh = !row || now - row.windowStart.getTime() > rule.windowMs;
		const failures = fresh ? 1 : row.failures + 1;
		const values = {
			failures,
			windowStart: fresh ? new Date(now) : row.windowStart,
			blockedUntil: failures >= rule.maxFailures ? new Date(now + rule.blockMs) : null
		};
		tx.insert(authThrottle)
			.values({ key, ...values })
			.onConflictDoUpdate({ target: authThrottle.key, set: values })
			.run();
	});
}

export function clearFailures(key: string) {
	getDb().delete(authThrottle).where(eq(authThrottle.key, key)).run();
}
