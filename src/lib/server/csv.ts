// CSV that opens correctly in Polish Excel: UTF-8 with a BOM (or Excel guesses cp1250 and breaks "ł"),
// ";" as the separator (Polish Excel uses "," for decimals), CRLF line ends. Pure, so it is unit-tested.
import { attachmentDisposition } from './attachment';

export type CsvValue = string | number | boolean | Date | null | undefined;

export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';
const NEWLINE = '\r\n';
/**
 * A cell starting with one of = + - @ (or a tab or CR) is read by spreadsheets as a formula (CSV/formula
 * injection, OWASP). Spreadsheets skip invisible characters and spaces before it, so this looks past them:
 * "\u200B=HYPERLINK(...)" is a formula too.
 */
const FORMULA_START = /^[\p{Cf}\p{Cc}\p{Z}\s]*[=+\-@\t\r]/u;

/** The CSV formula guard: true when a text would start a formula in a spreadsheet (see FORMULA_START). */
export function startsLikeFormula(text: string): boolean {
	return FORMULA_START.test(text);
}

/** Polish decimal comma; whole numbers stay as they are. Numbers are never neutralised (-5 is a number). */
function formatNumber(n: number): string {
	if (!Number.isFinite(n)) return '';
	return String(Math.round(n * 100) / 100).replace('.', ',');
}

// Local time of the people who read the file; sv-SE gives ISO-like "2026-11-30 09:00:00". One formatter for
// every cell (the options toLocaleString would use): a new one per cell is slow and holds ICU memory until a GC.
const warsawIso = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Warsaw',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric'
});

function formatDate(d: Date): string {
	return warsawIso.format(d).slice(0, 16);
}

export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	let text: string;
	if (typeof value === 'number') text = formatNumber(value);
	else if (typeof value === 'boolean') text = value ? '1' : '0';
	else if (value instanceof Date) text = formatDate(value);
	else {
		text = value;
		if (startsLikeFormula(text)) text = "'" + text;
	}
	if (/[";\r\n]/.test(text) || text !== text.trim()) return '"' + text.replaceAll('"', '""') + '"';
	return text;
}

/** The whole file: BOM, a header row, data rows, each line ended by CRLF. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
	const lines = [header, ...rows].map((row) => row.map(csvCell).join(SEPARATOR));
	return CSV_BOM + lines.map((line) => line + NEWLINE).join('');
}

/** A download response; the filename is ASCII-safe with the UTF-8 name alongside (RFC 6266). */
export function csvResponse(body: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachmentDisposition(filename),
			'cache-control': 'private, no-store'
		}
	});
}
