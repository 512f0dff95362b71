// The good-practice case format: schema, sections, lesson references (fictitious fixtures only).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markUnconfirmed, toBlocks } from '$lib/server/practices/body';
import { buildCatalogue } from '$lib/server/content/catalogue';
import { readContentFiles } from '$lib/server/content/files-from-disk';
import { buildPracticeCatalogue, lessonRefsOf, PracticeContentError } from '$lib/server/practices/catalogue';
import { readPracticeFiles } from '$lib/server/practices/files-from-disk';

const FIXTURE = readFileSync(new URL('./fixtures/practices/gmina-przykladowa-fikcja.md', import.meta.url), 'utf8');
const LESSONS = new Set(['kurs-testowy/lekcja-pierwsza']);

function build(files: Record<string, string>) {
	return buildPracticeCatalogue(files, LESSONS);
}

function problemsOf(files: Record<string, string>): string[] {
	try {
		build(files);
	} catch (e) {
		if (e instanceof PracticeContentError) return e.problems;
		throw e;
	}
	return [];
}

describe('case files', () => {
	it('reads a valid case with its sections, facts and sources', () => {
		const [c] = build({ '/practices/gmina-przykladowa-fikcja.md': FIXTURE });
		expect(c.slug).toBe('gmina-przykladowa-fikcja');
		expect(c.partner).toEqual({ name: 'Miasto Wschodu (fikcja)', country: 'JP', region: 'far-east' });
		expect(c.forms).toEqual(['exchange', 'study-visit']);
		expect([c.yearFrom, c.yearTo]).toEqual([2015, 2018]);
		expect(c.sources[0]).toMatchObject({ date: '2016', url: 'https://example.test/zrodlo' });
		expect(c.sections.goals).toBe('Cel.');
		// Contact without consent is never shown.
		expect(c.contact).toBeUndefined();
	});

	it('refuses a case without sources, naming the file and the field', () => {
		const noSources = FIXTURE.replace(/sources:\n(?: {2}.*\n)+/, '');
		expect(noSources).not.toContain('sources:');
		const problems = problemsOf({ '/practices/bez-zrodel.md': noSources });
		expect(problems.some((p) => p.startsWith('/practices/bez-zrodel.md: sources'))).toBe(true);
		const empty = problemsOf({ '/practices/puste.md': FIXTURE.replace(/sources:\n(?: {2}.*\n)+/, 'sources: []\n') });
		expect(empty).toEqual(['/practices/puste.md: sources: a case needs at least one source']);
	});

	it('refuses a source without an address and an unknown country, form or office type', () => {
		const bad = FIXTURE.replace('url: https://example.test/zrodlo', 'url: example.test')
			.replace('country: JP', 'country: XX')
			.replace('forms: [exchange, study-visit]', 'forms: [tourism]')
			.replace('type: gmina', 'type: miasto');
		const problems = problemsOf({ '/practices/zly.md': bad }).join('\n');
		expect(problems).toContain('/practices/zly.md: sources.0.url');
		expect(problems).toContain('/practices/zly.md: partner.country');
		expect(problems).toContain('/practices/zly.md: forms.0');
		expect(problems).toContain('/practices/zly.md: offices.0.type');
	});

	it('refuses a lesson that does not exist and a bad date', () => {
		const bad = FIXTURE.replace('kurs-testowy/lekcja-pierwsza', 'kurs-testowy/nie-ma').replace(
			'last_verified: 2026-01-15',
			'last_verified: 2026-02-30'
		);
		const problems = problemsOf({ '/practices/zly.md': bad }).join('\n');
		expect(problems).toContain('lessons.0: no lesson "kurs-testowy/nie-ma"');
		expect(problems).toContain('last_verified: is not a real date');
	});

	it('requires exactly the seven sections in order, text only', () => {
		const swapped = FIXTURE.replace('## Cele', '## XCele');
		expect(problemsOf({ '/practices/a.md': swapped }).join()).toContain('the ## sections must be exactly');
		const missing = FIXTURE.replace(/## Przenoszalność\n\nPrzenoszalność.\n/, '');
		expect(problemsOf({ '/practices/a.md': missing }).join()).toContain('found: Sytuacja wyjściowa');
		const html = FIXTURE.replace('Cel.', 'Cel <script>alert(1)</script>');
		expect(problemsOf({ '/practices/a.md': html })).toEqual([
			'/practices/a.md: body: ## Cele: contains HTML or a component (only paragraphs and "- " lists)'
		]);
		const empty = FIXTURE.replace('Cel.', '');
		expect(problemsOf({ '/practices/a.md': empty })).toEqual(['/practices/a.md: body: ## Cele: is empty']);
	});

	it('refuses bad file names and reserved slugs, and ignores a README', () => {
		expect(problemsOf({ '/practices/Zly_Plik.md': FIXTURE }).join()).toContain('file name');
		expect(problemsOf({ '/practices/submit.md': FIXTURE }).join()).toContain('reserved');
		expect(build({ '/practices/README.md': '# notes' })).toEqual([]);
	});

	it('reads the real practices/ folder without problems (what content:check and the build run)', () => {
		const files = readPracticeFiles('practices');
		const lessons = lessonRefsOf(buildCatalogue(readContentFiles('lessons')).courses);
		expect(() => buildPracticeCatalogue(files, lessons)).not.toThrow();
	});
});

describe('case text', () => {
	it('makes paragraphs and lists, and marks "niepotwierdzone"', () => {
		expect(toBlocks('Akapit\nw dwóch wierszach.\n\n- a\n- b\n  ciąg dalszy\nPo liście.')).toEqual([
			{ type: 'p', text: 'Akapit w dwóch wierszach.' },
			{ type: 'ul', items: ['a', 'b ciąg dalszy'] },
			{ type: 'p', text: 'Po liście.' }
		]);
		expect(markUnconfirmed('Liczba gości (niepotwierdzone).')).toEqual([
			{ text: 'Liczba gości (', unconfirmed: false },
			{ text: 'niepotwierdzone', unconfirmed: true },
			{ text: ').', unconfirmed: false }
		]);
	});
});
