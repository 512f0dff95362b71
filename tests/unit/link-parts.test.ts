import { describe, expect, it } from 'vitest';
import { linkParts } from '../../src/lib/link-parts';

describe('links in outbox text', () => {
	it('makes http(s) addresses links and leaves the rest as text', () => {
		expect(linkParts('Link:\n\nhttps://akademia.example.pl/invitation/abc.\n\nKoniec')).toEqual([
			{ text: 'Link:\n\n' },
			{ text: 'https://akademia.example.pl/invitation/abc', href: 'https://akademia.example.pl/invitation/abc' },
			{ text: '.\n\nKoniec' }
		]);
		expect(linkParts('javascript:alert(1) bez adresu')).toEqual([{ text: 'javascript:alert(1) bez adresu' }]);
		expect(linkParts('')).toEqual([]);
	});
});
