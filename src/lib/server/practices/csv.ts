// The filtered list as Polish-Excel CSV, through the project's CSV helper (server/csv.ts).
import { toCsv } from '../csv';
import type { PracticeCase } from './catalogue';
import { countryName } from './countries';

export interface CsvLabels {
	header: string[];
	form: (f: PracticeCase['forms'][number]) => string;
	region: (r: PracticeCase['partner']['region']) => string;
	office: (t: PracticeCase['offices'][number]['type']) => string;
}

export function practicesCsv(cases: PracticeCase[], labels: CsvLabels, origin: string): string {
	return toCsv(
		labels.header,
		cases.map((c) => [
			c.title,
			c.offices.map((o) => `${o.name} (${labels.office(o.type)})`).join(', '),
			c.partner.name,
			countryName(c.partner.country),
			labels.region(c.partner.region),
			c.forms.map(labels.form).join(', '),
			c.yearFrom ?? '',
			c.yearTo ?? '',
			c.funding ?? '',
			c.summary,
			c.sources.map((s) => s.url).join(' '),
			c.lastVerified,
			`${origin}/practices/${c.slug}`
		])
	);
}
