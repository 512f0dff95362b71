// Sequential unlocking: a module opens when the previous module's quiz is passed; free courses are all open.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Course } from '$lib/server/content/catalogue';
import { getDb } from '$lib/server/db';
import { quizAttempts } from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';
import { isFinalQuizUnlocked, isModuleUnlocked, passedQuizSlugs, unlockedModules } from '$lib/server/progress/unlock';
import { insertUser } from './db-helpers';

/** A course shaped enough for unlocking: modules with or without a quiz. */
function course(sequential: boolean, withQuiz: boolean[]): Course {
	const modules = withQuiz.map((hasQuiz, i) => ({
		slug: `m${i}`,
		quiz: hasQuiz ? { slug: `m${i}` } : undefined
	}));
	return { slug: 'kurs', sequential, modules } as unknown as Course;
}

function attempt(userId: string, courseSlug: string, quizSlug: string, passed: boolean | null) {
	getDb()
		.insert(quizAttempts)
		.values({
			id: randomId(),
			userId,
			courseSlug,
			quizSlug,
			contentVersion: 'v1',
			seed: 1,
			layout: [],
			startedAt: new Date(),
			submittedAt: passed === null ? null : new Date(),
			percent: passed ? 90 : 20,
			passed
		})
		.run();
}

describe('unlockedModules', () => {
	it('opens every module of a free course, passed or not', () => {
		expect([...unlockedModules(course(false, [true, true, true]), new Set())]).toEqual(['m0', 'm1', 'm2']);
	});

	it('opens the first module of a sequential course and the next one after its quiz is passed', () => {
		const c = course(true, [true, true, true]);
		expect([...unlockedModules(c, new Set())]).toEqual(['m0']);
		expect([...unlockedModules(c, new Set(['m0']))]).toEqual(['m0', 'm1']);
		expect([...unlockedModules(c, new Set(['m0', 'm1']))]).toEqual(['m0', 'm1', 'm2']);
		// Passing a later quiz does not skip an earlier one.
		expect([...unlockedModules(c, new Set(['m1']))]).toEqual(['m0']);
	});

	it('a module without a quiz does not hold the next one back', () => {
		expect([...unlockedModules(course(true, [false, true, true]), new Set())]).toEqual(['m0', 'm1']);
	});

	it('the open modules are always a non-empty prefix; all open when every quiz is passed', () => {
		fc.assert(
			fc.property(
				fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
				fc.boolean(),
				fc.array(fc.nat(7)),
				(withQuiz, sequential, passedIdx) => {
					const c = course(sequential, withQuiz);
					const passed = new Set(passedIdx.filter((i) => i < withQuiz.length).map((i) => `m${i}`));
					const open = [...unlockedModules(c, passed)];
					expect(open).toEqual(c.modules.slice(0, open.length).map((m) => m.slug));
					expect(open.length).toBeGreaterThan(0);
					const all = new Set(c.modules.map((m) => m.slug));
					expect(unlockedModules(c, all).size).toBe(c.modules.length);
					if (!sequential) expect(open.length).toBe(c.modules.length);
				}
			)
		);
	});
});

describe('passed quizzes from the database', () => {
	it('counts only submitted, passed attempts of this learner in this course', () => {
		const learner = insertUser();
		const other = insertUser();
		attempt(learner, 'kurs', 'm0', false);
		attempt(learner, 'kurs', 'm1', null);
		attempt(other, 'kurs', 'm2', true);
		attempt(learner, 'inny', 'm3', true);
		expect([...passedQuizSlugs(learner, 'kurs')]).toEqual([]);
		attempt(learner, 'kurs', 'm0', true);
		expect([...passedQuizSlugs(learner, 'kurs')]).toEqual(['m0']);
		const c = course(true, [true, true, true]);
		expect(isModuleUnlocked(learner, c, 'm1')).toBe(true);
		expect(isModuleUnlocked(learner, c, 'm2')).toBe(false);
		expect(isModuleUnlocked(other, c, 'm1')).toBe(false);
	});

	it('the final test opens after every module quiz in sequential courses, always in free ones', () => {
		const seq = course(true, [true, false, true]);
		expect(isFinalQuizUnlocked(seq, new Set(['m0']))).toBe(false);
		expect(isFinalQuizUnlocked(seq, new Set(['m0', 'm2']))).toBe(true);
		expect(isFinalQuizUnlocked(course(false, [true]), new Set())).toBe(true);
	});
});
