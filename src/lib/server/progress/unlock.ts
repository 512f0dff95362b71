// Sequential courses: a module opens when the previous module's quiz is passed (a module without a quiz does
// not hold the next one back). Free courses have every module open.
import { and, eq } from 'drizzle-orm';
import type { Course } from '../content/catalogue';
import { getDb } from '../db';
import { quizAttempts } from '../db/schema';

/** Slugs of the quizzes this learner has passed in a course (any attempt, any content version). */
export function passedQuizSlugs(userId: string, courseSlug: string): Set<string> {
	const rows = getDb()
		.selectDistinct({ quizSlug: quizAttempts.quizSlug })
		.from(quizAttempts)
		.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.courseSlug, courseSlug), eq(quizAttempts.passed, true)))
		.all();
	return new Set(rows.map((r) => r.quizSlug));
}

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
