// Sequential courses: a module opens when the previous module's quiz is passed (a module without a quiz does
// not hold the next one back). Free courses have every module open.
import { and, eq, sql } from 'drizzle-orm';
import type { Course } from '../content/catalogue';
import { prepared } from '../db';
import { quizAttempts } from '../db/schema';

/** Slugs of the quizzes this learner has passed in a course (any attempt, any content version). */
export function passedQuizSlugs(userId: string, courseSlug: string): Set<string> {
	const rows = passedQuery().all({ userId, courseSlug });
	return new Set(rows.map((r) => r.quizSlug));
}

// Runs on every course, lesson and quiz page: prepared once (db/index.ts prepared()).
const passedQuery = prepared((db) =>
	db
		.selectDistinct({ quizSlug: quizAttempts.quizSlug })
		.from(quizAttempts)
		.where(
			and(
				eq(quizAttempts.userId, sql.placeholder('userId')),
				eq(quizAttempts.courseSlug, sql.placeholder('courseSlug')),
				eq(quizAttempts.passed, true)
			)
		)
		.prepare()
);

/** Which modules of the course are open to the learner, by module slug. */
export function unlockedModules(course: Course, passed: Set<string>): Set<string> {
	const open = new Set<string>();
	for (const [i, module] of course.modules.entries()) {
		const previous = course.modules[i - 1];
		const blocked = course.sequential && previous?.quiz && !passed.has(previous.quiz.slug);
		if (blocked) break;
		open.add(module.slug);
	}
	return open;
}

export function isModuleUnlocked(userId: string, course: Course, moduleSlug: string): boolean {
	return unlockedModules(course, passedQuizSlugs(userId, course.slug)).has(moduleSlug);
}

/** The final test opens once every module quiz is passed (in sequential courses; always in free ones). */
export function isFinalQuizUnlocked(course: Course, passed: Set<string>): boolean {
	if (!course.sequential) return true;
	return course.modules.every((m) => !m.quiz || passed.has(m.quiz.slug));
}
