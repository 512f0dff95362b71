import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, csvResponse, startsLikeFormula, toCsv } from '$lib/server/csv';

/** A minimal reader of what toCsv writes (quoted cells, doubled quotes, ";" and CRLF). */
function parse(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ';') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	return rows;
}

describe('CSV for Polish Excel', () => {
	it('starts with a BOM, separates with ";" and ends lines with CRLF', () => {
		const csv = toCsv(['Imię i nazwisko', 'Wynik'], [['Łucja Żółkiewska-Gęślak', 85.5]]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toBe('\uFEFFImię i nazwisko;Wynik\r\nŁucja Żółkiewska-Gęślak;85,5\r\n');
	});

	it('neutralises cells that a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+48 123')).toBe("'+48 123");
		expect(csvCell('-1+1')).toBe("'-1+1");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tcmd')).toBe("'\tcmd");
		expect(csvCell('\r=1')).toBe(`"'\r=1"`);
		expect(csvCell('a=b')).toBe('a=b');
	});

	it('looks past invisible characters and spaces before a formula (issue 14)', () => {
		expect(csvCell('\u200B=HYPERLINK("http://x")')).toBe(`"'\u200B=HYPERLINK(""http://x"")"`);
		expect(csvCell('\u202E\u2060+1')).toBe("'\u202E\u2060+1");
		expect(csvCell('\uFEFF@SUM(A1)')).toBe("'\uFEFF@SUM(A1)");
		expect(csvCell('\u00A0 -1+1')).toBe("'\u00A0 -1+1");
		expect(startsLikeFormula('\u200Bzwykły tekst')).toBe(false);
		expect(csvCell(-5)).toBe('-5');
	});

	it('quotes separators, quotes and line breaks, doubling quotes', () => {
		expect(csvCell('Urząd; Wydział')).toBe('"Urząd; Wydział"');
		expect(csvCell('Gmina „Zielona” "Dolina"')).toBe('"Gmina „Zielona” ""Dolina"""');
		expect(csvCell('dwie\nlinie')).toBe('"dwie\nlinie"');
		expect(csvCell(' spacja ')).toBe('" spacja "');
	});

	it('writes numbers with a decimal comma and leaves negative numbers as numbers', () => {
		expect(csvCell(72.456)).toBe('72,46');
		expect(csvCell(-0.25)).toBe('-0,25');
		expect(csvCell(100)).toBe('100');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(Number.NaN)).toBe('');
		expect(csvCell(true)).toBe('1');
	});

	it('writes dates in Polish local time', () => {
		expect(csvCell(new Date('2026-11-30T08:00:00Z'))).toBe('2026-11-30 09:00');
		expect(csvCell(new Date('2026-07-01T08:00:00Z'))).toBe('2026-07-01 10:00');
	});

	it('reads back exactly what was written, except the apostrophe before formula-like text', () => {
		fc.assert(
			fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
				const back = parse(toCsv(['a', 'b'], rows).slice(1));
				const expected = [
					['a', 'b'],
					...rows.map((r) => r.map((c) => (/^[\p{Cf}\p{Cc}\p{Z}\s]*[=+\-@\t\r]/u.test(c) ? "'" + c : c)))
				];
				expect(back).toEqual(expected);
			})
		);
	});

	it('offers the file as a UTF-8 download with an ASCII fallback name', () => {
		const response = csvResponse('x', 'postępy-Grupa pilotażowa — Małopolska.csv');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const disposition = response.headers.get('content-disposition')!;
		expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
		expect(decodeURIComponent(disposition.split("''")[1])).toBe('postępy-Grupa pilotażowa — Małopolska.csv');
	});
});
