import { describe, expect, it } from 'vitest';
import { publicOrigin, rememberRequestOrigin } from '$lib/server/origin';

describe('publicOrigin', () => {
	it('prefers ORIGIN, then the address a request came in on', () => {
		expect(publicOrigin({})).toBeNull();
		rememberRequestOrigin('not a url');
		expect(publicOrigin({})).toBeNull();
		rememberRequestOrigin('https://akademia.example.pl');
		expect(publicOrigin({})).toBe('https://akademia.example.pl');
		expect(publicOrigin({ ORIGIN: 'https://szkolenia.example.gov.pl/' })).toBe('https://szkolenia.example.gov.pl');
		expect(publicOrigin({ ORIGIN: '  ' })).toBe('https://akademia.example.pl');
	});
});
