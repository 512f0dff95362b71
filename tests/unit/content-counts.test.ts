// The real catalogue meets the content brief: enough courses, lessons and questions, every question type in each
// full course, and every question explains itself (explanation, feedback on each wrong option).
import { describe, expect, it } from 'vitest';
import { getCatalogue } from '$lib/server/content';

const TYPES = ['single', 'multiple', 'truefalse', 'ordering', 'matching', 'judgement'];
const catalogue = getCatalogue();
const fullCourses = catalogue.courses.filter((c) => c.modules.length >= 5);
const questions = catalogue.courses.flatMap((c) => c.quizzes.flatMap((q) => q.questions));

describe('content counts (real catalogue)', () => {
	it('has at least 2 full courses of 5+ modules, 24+ lessons and 120+ questions in all', () => {
		expect(fullCourses.length).toBeGreaterThanOrEqual(2);
		expect(catalogue.courses.flatMap((c) => c.lessons).length).toBeGreaterThanOrEqual(24);
		expect(questions.length).toBeGreaterThanOrEqual(120);
	});

	// Floors at today's content: an edit that drops a module, a lesson or questions of a type fails here.
	it('keeps each of courses A and B at 6+ modules and 17+ lessons (the curriculum in CONTENT-BRIEF.md)', () => {
		for (const slug of ['kompetencje-miedzykulturowe', 'protokol-dyplomatyczny']) {
			const course = catalogue.courses.find((c) => c.slug === slug);
			expect(course, slug).toBeDefined();
			expect(course!.modules.length, `${slug} modules`).toBeGreaterThanOrEqual(6);
			expect(course!.lessons.length, `${slug} lessons`).toBeGreaterThanOrEqual(17);
		}
	});

	it('keeps the number of questions of each type at least where it is', () => {
		const floors: Record<string, number> = {
			single: 41,
			judgement: 26,
			truefalse: 25,
			multiple: 18,
			matching: 15,
			ordering: 14
		};
		const counts: Record<string, number> = Object.fromEntries(TYPES.map((t) => [t, 0]));
		for (const q of questions) counts[q.type]++;
		for (const type of TYPES) expect(counts[type], type).toBeGreaterThanOrEqual(floors[type]);
	});

	it('uses every question type in each full course', () => {
		for (const course of fullCourses) {
			const types = new Set(course.quizzes.flatMap((q) => q.questions.map((x) => x.type)));
			expect([...types].sort(), course.slug).toEqual([...TYPES].sort());
		}
	});

	it('explains every question and every wrong choice', () => {
		const problems: string[] = [];
		for (const q of questions) {
			if (!q.explanation.trim()) problems.push(`${q.id}: no explanation`);
			if (q.type === 'single' || q.type === 'multiple')
				for (const o of q.options)
					if (!o.correct && !o.feedback) problems.push(`${q.id}/${o.id}: wrong option without feedback`);
			if (q.type === 'truefalse' && !q.feedback_wrong) problems.push(`${q.id}: no feedback_wrong`);
			if (q.type === 'judgement')
				for (const o of q.options) if (!o.feedback) problems.push(`${q.id}/${o.id}: no feedback`);
		}
		expect(problems).toEqual([]);
	});
});

describe('final tests of the full courses (real catalogue)', () => {
	it('each full course has a required final test drawn from a larger pool that spans every module', () => {
		for (const course of fullCourses) {
			const final = course.finalQuiz;
			expect(final, `${course.slug} final test`).toBeDefined();
			expect(final!.slug).toBe('final');
			expect(final!.required).toBe(true);
			expect(final!.pass_mark).toBe(70);
			expect(final!.draw).toBeGreaterThan(0);
			expect(final!.questions.length, `${course.slug} pool`).toBeGreaterThan(final!.draw);
			const moduleOf = new Map(course.lessons.map((l) => [l.slug, l.moduleSlug]));
			const covered = new Set(final!.questions.map((q) => moduleOf.get(q.lesson ?? '')));
			expect([...covered].sort(), course.slug).toEqual(course.modules.map((m) => m.slug).sort());
		}
	});

	it('counts the final test toward completion: every module quiz passed is not enough without it', async () => {
		const { evaluateCompletion } = await import('$lib/server/certificates/completion');
		for (const course of fullCourses) {
			const at = new Date(0);
			const lessonsCompleted = new Map(course.lessons.map((l) => [l.slug, at]));
			const modulesOnly = new Map(course.modules.flatMap((m) => (m.quiz ? [[m.quiz.slug, at] as const] : [])));
			const facts = { lessonsCompleted, quizzesPassed: modulesOnly, sessionsAttended: 0 };
			expect(evaluateCompletion(course, facts).missing, course.slug).toEqual(['quizzes']);
			const withFinal = new Map([...modulesOnly, ['final', at] as const]);
			expect(evaluateCompletion(course, { ...facts, quizzesPassed: withFinal }).complete, course.slug).toBe(true);
		}
	});
});
