// The raw answers as a table (one row per sent response, one or more columns per question), anonymised: no office,
// token, respondent or time. Written as Polish-Excel CSV (server/csv.ts, with its formula guard) and as XLSX.
import writeXlsxFile from 'write-excel-file/node';
import { toCsv, type CsvValue } from '../csv';
import { chosenIds, isVisible, OTHER, type Answers, type LikertAnswer } from './answers';
import type { Survey } from './catalogue';

export interface ResponseRow {
	answers: Answers;
	demo: boolean;
}

export interface AnswerTable {
	header: string[];
	rows: (string | number | null)[][];
}

export function answerTable(
	survey: Survey,
	responses: ResponseRow[],
	labels: { number: string; demo: string; other: string; yes: string; place: (n: number) => string }
): AnswerTable {
	const header = [labels.number, labels.demo];
	const getters: ((a: Answers) => string | number | null)[] = [];
	for (const q of survey.questions) {
		const shown = (a: Answers) => isVisible(survey.questions, q, a) && a[q.id] !== undefined && a[q.id] !== null;
		if (q.type === 'single' || q.type === 'multiple') {
			const text = (id: string) => (id === OTHER ? labels.other : (q.options.find((o) => o.id === id)?.text ?? id));
			header.push(q.prompt);
			getters.push((a) => (shown(a) ? chosenIds(a[q.id]).map(text).join('; ') : null));
			if (q.other) {
				header.push(`${q.prompt} – ${labels.other}`);
				getters.push((a) => (shown(a) ? ((a[q.id] as { other?: string }).other ?? null) : null));
			}
		} else if (q.type === 'likert') {
			for (const row of q.rows) {
				header.push(`${q.prompt} – ${row.text}`);
				getters.push((a) => (shown(a) ? ((a[q.id] as LikertAnswer)[row.id] ?? null) : null));
			}
		} else if (q.type === 'ranking') {
			const pick = q.pick ?? q.items.length;
			for (let place = 0; place < pick; place++) {
				header.push(`${q.prompt} – ${labels.place(place + 1)}`);
				getters.push((a) => {
					if (!shown(a)) return null;
					const id = (a[q.id] as string[])[place];
					return id ? (q.items.find((i) => i.id === id)?.text ?? id) : null;
				});
			}
		} else {
			header.push(q.prompt);
			getters.push((a) => (shown(a) ? (a[q.id] as string | number) : null));
		}
	}
	const rows = responses.map((r, i) => [i + 1, r.demo ? labels.yes : '', ...getters.map((g) => g(r.answers))]);
	return { header, rows };
}

export function answersCsv(table: AnswerTable): string {
	return toCsv(table.header, table.rows as CsvValue[][]);
}

/**
 * XLSX with every text as a string cell: a spreadsheet never evaluates a string cell, so "=1+1" typed in an open
 * answer stays text (no formula cells are written at all).
 */
export async function answersXlsx(table: AnswerTable, sheet: string): Promise<Buffer> {
	const cell = (v: string | number | null) =>
		v === null || v === '' ? null : typeof v === 'number' ? { type: Number, value: v } : { type: String, value: v };
	const data = [
		table.header.map((h) => ({ type: String, value: h, fontWeight: 'bold' as const })),
		...table.rows.map((row) => row.map(cell))
	];
	return (await writeXlsxFile(data, { sheet: sheet.slice(0, 31) }).toBuffer()) as Buffer;
}
