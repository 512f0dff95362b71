import { describe, expect, it } from 'vitest';
import { OPENED_VALID_MS, openedAt, openedToken } from '$lib/server/progress/opened';

const key = { userId: 'u1', courseSlug: 'kurs', lessonSlug: 'lekcja' };
const session = 'a'.repeat(64);
const T0 = 1_800_000_000_000;

describe('the lesson page\'s "served at" field (progress/opened.ts)', () => {
	it('gives back when the page was served, for the same session, user and lesson', () => {
		const token = openedToken(session, key, T0);
		expect(openedAt(token, session, key, T0 + 600_000)).toBe(T0);
	});

	it('refuses it for another session, user or lesson', () => {
		const token = openedToken(session, key, T0);
		expect(openedAt(token, 'b'.repeat(64), key, T0 + 1000)).toBeNull();
		expect(openedAt(token, session, { ...key, userId: 'u2' }, T0 + 1000)).toBeNull();
		expect(openedAt(token, session, { ...key, lessonSlug: 'inna' }, T0 + 1000)).toBeNull();
		expect(openedAt(token, session, { ...key, courseSlug: 'inny' }, T0 + 1000)).toBeNull();
	});

	it('cannot be back-dated: a changed time no longer matches its signature', () => {
		const [, mac] = openedToken(session, key, T0).split('.');
		expect(openedAt(`${T0 - 3_600_000}.${mac}`, session, key, T0 + 1000)).toBeNull();
	});

	it('refuses a time in the future, a field older than its validity, and anything malformed', () => {
		expect(openedAt(openedToken(session, key, T0 + 5000), session, key, T0)).toBeNull();
		expect(openedAt(openedToken(session, key, T0), session, key, T0 + OPENED_VALID_MS + 1)).toBeNull();
		for (const bad of [
			undefined,
			null,
			'',
			'abc',
			`${T0}`,
			`${T0}.`,
			`${T0}.${'A'.repeat(22)}`,
			42,
			`-1.${'A'.repeat(22)}`
		])
			expect(openedAt(bad, session, key, T0 + 1000)).toBeNull();
	});
});
