// Submitted cases: the form's validation, moderation transitions with audit entries, and publication beside the
// file cases (fictitious data).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '$lib/server/db';
import { auditLog, practiceSubmissions } from '$lib/server/db/schema';
import { validateForm } from '$lib/server/forms/validate';
import { submissionDataFromForm, submissionFormSchema } from '$lib/server/practices/form';
import { allCases, casesForLesson, getCase, getLessonRefs } from '$lib/server/practices';
import {
	createSubmission,
	getOwnSubmission,
	moderationQueue,
	publishSubmission,
	rejectSubmission,
	requestChanges,
	slugFromTitle,
	SubmissionError,
	updateOwnSubmission
} from '$lib/server/practices/submissions';
import { exportPersonalData } from '$lib/server/privacy/export';
import { insertUser } from './db-helpers';

const LESSON = [...getLessonRefs()][0];

function form(over: Record<string, string | string[]> = {}) {
	return {
		title: 'Gmina Fikcyjna i wymyślony partner',
		summary: 'Przypadek testowy.',
		office_name_1: 'Gmina Fikcyjna',
		office_type_1: 'gmina',
		partner_name: 'Miasto Fikcyjne',
		partner_country: 'VN',
		forms: ['project'],
		lessons: [LESSON],
		source_title_1: 'Strona testowa',
		source_publisher_1: 'Wydawca testowy',
		source_url_1: 'https://example.test/a',
		section_situation: 'Sytuacja.',
		section_goals: '- cel pierwszy\n- cel drugi',
		section_actions: 'Działania.',
		section_results: 'Rezultaty.',
		section_difficulties: 'Trudności.',
		section_tips: 'Wskazówki.',
		section_transferability: 'Przenoszalność.',
		...over
	};
}

function parse(input: Record<string, string | string[]>) {
	return validateForm(submissionFormSchema(getLessonRefs()), input);
}

describe('submission form', () => {
	it('accepts a complete case and stores it in the case-file shape (region from the country)', () => {
		const result = parse(form());
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const data = submissionDataFromForm(result.data);
		expect(data.frontmatter.partner).toEqual({ name: 'Miasto Fikcyjne', country: 'VN', region: 'far-east' });
		expect(data.frontmatter.sources).toEqual([
			{ title: 'Strona testowa', publisher: 'Wydawca testowy', url: 'https://example.test/a' }
		]);
	});

	it('refuses a case without a source, with markup, an unknown lesson or a half-filled second source', () => {
		const noSource = parse(form({ source_title_1: '', source_url_1: '' }));
		expect(noSource.ok ? [] : Object.keys(noSource.errors)).toEqual(['source_title_1', 'source_url_1']);
		const markup = parse(form({ section_goals: '<b>cel</b>' }));
		expect(markup.ok ? [] : Object.keys(markup.errors)).toEqual(['section_goals']);
		const lesson = parse(form({ lessons: ['nie/ma'] }));
		expect(lesson.ok).toBe(false);
		const half = parse(form({ source_url_2: 'https://example.test/b' }));
		expect(half.ok ? [] : Object.keys(half.errors).sort()).toEqual(['source_publisher_2', 'source_title_2']);
		const url = parse(form({ source_url_1: 'javascript:alert(1)' }));
		expect(url.ok ? [] : Object.keys(url.errors)).toEqual(['source_url_1']);
	});
});

