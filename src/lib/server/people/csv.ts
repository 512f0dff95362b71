// Reads a staff list as Polish Excel saves it: "CSV UTF-8" (with a BOM) or plain "CSV" (Windows-1250 on Polish
// Windows), `;` (Polish locale) or `,` as the separator, CRLF or LF, RFC 4180 quoting.
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'windows-1250';

/** Valid UTF-8 is UTF-8 (Excel's "CSV UTF-8" adds a BOM, but not every tool does); anything else is cp1250. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
	let body = bytes;
	if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
	} catch {
		return { text: iconv.decode(Buffer.from(body), 'win1250'), encoding: 'windows-1250' };
	}
}

/** The separator of the header line: the one of `;` and `,` that occurs more often outside quotes. */
export function detectSeparator(text: string): ';' | ',' {
	let semicolons = 0;
	let commas = 0;
	let quoted = false;
	for (const ch of text) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && ch === ';') semicolons++;
		else if (!quoted && ch === ',') commas++;
	}
	return commas > semicolons ? ',' : ';';
}

/** RFC 4180 records; quotes may hold separators, doubled quotes and line breaks. Blank lines are skipped. */
export function parseCsv(text: string, separator: ';' | ',' = detectSeparator(text)): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	let i = 0;
	const endRecord = () => {
		record.push(field);
		if (record.length > 1 || record[0].trim() !== '') records.push(record);
		record = [];
		field = '';
	};
	while (i < text.length) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
				continue;
			}
			if (ch === '"') quoted = false;
			else field += ch;
			i++;
			continue;
		}
		if (ch === '"' && field === '') quoted = true;
		else if (ch === separator) {
			record.push(field);
			field = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			endRecord();
			i++;
		} else if (ch === '\n' || ch === '\r') endRecord();
		else field += ch;
		i++;
	}
	if (field !== '' || record.length > 0) endRecord();
	return records;
}

export type Column = 'name' | 'email' | 'organisation' | 'group';

// Header names people actually write, compared lowercased and without diacritics or punctuation.
const HEADER_ALIASES: Record<Column, string[]> = {
	name: ['imie i nazwisko', 'imie nazwisko', 'nazwisko i imie', 'name', 'full name', 'imie', 'osoba'],
	email: ['email', 'e mail', 'adres email', 'adres e mail', 'mail', 'e mail address', 'email address'],
	organisation: [
		'urzad',
		'organizacja',
		'instytucja',
		'urzad lub instytucja',
		'jednostka',
		'organisation',
		'organization',
		'office'
	],
	group: ['grupa', 'group', 'grupa szkoleniowa']
};

export function normaliseHeader(header: string): string {
	return header
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/ł/g, 'l')
		.replace(/Ł/g, 'L')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** Which column holds what; missing columns are listed so the admin is told which one to add. */
export function mapHeader(header: string[]): { columns: Partial<Record<Column, number>>; missing: Column[] } {
	const columns: Partial<Record<Column, number>> = {};
	header.forEach((cell, index) => {
		const key = normaliseHeader(cell);
		for (const [column, aliases] of Object.entries(HEADER_ALIASES) as [Column, string[]][]) {
			if (columns[column] === undefined && aliases.includes(key)) columns[column] = index;
		}
	});
	const missing = (Object.keys(HEADER_ALIASES) as Column[]).filter((c) => columns[c] === undefined);
	return { columns, missing };
}
