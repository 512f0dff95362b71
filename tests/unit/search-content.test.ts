import { describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/server/auth/session';
import { allGlossaryTerms, searchContent } from '$lib/server/search/content-search';
import { lessonPlainText } from '$lib/server/search/plain-text';
import { insertUser } from './db-helpers';

const person = (role: SessionUser['role']): SessionUser => ({
	id: insertUser({ role }),
	email: `${role}@x.test`,
	name: role,
	organisation: '',
	role,
	locale: 'pl'
});
const title = (c: { title: string }) => c.title;

describe('lesson text for search', () => {
	it('drops frontmatter, markup and tags, keeps what a reader sees', () => {
		const text = lessonPlainText(
			'---\ntitle: X\n---\n## Nagłówek\n\n<Callout type="law" title="Co mówi ustawa">\n\n**Biały** u góry.\n\n</Callout>\n\nRelacje <Term def="sieć zobowiązań">guanxi</Term>.'
		);
		expect(text).toBe('Nagłówek Co mówi ustawa Biały u góry. Relacje sieć zobowiązań guanxi .');
	});
});

describe('searching lessons and glossaries', () => {
	it('finds words regardless of case and Polish letters, title matches first, with the passage', () => {
		const staff = person('trainer');
		const a = searchContent(staff, 'flaga pionowo', title);
		const b = searchContent(staff, 'FLAGA  Pionowo', title);
		expect(a.lessons.map((l) => l.lessonSlug)).toEqual(b.lessons.map((l) => l.lessonSlug));
		expect(a.lessons[0].lessonTitle).toMatch(/Flag/);
		// The highlight is the whole word the stem "flag" starts: "flaga", "flagi", "flagą"…
		expect(a.lessons[0].passage!.match.toLowerCase()).toMatch(/^flag\p{L}*$/u);
		// Polish inflection: another form of the word finds the same lessons.
		expect(searchContent(staff, 'flagi pionowe', title).lessons.map((l) => l.lessonSlug)).toEqual(
			a.lessons.map((l) => l.lessonSlug)
		);
		expect(searchContent(staff, 'uklon', title).lessons.length).toBe(
			searchContent(staff, 'ukłon', title).lessons.length
		);
		expect(searchContent(staff, 'uklon', title).lessons.length).toBeGreaterThan(0);
		expect(searchContent(staff, '', title).lessons).toEqual([]);
	});

	it('shows a learner only lessons of modules open to them', () => {
		const staff = searchContent(person('trainer'), 'flaga', title).lessons;
		const learner = searchContent(person('learner'), 'flaga', title).lessons;
		// Flags are taught in module 3 of a sequential course: locked for a new learner.
		expect(staff.some((l) => l.courseSlug === 'protokol-dyplomatyczny')).toBe(true);
		expect(learner.some((l) => l.courseSlug === 'protokol-dyplomatyczny')).toBe(false);
	});

	it('finds glossary terms by term or definition, and lists one glossary across courses', () => {
		const learner = person('learner');
		const all = allGlossaryTerms(learner, title);
		expect(new Set(all.map((t) => t.courseSlug)).size).toBeGreaterThan(1);
		const first = all[0];
		const found = searchContent(learner, first.term, title).glossary;
		expect(found.some((t) => t.term === first.term)).toBe(true);
	});
});
