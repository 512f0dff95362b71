// Sign-in throttling as a whole (issue 14): attempts are taken before the slow password check, per (account,
// address) pair with a growing delay, under a high per-account ceiling; argon2 runs a few at a time.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	hashPassword,
	createLimiter,
	HashQueueFullError,
	argon2Limiter,
	ARGON2_CONCURRENCY
} from '$lib/server/auth/password';
import { resetPasswordWithLink } from '$lib/server/auth/password-change';
import { checkCredentials } from '$lib/server/auth/sign-in';
import { blockAfter, pairKey, THROTTLE_RULES, throttleKey, throttleWait } from '$lib/server/auth/throttle';
import { createPasswordReset, findValidPasswordReset } from '$lib/server/auth/tokens';
import { getDb } from '$lib/server/db';
import { authThrottle } from '$lib/server/db/schema';
import { insertUser } from './db-helpers';

const MINUTE = 60_000;
const PASSWORD = 'prawdziwe-haslo-123';
let passwordHash: Promise<string> | undefined;
async function account(email: string) {
	passwordHash ??= hashPassword(PASSWORD);
	return insertUser({ email, passwordHash: await passwordHash });
}

describe('sign-in throttling under parallel requests', () => {
	it('30 parallel wrong passwords for one account: at most 5 are checked, the rest are refused (429)', async () => {
		await account('rownolegle@example.test');
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) => checkCredentials('rownolegle@example.test', `zle-haslo-${i}`, '203.0.113.5'))
		);
		const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
		const throttled = results.filter((r) => !r.ok && r.reason === 'throttled').length;
		expect(checked).toBeLessThanOrEqual(THROTTLE_RULES.pair.maxFailures);
		expect(checked + throttled).toBe(30);
		// The right password from the same place is refused too, until the delay is over.
		expect(await checkCredentials('rownolegle@example.test', PASSWORD, '203.0.113.5')).toMatchObject({
			ok: false,
			reason: 'throttled',
			scope: 'pair'
		});
	});

	it('the same holds for an unknown email (a block reveals nothing)', async () => {
		const results = await Promise.all(
			Array.from({ length: 12 }, () => checkCredentials('nikt@example.test', 'cokolwiek-123', '203.0.113.6'))
		);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid').length).toBe(THROTTLE_RULES.pair.maxFailures);
	});

	it('runs at most ARGON2_CONCURRENCY hashes at once', async () => {
		argon2Limiter.stats.peak = 0;
		await account('kolejka@example.test');
		await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				checkCredentials('kolejka@example.test', `zle-${i}-haslo`, `203.0.113.${20 + i}`)
			)
		);
		expect(argon2Limiter.stats.peak).toBeGreaterThan(0);
		expect(argon2Limiter.stats.peak).toBeLessThanOrEqual(ARGON2_CONCURRENCY);
	});
});

describe('a limiter', () => {
	it('runs tasks in turn and refuses beyond its queue', async () => {
		const limiter = createLimiter(2, 3);
		let running = 0;
		let peak = 0;
		const gates: Array<() => void> = [];
		const task = () =>
			limiter.run(async () => {
				running++;
				peak = Math.max(peak, running);
				await new Promise<void>((resolve) => gates.push(resolve));
				running--;
			});
		const runs = Array.from({ length: 5 }, task);
		await expect(task()).rejects.toBeInstanceOf(HashQueueFullError);
		while (gates.length > 0 || running > 0) {
			gates.shift()?.();
			await new Promise((r) => setTimeout(r, 0));
		}
		await Promise.all(runs);
		expect(peak).toBe(2);
	});
});

