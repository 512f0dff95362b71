import { describe, expect, it } from 'vitest';
import { hashToken, randomId } from '$lib/server/ids';

describe('ids', () => {
	it('hashes tokens as SHA-256 hex, so rows stored before keep matching', () => {
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(hashToken('zażółć')).toMatch(/^[0-9a-f]{64}$/);
	});

	it('makes random lower-case base32 ids of the asked entropy', () => {
		expect(randomId()).toMatch(/^[a-z2-7]{24}$/);
		expect(randomId(20)).toHaveLength(32);
		expect(randomId()).not.toBe(randomId());
	});
});
