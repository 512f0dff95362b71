import { describe, expect, it } from 'vitest';
import { clearFailures, recordFailure, THROTTLE_RULES, throttleKey, throttleWait } from '$lib/server/auth/throttle';

describe('sign-in throttling', () => {
	it('blocks an account after its ceiling of failures in the window and lets it try again later', () => {
		const key = throttleKey('email', 'Ktos@Example.test');
		const now = Date.now();
		for (let i = 0; i < THROTTLE_RULES.email.maxFailures - 1; i++) recordFailure('email', key, now);
		expect(throttleWait(key, now)).toBe(0);
		recordFailure('email', key, now);
		expect(throttleWait(key, now)).toBe(THROTTLE_RULES.email.blockMs);
		expect(throttleWait(key, now + THROTTLE_RULES.email.blockMs)).toBe(0);
	});

	it('forgets failures after a success', () => {
		const key = throttleKey('email', 'dobry@example.test');
		for (let i = 0; i < THROTTLE_RULES.email.maxFailures - 1; i++) recordFailure('email', key);
		clearFailures(key);
		recordFailure('email', key);
		expect(throttleWait(key)).toBe(0);
	});

	it('blocks an address after its ceiling of failed sign-ins, and counts reset requests from it separately', () => {
		const now = Date.now();
		const signIn = throttleKey('ip', '198.51.100.7');
		const reset = throttleKey('reset-ip', '198.51.100.7');
		for (let i = 0; i < THROTTLE_RULES['reset-ip'].maxFailures; i++) recordFailure('reset-ip', reset, now);
		expect(throttleWait(reset, now)).toBeGreaterThan(0);
		// An office asking for many reset links does not lock its colleagues out of signing in.
		expect(throttleWait(signIn, now)).toBe(0);
		for (let i = 0; i < THROTTLE_RULES.ip.maxFailures - 1; i++) recordFailure('ip', signIn, now);
		expect(throttleWait(signIn, now)).toBe(0);
		recordFailure('ip', signIn, now);
		expect(throttleWait(signIn, now)).toBe(THROTTLE_RULES.ip.blockMs);
	});

	it('treats the key case-insensitively', () => {
		expect(throttleKey('email', 'A@B.test')).toBe(throttleKey('email', 'a@b.test'));
	});
});
