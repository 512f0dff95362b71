// The results export (group-wide or one quiz) as CSV; headers come translated from the caller.
import { toCsv, type CsvValue } from '../csv';
import type { ResultRow } from './results';

export interface ResultsCsvLabels {
	header: string[];
	yes: string;
	no: string;
	quizTitle: (slug: string) => string;
}

export function resultsCsv(rows: ResultRow[], labels: ResultsCsvLabels): string {
	const data = rows.map((r): CsvValue[] => [
		r.name,
		r.email,
		r.organisation,
		labels.quizTitle(r.quizSlug),
		r.number,
		r.submittedAt,
		r.score,
		r.maxScore,
		r.percent,
		r.passed ? labels.yes : labels.no
	]);
	return toCsv(labels.header, data);
}
