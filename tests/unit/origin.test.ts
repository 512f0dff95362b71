import { describe, expect, it } from 'vitest';
import { publicOrigin } from '$lib/server/origin';

describe('publicOrigin', () => {
	it('is ORIGIN without its trailing slash, and nothing outside a request without it', () => {
		expect(publicOrigin({ ORIGIN: 'https://szkolenia.example.gov.pl/' })).toBe('https://szkolenia.example.gov.pl');
		expect(publicOrigin({})).toBeNull();
		expect(publicOrigin({ ORIGIN: '  ' })).toBeNull();
	});
});
