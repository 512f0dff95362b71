import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';

describe('passwords', () => {
	it('hashes with argon2id and verifies only the right password', async () => {
		const hash = await hashPassword('zażółć gęślą jaźń 123');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(hash, 'zażółć gęślą jaźń 123')).toBe(true);
		expect(await verifyPassword(hash, 'zażółć gęślą jaźń 124')).toBe(false);
	});

	it('salts: the same password hashes differently twice', async () => {
		expect(await hashPassword('takie-samo-haslo')).not.toBe(await hashPassword('takie-samo-haslo'));
	});

	it('answers false, not an exception, for a malformed hash', async () => {
		expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
	});
});
