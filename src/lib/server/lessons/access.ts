// Who may open which part of a course. Reading needs only a session (trainers preview content); in sequential
// courses a learner's module must be unlocked (unlock.ts). Staff preview everything.
import type { SessionUser } from '../auth/session';
import type { Course } from '../content/catalogue';
import { passedQuizSlugs, unlockedModules } from '../progress/unlock';

export function isStaff(user: SessionUser): boolean {
	return user.role === 'trainer' || user.role === 'admin';
}

/** Slugs of the modules this user may open. */
export function openModules(user: SessionUser, course: Course): Set<string> {
	// Without a sequence every module is open: no need to read the learner's passed quizzes.
	if (isStaff(user) || !course.sequential) return new Set(course.modules.map((m) => m.slug));
	return unlockedModules(course, passedQuizSlugs(user.id, course.slug));
}
