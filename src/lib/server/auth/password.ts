import { hash, verify } from '@node-rs/argon2';

// argon2id with the parameters the Lucia guide and OWASP recommend (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Raised when too many hashes are already waiting: the caller answers "busy, try again shortly". */
export class HashQueueFullError extends Error {
	constructor() {
		super('password hashing queue is full');
	}
}

/**
 * Runs at most `concurrency` tasks at once; up to `maxQueued` more wait in order, beyond that a task is refused
 * with HashQueueFullError. A burst of sign-ins then takes turns instead of filling libuv's thread pool (which file
 * and DNS work share) with 19 MiB hashes.
 */
export function createLimiter(concurrency: number, maxQueued: number) {
	let active = 0;
	const waiting: Array<() => void> = [];
	const stats = { active: 0, peak: 0, queued: 0 };
	/** `refuseWhenFull: false` waits however long the queue is (for work already limited elsewhere). */
	async function run<T>(task: () => Promise<T>, refuseWhenFull = true): Promise<T> {
		if (active >= concurrency) {
			if (refuseWhenFull && waiting.length >= maxQueued) throw new HashQueueFullError();
			stats.queued = waiting.length + 1;
			// Woken with the slot of a task that ended: `active` already counts this one.
			await new Promise<void>((resolve) => waiting.push(resolve));
			stats.queued = waiting.length;
		} else active++;
		stats.active = active;
		stats.peak = Math.max(stats.peak, active);
		try {
			return await task();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else active--;
			stats.active = active;
		}
	}
	return { run, stats };
}

/** Two hashes at a time (the project's servers have two cores); 200 waiting is a few seconds of work. */
export const ARGON2_CONCURRENCY = 2;
export const argon2Limiter = createLimiter(ARGON2_CONCURRENCY, 200);

// Setting a password needs a valid link or session, so it waits its turn and is never refused.
export function hashPassword(password: string): Promise<string> {
	return argon2Limiter.run(() => hash(password, OPTIONS), false);
}

/**
 * Checks a password against its hash, waiting its turn. With `refuseWhenBusy` (anonymous sign-ins, which anyone
 * can send by the thousand) a full queue throws HashQueueFullError instead of waiting.
 */
export async function verifyPassword(passwordHash: string, password: string, refuseWhenBusy = false): Promise<boolean> {
	try {
		return await argon2Limiter.run(() => verify(passwordHash, password), refuseWhenBusy);
	} catch (e) {
		if (e instanceof HashQueueFullError) throw e;
		return false;
	}
}

// Verified against when the email is unknown, so both answers take the same time.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string, refuseWhenBusy = false): Promise<false> {
	dummyHash ??= hashPassword('dummy-password-for-timing');
	await verifyPassword(await dummyHash, password, refuseWhenBusy);
	return false;
}
