// Sign-in throttling (ASVS 2.2.1), in three layers (docs/SECURITY.md explains the trade-off):
// - per (account, address) pair: 5 free failures, then a delay that doubles with every further failure (1, 2, 4,
//   8, 15 min): whoever guesses from one place slows down without locking the owner out elsewhere;
// - per account, a high ceiling over every address, that only a distributed attack reaches;
// - per address, a high ceiling over every account (password spraying from one place).
// The same rules apply to unknown emails, so a block reveals nothing. An attempt is counted *before* its password
// is checked (reserveSignIn, one synchronous transaction), and given back when the password was right, so parallel
// requests cannot all slip through while the slow argon2 check runs.
import { eq, inArray } from 'drizzle-orm';
import { getDb } from '../db';
import { authThrottle } from '../db/schema';

const MINUTE = 60_000;

interface ThrottleRule {
	/** Failures in the window after which the key is blocked. */
	maxFailures: number;
	windowMs: number;
	/** The block after the maxFailures-th failure. */
	blockMs: number;
	/** With this, each further failure doubles the block, up to this many milliseconds. */
	maxBlockMs?: number;
}

export const THROTTLE_RULES = {
	pair: { maxFailures: 5, windowMs: 60 * MINUTE, blockMs: MINUTE, maxBlockMs: 15 * MINUTE },
	email: { maxFailures: 50, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
	ip: { maxFailures: 100, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
	// Reset requests per address, counted apart from sign-ins: a busy office asking for links must not lock
	// everybody behind the same address out of signing in.
	'reset-ip': { maxFailures: 30, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE }
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleKind = keyof typeof THROTTLE_RULES;

export function throttleKey(kind: ThrottleKind, value: string) {
	return `${kind}:${value.toLowerCase()}`;
}

/** The key of one account tried from one address. */
export function pairKey(email: string, address: string) {
	return throttleKey('pair', `${email}|${address}`);
}

/** How long a key is blocked after its n-th failure (0: not blocked). */
export function blockAfter(kind: ThrottleKind, failures: number): number {
	const rule: ThrottleRule = THROTTLE_RULES[kind];
	if (failures < rule.maxFailures) return 0;
	if (!rule.maxBlockMs) return rule.blockMs;
	return Math.min(rule.blockMs * 2 ** (failures - rule.maxFailures), rule.maxBlockMs);
}

/** Milliseconds the key must still wait, or 0 when it may try. */
export function throttleWait(key: string, now = Date.now()): number {
	const row = getDb().select().from(authThrottle).where(eq(authThrottle.key, key)).get();
	if (!row?.blockedUntil) return 0;
	return Math.max(0, row.blockedUntil.getTime() - now);
}

type Db = Pick<ReturnType<typeof getDb>, 'select' | 'insert' | 'update' | 'delete'>;

function addFailure(db: Db, kind: ThrottleKind, key: string, now: number) {
	const rule = THROTTLE_RULES[kind];
	const row = db.select().from(authThrottle).where(eq(authThrottle.key, key)).get();
	const fresh = !row || now - row.windowStart.getTime() > rule.windowMs;
	const failures = fresh ? 1 : row.failures + 1;
	const block = blockAfter(kind, failures);
	const values = {
		failures,
		windowStart: fresh ? new Date(now) : row.windowStart,
		blockedUntil: block > 0 ? new Date(now + block) : null
	};
	db.insert(authThrottle)
		.values({ key, ...values })
		.onConflictDoUpdate({ target: authThrottle.key, set: values })
		.run();
}

export function recordFailure(kind: ThrottleKind, key: string, now = Date.now()) {
	getDb().transaction((tx) => addFailure(tx, kind, key, now));
}

export function clearFailures(key: string) {
	getDb().delete(authThrottle).where(eq(authThrottle.key, key)).run();
}

/** Forgets every sign-in failure counted against an account (after its owner proved access to the mailbox). */
export function clearAccountThrottle(email: string, tx: Db = getDb()) {
	tx.delete(authThrottle)
		.where(eq(authThrottle.key, throttleKey('email', email)))
		.run();
}

export type SignInReservation =
	| {
			ok: true;
			/** The password was right: clears the pair, gives the attempt back to the account and the address. */
			succeeded: () => void;
			/** The password was not checked at all: gives the attempt back everywhere. */
			undo: () => void;
	  }
	| { ok: false; waitMs: number; scope: 'pair' | 'account' | 'address' };

const SCOPES = { pair: 'pair', email: 'account', ip: 'address' } as const;

/**
 * Takes one sign-in attempt for (email, address) before the password is checked: if the pair, the account or the
 * address is blocked, says how long and why; otherwise counts the attempt as a failure on all three keys, in one
 * synchronous transaction (no other request can run in between). A wrong password needs nothing more; see
 * `succeeded` and `undo` for the other outcomes.
 */
export function reserveSignIn(email: string, address: string, now = Date.now()): SignInReservation {
	const keys = [
		['pair', pairKey(email, address)],
		['email', throttleKey('email', email)],
		['ip', throttleKey('ip', address)]
	] as const;
	const db = getDb();
	return db.transaction((tx): SignInReservation => {
		const rows = tx
			.select()
			.from(authThrottle)
			.where(
				inArray(
					authThrottle.key,
					keys.map(([, key]) => key)
				)
			)
			.all();
		const waits = keys.map(([kind, key]) => ({
			scope: SCOPES[kind],
			waitMs: (rows.find((r) => r.key === key)?.blockedUntil?.getTime() ?? 0) - now
		}));
		// The account-wide block decides the message: its owner must learn that trying elsewhere will not help.
		const account = waits.find((w) => w.scope === 'account' && w.waitMs > 0);
		const longest = waits.reduce((a, b) => (b.waitMs > a.waitMs ? b : a));
		const worst = account ?? (longest.waitMs > 0 ? longest : null);
		if (worst) return { ok: false, ...worst };
		for (const [kind, key] of keys) addFailure(tx, kind, key, now);
		let settled = false;
		const settle = (success: boolean) => {
			if (settled) return;
			settled = true;
			releaseSignIn(keys, now, success);
		};
		return { ok: true, succeeded: () => settle(true), undo: () => settle(false) };
	});
}

function releaseSignIn(keys: ReadonlyArray<readonly [ThrottleKind, string]>, reservedAt: number, success: boolean) {
	getDb().transaction((tx) => {
		for (const [kind, key] of keys) {
			if (kind === 'pair' && success) {
				tx.delete(authThrottle).where(eq(authThrottle.key, key)).run();
				continue;
			}
			const row = tx.select().from(authThrottle).where(eq(authThrottle.key, key)).get();
			// A window that restarted since the reservation no longer holds this attempt.
			if (!row || row.windowStart.getTime() > reservedAt) continue;
			const failures = Math.max(0, row.failures - 1);
			const block = blockAfter(kind, failures);
			tx.update(authThrottle)
				.set({ failures, blockedUntil: block > 0 ? row.blockedUntil : null })
				.where(eq(authThrottle.key, key))
				.run();
		}
	});
}
