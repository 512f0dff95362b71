// Verification look-ups per client address (against guessing codes): 30 in 10 minutes, then a pause until the
// window ends. Kept in the auth_throttle table under "verify:<address>" keys, beside the sign-in counters.
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { authThrottle } from '../db/schema';

export const VERIFY_LIMIT = { lookups: 30, windowMs: 10 * 60_000 } as const;

/**
 * Counts one look-up; returns 0 when it may go ahead, or the milliseconds to wait. `scope` keeps a separate
 * budget per kind of look-up (the credential download has its own, "badge:"), so one never starves the other.
 */
export function takeVerifyLookup(
	address: string,
	now = Date.now(),
	scope: 'verify' | 'badge' | 'register' = 'verify'
): number {
	const key = `${scope}:${address}`;
	return getDb().transaction((tx) => {
		const row = tx.select().from(authThrottle).where(eq(authThrottle.key, key)).get();
		const fresh = !row || now - row.windowStart.getTime() >= VERIFY_LIMIT.windowMs;
		const windowStart = fresh ? new Date(now) : row.windowStart;
		const count = fresh ? 1 : row.failures + 1;
		const values = { failures: count, windowStart, blockedUntil: null };
		tx.insert(authThrottle)
			.values({ key, ...values })
			.onConflictDoUpdate({ target: authThrottle.key, set: values })
			.run();
		return count > VERIFY_LIMIT.lookups ? windowStart.getTime() + VERIFY_LIMIT.windowMs - now : 0;
	});
}

/** Milliseconds until this address may look up again (0: now), without counting anything. */
export function verifyLookupWait(address: string, now = Date.now(), scope: 'verify' | 'badge' = 'verify'): number {
	const row = getDb()
		.select()
		.from(authThrottle)
		.where(eq(authThrottle.key, `${scope}:${address}`))
		.get();
	if (!row || now - row.windowStart.getTime() >= VERIFY_LIMIT.windowMs || row.failures < VERIFY_LIMIT.lookups) return 0;
	return row.windowStart.getTime() + VERIFY_LIMIT.windowMs - now;
}
