// The good-practice case: frontmatter schema and body sections (docs/CONTENT-FORMAT.md, "Good practices").
// One schema for both sources: case files under practices/ and cases submitted through the form.
import { z } from 'zod';
import { COUNTRIES } from './countries';

export const REGIONS = ['far-east', 'middle-east', 'other'] as const;
export const OFFICE_TYPES = ['gmina', 'powiat', 'wojewodztwo', 'inne'] as const;
export const FORMS = [
	'partnership-agreement',
	'project',
	'economic-mission',
	'study-visit',
	'investor-service',
	'exchange'
] as const;

export type Region = (typeof REGIONS)[number];
export type OfficeType = (typeof OFFICE_TYPES)[number];
export type CooperationForm = (typeof FORMS)[number];

/** The body's sections, in the order a case must give them, with their `##` headings. */
export const SECTIONS = [
	{ key: 'situation', heading: 'Sytuacja wyjściowa' },
	{ key: 'goals', heading: 'Cele' },
	{ key: 'actions', heading: 'Działania' },
	{ key: 'results', heading: 'Rezultaty' },
	{ key: 'difficulties', heading: 'Trudności i wnioski' },
	{ key: 'tips', heading: 'Wskazówki międzykulturowe i protokolarne' },
	{ key: 'transferability', heading: 'Przenoszalność' }
] as const;
export type SectionKey = (typeof SECTIONS)[number]['key'];
export type Sections = Record<SectionKey, string>;

/** Slugs taken by pages under /practices/. */
export const RESERVED_PRACTICE_SLUGS = new Set(['submit', 'submissions', 'print']);

export const practiceSlugSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, -)')
	.refine((s) => !RESERVED_PRACTICE_SLUGS.has(s), 'is reserved for a page under /practices/');

const text = z.string().trim().min(1, 'must not be empty');
const year = z.number().int().min(1950).max(2100);

function isRealDate(s: string) {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function isWebAddress(s: string): boolean {
	if (!/^https?:\/\/[^\s/]+\.[^\s]*$/i.test(s)) return false;
	try {
		return ['http:', 'https:'].includes(new URL(s).protocol);
	} catch {
		return false;
	}
}

export const isoDateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
	.refine(isRealDate, 'is not a real date');

export const sourceSchema = z.strictObject({
	title: text,
	publisher: text,
	date: z.union([text, z.number().int()]).transform(String).optional(),
	url: z.string().trim().refine(isWebAddress, 'must be a full address starting with https:// (or http://)')
});

export const practiceFrontmatterSchema = z
	.strictObject({
		title: text,
		summary: text,
		offices: z
			.array(z.strictObject({ name: text, type: z.enum(OFFICE_TYPES) }))
			.min(1, 'at least one local government is required'),
		partner: z.strictObject({
			name: text,
			country: z
				.string()
				.refine(
					(c) => c in COUNTRIES,
					'unknown ISO 3166-1 alpha-2 code (add it to src/lib/server/practices/countries.ts)'
				),
			region: z.enum(REGIONS)
		}),
		forms: z.array(z.enum(FORMS)).min(1, 'at least one form of cooperation is required'),
		year_from: year.optional(),
		year_to: year.optional(),
		funding: text.optional(),
		lessons: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be <course-slug>/<lesson-slug>')).default([]),
		last_verified: isoDateSchema,
		sources: z
			.array(sourceSchema, { error: 'a case needs its sources (title, publisher, url)' })
			.min(1, 'a case needs at least one source'),
		contact: z.strictObject({ consent: z.boolean(), text: text }).optional()
	})
	.refine((c) => c.year_from === undefined || c.year_to === undefined || c.year_from <= c.year_to, {
		message: 'year_to is before year_from',
		path: ['year_to']
	});

export type PracticeFrontmatter = z.output<typeof practiceFrontmatterSchema>;
