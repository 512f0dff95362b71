// A course's completion rules (course.md `completion`), evaluated on facts read from the database. The rule
// check is pure so each rule can be tested on its own; loadCompletionFacts reads the facts.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Course } from '../content/catalogue';
import { getDb, type Tx } from '../db';
import { attendance, groupMembers, groups, lessonProgress, liveSessions, quizAttempts } from '../db/schema';

export interface CompletionFacts {
	/** Completed lesson slugs, with when each was completed. */
	lessonsCompleted: Map<string, Date>;
	/** Passed quiz slugs, with the first passing submission. */
	quizzesPassed: Map<string, Date>;
	/** Live sessions of the learner's groups for this course that the learner attended. */
	sessionsAttended: number;
}

export type CompletionRequirement = 'lessons' | 'quizzes' | 'attendance';

export interface CompletionResult {
	complete: boolean;
	missing: CompletionRequirement[];
	/** When the last requirement was met (the completion date printed), if complete. */
	completedAt: Date | null;
}

/** The rules the catalogue gives a course; only this part of a Course matters here. */
export type CompletionCourse = Pick<Course, 'lessons' | 'quizzes' | 'completion'>;

export function evaluateCompletion(course: CompletionCourse, facts: CompletionFacts): CompletionResult {
	const missing: CompletionRequirement[] = [];
	const dates: Date[] = [];
	for (const lesson of course.lessons) {
		const at = facts.lessonsCompleted.get(lesson.slug);
		if (!at) {
			missing.push('lessons');
			break;
		}
		dates.push(at);
	}
	for (const quiz of course.quizzes.filter((q) => q.required)) {
		const at = facts.quizzesPassed.get(quiz.slug);
		if (!at) {
			missing.push('quizzes');
			break;
		}
		dates.push(at);
	}
	if (facts.sessionsAttended < course.completion.attendance) missing.push('attendance');
	// A course with neither lessons nor quizzes is never "complete" by accident.
	if (course.lessons.length === 0 && course.quizzes.length === 0) missing.push('lessons');
	const complete = missing.length === 0;
	const latest = dates.reduce<Date | null>((a, b) => (a && a > b ? a : b), null);
	return { complete, missing, completedAt: complete ? latest : null };
}

export function loadCompletionFacts(userId: string, courseSlug: string, tx: Tx = getDb()): CompletionFacts {
	const lessons = tx
		.select({ slug: lessonProgress.lessonSlug, at: lessonProgress.completedAt })
		.from(lessonProgress)
		.where(
			and(
				eq(lessonProgress.userId, userId),
				eq(lessonProgress.courseSlug, courseSlug),
				isNotNull(lessonProgress.completedAt)
			)
		)
		.all();
	const passes = tx
		.select({ slug: quizAttempts.quizSlug, at: quizAttempts.submittedAt })
		.from(quizAttempts)
		.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.courseSlug, courseSlug), eq(quizAttempts.passed, true)))
		.all();
	const quizzesPassed = new Map<string, Date>();
	for (const pass of passes) {
		const at = pass.at ?? new Date(0);
		const earlier = quizzesPassed.get(pass.slug);
		if (!earlier || at < earlier) quizzesPassed.set(pass.slug, at);
	}
	const attended = tx
		.selectDistinct({ id: attendance.liveSessionId })
		.from(attendance)
		.innerJoin(liveSessions, eq(liveSessions.id, attendance.liveSessionId))
		.innerJoin(groups, eq(groups.id, liveSessions.groupId))
		.innerJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, userId)))
		.where(and(eq(attendance.userId, userId), eq(attendance.attended, true), eq(groups.courseSlug, courseSlug)))
		.all();
	return {
		lessonsCompleted: new Map(lessons.map((l) => [l.slug, l.at!])),
		quizzesPassed,
		sessionsAttended: attended.length
	};
}

/** What a learner still needs for a course's certificate, item by item (the course page's checklist). */
export interface MissingForCertificate {
	lessons: { slug: string; title: string }[];
	quizzes: { slug: string; title: string }[];
	/** Live sessions still to attend (0 when the rule is met or absent). */
	attendance: { required: number; attended: number } | null;
}

export function missingForCertificate(
	course: Pick<Course, 'lessons' | 'quizzes' | 'completion'>,
	facts: CompletionFacts
): MissingForCertificate {
	return {
		lessons: course.lessons
			.filter((l) => !facts.lessonsCompleted.has(l.slug))
			.map((l) => ({ slug: l.slug, title: l.title })),
		quizzes: course.quizzes
			.filter((q) => q.required && !facts.quizzesPassed.has(q.slug))
			.map((q) => ({ slug: q.slug, title: q.title })),
		attendance:
			facts.sessionsAttended < course.completion.attendance
				? { required: course.completion.attendance, attended: facts.sessionsAttended }
				: null
	};
}
