// Search and filters over the cases, in memory: a few dozen to a few hundred cases fit easily, and folding Polish
// letters in code is needed anyway (SQLite FTS5's remove_diacritics leaves "ł" as it is). Pure, so unit-tested.
import type { PracticeCase } from './catalogue';
import { FORMS, OFFICE_TYPES, REGIONS, type CooperationForm, type OfficeType, type Region } from './schema';
import { SECTIONS } from './schema';

/**
 * Lowercase, without diacritics ("ł" too, which has no decomposition), hyphens and punctuation as spaces:
 * "Łódź" and "lodz" meet, "Bielsko-Biała" is "bielsko biala".
 */
export function foldForSearch(text: string): string {
	return text
		.toLowerCase()
		.replace(/ł/g, 'l')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

// Polish inflects: "misje gospodarcze" should find "misja gospodarcza", "Krakowa" find "Kraków", "zatoka" find
// "Zatoki". Every search here matches the start of a word (or a part of the text), so a term loses its
// inflectional ending and keeps a stem of at least four letters: "misj", "gospodarcz", "krakow", "zatok". Folded
// endings (no diacritics), longest first; a short word stays whole, so "lodz" or "iran" is not cut down.
const ENDINGS = [
	'ami',
	'ach',
	'owi',
	'ego',
	'emu',
	'ych',
	'ymi',
	'imi',
	'om',
	'ow',
	'ej',
	'ie',
	'ii',
	'ia',
	'iu',
	'a',
	'e',
	'i',
	'y',
	'o',
	'u'
];
const MIN_STEM = 4;

/** The start of a word that its inflected forms share, for prefix matching ("gospodarcze" -> "gospodarcz"). */
export function stem(term: string): string {
	if (/\d/.test(term)) return term;
	const ending = ENDINGS.find((e) => term.endsWith(e) && term.length - e.length >= MIN_STEM);
	return ending ? term.slice(0, -ending.length) : term;
}

/** The query's words, folded and stemmed, each once (at most 12). */
export function searchTerms(query: string): string[] {
	return [...new Set(foldForSearch(query).split(' ').filter(Boolean).map(stem))].slice(0, 12);
}

export interface PracticeFilters {
	q?: string;
	region?: Region;
	country?: string;
	form?: CooperationForm;
	office?: OfficeType;
	/** The case's years overlap [from, to]; a case without year_to runs until now. */
	from?: number;
	to?: number;
}

/** Reads filters from a URL's query; unknown values are ignored (the page shows every case rather than none). */
export function filtersFromQuery(params: URLSearchParams): PracticeFilters {
	const pick = <T extends string>(name: string, allowed: readonly T[]) => {
		const v = params.get(name) ?? '';
		return (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
	};
	const yearOf = (name: string) => {
		const v = params.get(name)?.trim() ?? '';
		return /^\d{4}$/.test(v) ? Number(v) : undefined;
	};
	const q = params.get('q')?.trim().slice(0, 200) || undefined;
	const country = params.get('country')?.toUpperCase() ?? '';
	return {
		q,
		region: pick('region', REGIONS),
		country: /^[A-Z]{2}$/.test(country) ? country : undefined,
		form: pick('form', FORMS),
		office: pick('office', OFFICE_TYPES),
		from: yearOf('from'),
		to: yearOf('to')
	};
}

export function matchesFilters(c: PracticeCase, f: PracticeFilters, currentYear = new Date().getFullYear()): boolean {
	if (f.region && c.partner.region !== f.region) return false;
	if (f.country && c.partner.country !== f.country) return false;
	if (f.form && !c.forms.includes(f.form)) return false;
	if (f.office && !c.offices.some((o) => o.type === f.office)) return false;
	if (f.from !== undefined || f.to !== undefined) {
		// A case without years cannot be placed in time: a year filter leaves it out.
		if (c.yearFrom === undefined && c.yearTo === undefined) return false;
		const start = c.yearFrom ?? c.yearTo!;
		const end = c.yearTo ?? currentYear;
		if (f.from !== undefined && end < f.from) return false;
		if (f.to !== undefined && start > f.to) return false;
	}
	return true;
}

interface Indexed {
	title: string[];
	summary: string[];
	rest: string[];
}

const indexCache = new WeakMap<PracticeCase, Indexed>();

function words(text: string) {
	return foldForSearch(text).split(' ').filter(Boolean);
}

function indexOf(c: PracticeCase): Indexed {
	let entry = indexCache.get(c);
	if (!entry) {
		entry = {
			title: words(c.title),
			summary: words(c.summary),
			rest: words(
				[
					...c.offices.map((o) => o.name),
					c.partner.name,
					c.funding ?? '',
					...SECTIONS.map((s) => c.sections[s.key])
				].join(' ')
			)
		};
		indexCache.set(c, entry);
	}
	return entry;
}

/** 0 when some term is missing; otherwise higher for terms in the title (then summary, then anywhere). */
export function scoreCase(c: PracticeCase, terms: string[], extra: string[] = []): number {
	const idx = indexOf(c);
	const rest = extra.length ? [...idx.rest, ...extra.flatMap(words)] : idx.rest;
	let score = 0;
	for (const term of terms) {
		const hit = (list: string[]) => list.some((w) => w.startsWith(term));
		if (hit(idx.title)) score += 100;
		else if (hit(idx.summary)) score += 10;
		else if (hit(rest)) score += 1;
		else return 0;
	}
	return score;
}

/**
 * The cases that match the filters and every search term (a term matches the start of a word, so "wspolprac"
 * finds "współpracy"), title matches first; without a query, by title.
 * `extraText` adds searchable words per case (the country's names, the names of the case's forms of cooperation).
 */
export function searchCases(
	cases: readonly PracticeCase[],
	filters: PracticeFilters,
	extraText: (c: PracticeCase) => string[] = () => [],
	currentYear?: number
): PracticeCase[] {
	const filtered = cases.filter((c) => matchesFilters(c, filters, currentYear));
	const terms = searchTerms(filters.q ?? '');
	if (terms.length === 0) return filtered.sort((a, b) => a.title.localeCompare(b.title, 'pl'));
	return filtered
		.map((c) => ({ c, score: scoreCase(c, terms, extraText(c)) }))
		.filter((x) => x.score > 0)
		.sort((a, b) => b.score - a.score || a.c.title.localeCompare(b.c.title, 'pl'))
		.map((x) => x.c);
}
