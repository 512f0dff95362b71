// The library the pages use: case files under practices/ (bundled at build time, validated once) and published
// submissions from the database, merged into one list. A file wins if a submission ever had the same slug.
import { getCatalogue } from '../content';
import { buildPracticeCatalogue, lessonRefsOf, type PracticeCase } from './catalogue';
import { formLabelIn } from '$lib/practices/labels';
import { countriesByName, countryName } from './countries';
import { OFFICE_ROWS, SOURCE_ROWS } from './form';
import { SECTIONS } from './schema';
import { searchCases, type PracticeFilters } from './search';
import { publishedCasesVersion, publishedSubmissionCases } from './submissions';

export type { PracticeCase } from './catalogue';

const rawFiles = import.meta.glob('/practices/*.md', { query: '?raw', import: 'default', eager: true }) as Record<
	string,
	string
>;

let fileCases: PracticeCase[] | undefined;
let lessonRefs: Set<string> | undefined;

export function getLessonRefs(): Set<string> {
	lessonRefs ??= lessonRefsOf(getCatalogue().courses);
	return lessonRefs;
}

export function getFileCases(): PracticeCase[] {
	fileCases ??= buildPracticeCatalogue(rawFiles, getLessonRefs());
	return fileCases;
}

export function fileCaseSlugs(): Set<string> {
	return new Set(getFileCases().map((c) => c.slug));
}

// The merged list and its lesson index are built again only when a published submission changed
// (publishedCasesVersion): the lesson page asks for its cases on every view.
let merged: { version: string; all: PracticeCase[]; byLesson: Map<string, PracticeCase[]> } | undefined;

function mergedCases() {
	const version = publishedCasesVersion();
	if (merged?.version === version) return merged;
	const files = getFileCases();
	const slugs = new Set(files.map((c) => c.slug));
	const all = [...files, ...publishedSubmissionCases(getLessonRefs()).filter((c) => !slugs.has(c.slug))];
	const byLesson = new Map<string, PracticeCase[]>();
	for (const c of [...all].sort((a, b) => a.title.localeCompare(b.title, 'pl'))) {
		for (const ref of c.lessons) {
			const list = byLesson.get(ref);
			if (list) list.push(c);
			else byLesson.set(ref, [c]);
		}
	}
	merged = { version, all, byLesson };
	return merged;
}

/** Every published case: files, then submissions whose slug no file has. Callers must not change the list. */
export function allCases(): readonly PracticeCase[] {
	return mergedCases().all;
}

export function findCases(filters: PracticeFilters): PracticeCase[] {
	// A case is found by its country's name in either language ("Japonia", "Japan") and by the names of its forms
	// of cooperation ("misja gospodarcza"), which the case text need not repeat.
	return searchCases(allCases(), filters, (c) => [
		countryName(c.partner.country, 'pl'),
		countryName(c.partner.country, 'en'),
		...c.forms.flatMap((f) => [formLabelIn('pl', f), formLabelIn('en', f)])
	]);
}

export function getCase(slug: string): PracticeCase | undefined {
	return allCases().find((c) => c.slug === slug);
}

/** Cases that name a lesson among the lessons they illustrate (the lesson page links them back), by title. */
export function casesForLesson(courseSlug: string, lessonSlug: string): readonly PracticeCase[] {
	return mergedCases().byLesson.get(`${courseSlug}/${lessonSlug}`) ?? [];
}

/** A case is due for re-verification a year after it was last verified. */
export function isStale(lastVerified: string, now = new Date()): boolean {
	const due = new Date(`${lastVerified}T00:00:00Z`);
	due.setUTCFullYear(due.getUTCFullYear() + 1);
	return now.getTime() >= due.getTime();
}

/** The year span as shown: "2013–2017", "od 2013", "do 2017", or "". */
export function yearSpan(c: Pick<PracticeCase, 'yearFrom' | 'yearTo'>, since: string, until: string): string {
	if (c.yearFrom && c.yearTo) return c.yearFrom === c.yearTo ? String(c.yearFrom) : `${c.yearFrom}–${c.yearTo}`;
	if (c.yearFrom) return `${since} ${c.yearFrom}`;
	if (c.yearTo) return `${until} ${c.yearTo}`;
	return '';
}

/** What the submission form offers: countries, lessons by course, the sections, the number of repeated rows. */
export function formOptions() {
	return {
		countries: countriesByName(),
		courses: getCatalogue().courses.map((c) => ({
			title: c.title,
			lessons: c.lessons.map((l) => ({ ref: `${c.slug}/${l.slug}`, title: l.title }))
		})),
		sections: SECTIONS.map((s) => ({ key: s.key, heading: s.heading })),
		officeRows: OFFICE_ROWS,
		sourceRows: SOURCE_ROWS
	};
}

/** Today in Poland, YYYY-MM-DD (the "last verified" date a moderator gives a case by publishing it). */
export function todayInPoland(now = new Date()): string {
	return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Warsaw' });
}