describe('per pair, with a growing delay, under a per-account ceiling', () => {
	it('doubles the delay after the free failures, up to 15 minutes', () => {
		expect([4, 5, 6, 7, 8, 9, 10].map((n) => blockAfter('pair', n) / MINUTE)).toEqual([0, 1, 2, 4, 8, 15, 15]);
	});

	it('failures from one address do not lock the owner out elsewhere', async () => {
		await account('wlasciciel@example.test');
		for (let i = 0; i < 6; i++) await checkCredentials('wlasciciel@example.test', `zle-haslo-${i}`, '198.51.100.66');
		expect(throttleWait(pairKey('wlasciciel@example.test', '198.51.100.66'))).toBeGreaterThan(0);
		expect((await checkCredentials('wlasciciel@example.test', PASSWORD, '192.0.2.10')).ok).toBe(true);
		// Nor do they lock out the other people in that office (the address ceiling is far off).
		await account('kolega@example.test');
		expect((await checkCredentials('kolega@example.test', PASSWORD, '198.51.100.66')).ok).toBe(true);
	});

	it('a right password clears its pair and gives the attempt back to the account', async () => {
		await account('pomylka@example.test');
		for (let i = 0; i < 3; i++) await checkCredentials('pomylka@example.test', `zle-haslo-${i}`, '192.0.2.30');
		expect((await checkCredentials('pomylka@example.test', PASSWORD, '192.0.2.30')).ok).toBe(true);
		const rows = getDb().select().from(authThrottle).all();
		expect(rows.find((r) => r.key === pairKey('pomylka@example.test', '192.0.2.30'))).toBeUndefined();
		expect(rows.find((r) => r.key === throttleKey('email', 'pomylka@example.test'))?.failures).toBe(3);
	});

	it('a distributed attack reaches the account ceiling; the owner is told, and a reset lifts it', async () => {
		const id = await account('cel@example.test');
		const perAddress = THROTTLE_RULES.pair.maxFailures;
		const addresses = Math.ceil(THROTTLE_RULES.email.maxFailures / perAddress);
		for (let a = 0; a < addresses; a++)
			await Promise.all(
				Array.from({ length: perAddress }, (_, i) =>
					checkCredentials('cel@example.test', `zle-${i}-haslo`, `10.9.0.${a}`)
				)
			);
		const owner = await checkCredentials('cel@example.test', PASSWORD, '192.0.2.99');
		expect(owner).toMatchObject({ ok: false, reason: 'throttled', scope: 'account' });

		const reset = findValidPasswordReset(createPasswordReset(id))!;
		expect(resetPasswordWithLink(reset, await hashPassword('nowe-haslo-456789'))).toBe(true);
		expect((await checkCredentials('cel@example.test', 'nowe-haslo-456789', '192.0.2.99')).ok).toBe(true);
		const row = getDb()
			.select()
			.from(authThrottle)
			.where(eq(authThrottle.key, throttleKey('email', 'cel@example.test')))
			.get();
		expect(row?.failures ?? 0).toBe(0);
	});
});

describe('when the hashing queue is full', () => {
	it('a sign-in is refused as busy and not counted; setting a password waits its turn', async () => {
		await account('tlok@example.test');
		let open!: () => void;
		const gate = new Promise<void>((resolve) => (open = resolve));
		const blockers = Array.from({ length: ARGON2_CONCURRENCY + 200 }, () => argon2Limiter.run(() => gate));
		const result = await checkCredentials('tlok@example.test', PASSWORD, '192.0.2.77');
		expect(result).toMatchObject({ ok: false, reason: 'throttled', scope: 'busy' });
		const pair = getDb()
			.select()
			.from(authThrottle)
			.where(eq(authThrottle.key, pairKey('tlok@example.test', '192.0.2.77')))
			.get();
		expect(pair?.failures ?? 0).toBe(0);
		const hashing = hashPassword('czeka-na-swoja-kolej');
		open();
		await Promise.all(blockers);
		expect(await hashing).toMatch(/^\$argon2id\$/);
		expect((await checkCredentials('tlok@example.test', PASSWORD, '192.0.2.77')).ok).toBe(true);
	});
});
