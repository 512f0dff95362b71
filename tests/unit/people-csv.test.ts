import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv, detectSeparator, mapHeader, normaliseHeader, parseCsv } from '$lib/server/people/csv';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/${name}`));
const EXPECTED_FIRST = [
	'Łucja Żółkiewska-Gęślak',
	'l.zolkiewska@gmina-przykladowa.test',
	'Urząd Gminy Przykładowa',
	'Kraków – grudzień'
];

describe('decodeCsv', () => {
	it('reads Excel "CSV UTF-8": drops the BOM, keeps Polish letters', () => {
		const { text, encoding } = decodeCsv(fixture('staff-excel-utf8-bom.csv'));
		expect(encoding).toBe('utf-8');
		expect(text.charCodeAt(0)).not.toBe(0xfeff);
		expect(text.startsWith('Imię i nazwisko;')).toBe(true);
		expect(parseCsv(text)[1]).toEqual(EXPECTED_FIRST);
	});

	it('reads plain Excel "CSV" from Polish Windows as Windows-1250, en dash included', () => {
		const { text, encoding } = decodeCsv(fixture('staff-excel-cp1250.csv'));
		expect(encoding).toBe('windows-1250');
		const rows = parseCsv(text);
		expect(rows[0]).toEqual(['Imię i nazwisko', 'E-mail', 'Urząd', 'Grupa']);
		expect(rows[1]).toEqual(EXPECTED_FIRST);
		expect(rows).toHaveLength(4);
	});

	it('reads both fixtures to the same rows', () => {
		const a = parseCsv(decodeCsv(fixture('staff-excel-utf8-bom.csv')).text);
		const b = parseCsv(decodeCsv(fixture('staff-excel-cp1250.csv')).text);
		expect(a).toEqual(b);
	});

	it('treats UTF-8 without a BOM as UTF-8', () => {
		const { text, encoding } = decodeCsv(new TextEncoder().encode('Imię;Grupa\nŻaneta;Łódź\n'));
		expect(encoding).toBe('utf-8');
		expect(text).toContain('Żaneta;Łódź');
	});

	it('decodes any cp1250 file with the Polish header back to itself', () => {
		// "ę " in the header is never valid UTF-8, so an Excel export with Polish headers is always recognised.
		fc.assert(
			fc.property(fc.stringMatching(/^[A-Za-ząćęłńóśźżĄĆĘŁŃÓŚŹŻ ;–-]{1,40}$/), (s) => {
				const text = `Imię i nazwisko;E-mail;Urząd;Grupa\r\n${s}`;
				expect(decodeCsv(new Uint8Array(iconv.encode(text, 'win1250'))).text).toBe(text);
			})
		);
	});

	it('has one known blind spot: cp1250 bytes that happen to be valid UTF-8 are read as UTF-8', () => {
		// "SPÓŁKA" in capitals is D3 A3 in cp1250, a valid UTF-8 pair; with nothing else non-ASCII in the file
		// the rule "valid UTF-8 is UTF-8" misreads it. Documented in ARCHITECTURE.md; the preview shows it.
		const bytes = new Uint8Array(iconv.encode('name;email;organisation;group\r\nJan;j@x.test;SPÓŁKA;G', 'win1250'));
		expect(decodeCsv(bytes).encoding).toBe('utf-8');
	});
});

describe('parseCsv', () => {
	it('splits on CRLF and LF, and skips blank lines', () => {
		expect(parseCsv('a;b\r\n1;2\r\n\r\n3;4\n', ';')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4']
		]);
	});

	it('keeps separators, doubled quotes and line breaks inside quoted fields', () => {
		const rows = parseCsv('n;o\r\n"Kowalski; Jan";"Urząd ""Nowy""\r\nSącz"\r\n', ';');
		expect(rows[1]).toEqual(['Kowalski; Jan', 'Urząd "Nowy"\r\nSącz']);
	});

	it('reads the formula-injection row of the problem file as one name field', () => {
		const rows = parseCsv(decodeCsv(fixture('staff-with-problems.csv')).text);
		expect(rows[2][0]).toBe('=HYPERLINK("http://urzad.test";"klik")');
		expect(rows[2]).toHaveLength(4);
	});

	it('detects the separator from the header, ignoring quoted ones', () => {
		expect(detectSeparator('Imię i nazwisko;E-mail;Urząd;Grupa\r\n')).toBe(';');
		expect(detectSeparator('name,email,organisation,group\n')).toBe(',');
		expect(detectSeparator('"a,b,c";x;y\n')).toBe(';');
		expect(parseCsv('name,email\n"Nowak, Anna",a@b.test\n')).toEqual([
			['name', 'email'],
			['Nowak, Anna', 'a@b.test']
		]);
	});

	it('round-trips any table written with RFC 4180 quoting, with either separator', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', 'ą', ' ', ';', ',', '"', '\r\n', '\n', 'Ż') });
		const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 });
		fc.assert(
			fc.property(table, fc.constantFrom(';' as const, ',' as const), (rows, sep) => {
				const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
				const text = rows.map((r) => r.map(quote).join(sep)).join('\r\n');
				expect(parseCsv(text, sep)).toEqual(rows);
			})
		);
	});
});

describe('mapHeader', () => {
	it('knows Polish and English headers in any order and case', () => {
		expect(mapHeader(['Imię i nazwisko', 'E-mail', 'Urząd', 'Grupa']).columns).toEqual({
			name: 0,
			email: 1,
			organisation: 2,
			group: 3
		});
		expect(mapHeader(['GROUP', 'Email', 'Organisation', 'Name']).columns).toEqual({
			group: 0,
			email: 1,
			organisation: 2,
			name: 3
		});
		expect(normaliseHeader(' Urząd  lub instytucja ')).toBe('urzad lub instytucja');
	});

	it('lists the missing columns', () => {
		expect(mapHeader(['Imię i nazwisko', 'E-mail']).missing).toEqual(['organisation', 'group']);
	});
});