describe('moderation', () => {
	function submit(authorId: string, title = 'Gmina Fikcyjna i wymyślony partner') {
		const result = parse(form({ title }));
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		return createSubmission(authorId, submissionDataFromForm(result.data));
	}

	it('request changes, resubmit, publish: the case appears in the library; every step audited', () => {
		const author = insertUser();
		const admin = insertUser({ role: 'admin' });
		const id = submit(author, 'Łódź Fikcyjna – wymiana');
		expect(moderationQueue().waiting.map((e) => e.id)).toContain(id);
		requestChanges(admin, id, 'Proszę dodać drugie źródło.');
		expect(getOwnSubmission(author, id)).toMatchObject({
			status: 'changes_requested',
			moderatorComment: 'Proszę dodać drugie źródło.'
		});
		expect(() => publishSubmission(admin, id, new Set(), getLessonRefs(), '2026-12-07')).toThrow(SubmissionError);
		const again = parse(form({ title: 'Łódź Fikcyjna – wymiana' }));
		if (!again.ok) throw new Error('invalid');
		updateOwnSubmission(author, id, submissionDataFromForm(again.data));
		expect(getOwnSubmission(author, id).status).toBe('pending');
		// Read (and kept) before the publish: the kept list must not hide the new case afterwards.
		const [course, lesson] = LESSON.split('/');
		expect(casesForLesson(course, lesson).map((c) => c.slug)).not.toContain('lodz-fikcyjna-wymiana');
		const slug = publishSubmission(admin, id, new Set(), getLessonRefs(), '2026-12-07');
		expect(slug).toBe('lodz-fikcyjna-wymiana');
		const published = getCase(slug);
		expect(published).toMatchObject({ origin: 'submission', lastVerified: '2026-12-07', partner: { country: 'VN' } });
		expect(allCases().some((c) => c.slug === slug)).toBe(true);
		// The lesson it names lists it back.
		expect(casesForLesson(course, lesson).map((c) => c.slug)).toContain(slug);
		const actions = getDb()
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.subjectId, id))
			.all()
			.map((a) => a.action);
		expect(actions).toEqual([
			'practice.submitted',
			'practice.changes_requested',
			'practice.resubmitted',
			'practice.published'
		]);
		// Published: the author can no longer change it.
		expect(() => updateOwnSubmission(author, id, submissionDataFromForm(again.data))).toThrow(SubmissionError);
	});

	it('the kept case list follows every change of the published rows', () => {
		const admin = insertUser({ role: 'admin' });
		const id = submit(insertUser(), 'Gmina Zmienna – partner fikcyjny');
		const slug = publishSubmission(admin, id, new Set(), getLessonRefs(), '2026-12-07');
		const [course, lesson] = LESSON.split('/');
		const titles = () => casesForLesson(course, lesson).map((c) => c.title);
		expect(titles()).toContain('Gmina Zmienna – partner fikcyjny');
		// A change written with a later time: the new title replaces the old one.
		const row = getDb().select().from(practiceSubmissions).where(eq(practiceSubmissions.id, id)).get()!;
		const data = row.data as { frontmatter: Record<string, unknown> };
		getDb()
			.update(practiceSubmissions)
			.set({
				data: { ...data, frontmatter: { ...data.frontmatter, title: 'Gmina Zmieniona – partner fikcyjny' } },
				updatedAt: new Date(row.updatedAt.getTime() + 1000)
			})
			.where(eq(practiceSubmissions.id, id))
			.run();
		expect(titles()).toContain('Gmina Zmieniona – partner fikcyjny');
		expect(titles()).not.toContain('Gmina Zmienna – partner fikcyjny');
		// A row leaving the published set leaves the lists.
		getDb().delete(practiceSubmissions).where(eq(practiceSubmissions.id, id)).run();
		expect(titles()).not.toContain('Gmina Zmieniona – partner fikcyjny');
		expect(allCases().some((c) => c.slug === slug)).toBe(false);
	});

	it('only the author sees and edits a submission; a rejected one never appears', () => {
		const author = insertUser();
		const other = insertUser();
		const admin = insertUser({ role: 'admin' });
		const id = submit(author, 'Odrzucony przypadek fikcyjny');
		expect(() => getOwnSubmission(other, id)).toThrow(SubmissionError);
		rejectSubmission(admin, id, 'Brak źródeł.');
		expect(getOwnSubmission(author, id).status).toBe('rejected');
		expect(() => publishSubmission(admin, id, new Set(), getLessonRefs(), '2026-12-07')).toThrow(SubmissionError);
		expect(allCases().some((c) => c.title === 'Odrzucony przypadek fikcyjny')).toBe(false);
	});

	it('the author’s submissions are in their personal data export', () => {
		const author = insertUser();
		const id = submit(author, 'Przypadek do eksportu danych');
		expect(exportPersonalData(author)?.practiceSubmissions).toEqual([
			expect.objectContaining({ id, title: 'Przypadek do eksportu danych', status: 'pending' })
		]);
		expect(exportPersonalData(insertUser())?.practiceSubmissions).toEqual([]);
	});

	it('a slug never repeats a file case or another submission', () => {
		expect(slugFromTitle('Łódź – Chengdu!', new Set())).toBe('lodz-chengdu');
		expect(slugFromTitle('Łódź – Chengdu', new Set(['lodz-chengdu', 'lodz-chengdu-2']))).toBe('lodz-chengdu-3');
		expect(slugFromTitle('???', new Set())).toBe('przypadek');
	});
});
