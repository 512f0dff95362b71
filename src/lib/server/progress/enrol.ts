// Enrolment: a learner enrols themself from the catalogue; opening a lesson enrols too (idempotent).
import { eq, sql } from 'drizzle-orm';
import { getDb, prepared, type Tx } from '../db';
import { certificates, enrollments, lessonProgress, quizAttempts } from '../db/schema';

export function enrol(userId: string, courseSlug: string) {
	enrolInsert().run({ userId, courseSlug });
}

// Every lesson view of a learner runs it: prepared once (db/index.ts prepared()).
const enrolInsert = prepared((db) =>
	db
		.insert(enrollments)
		.values({ userId: sql.placeholder('userId'), courseSlug: sql.placeholder('courseSlug') })
		.onConflictDoNothing()
		.prepare()
);

/**
 * The courses the learner is enrolled in. Enrolment and progress never contradict each other: a course with
 * progress (a lesson opened, a quiz attempt, a certificate) counts as enrolled even where an older version of
 * the app wrote no `enrollments` row for it.
 */
export function enrolledCourseSlugs(userId: string, tx: Tx = getDb()): Set<string> {
	const rows = tx
		.select({ courseSlug: enrollments.courseSlug })
		.from(enrollments)
		.where(eq(enrollments.userId, userId))
		.union(
			tx.select({ courseSlug: lessonProgress.courseSlug }).from(lessonProgress).where(eq(lessonProgress.userId, userId))
		)
		.union(tx.select({ courseSlug: quizAttempts.courseSlug }).from(quizAttempts).where(eq(quizAttempts.userId, userId)))
		.union(tx.select({ courseSlug: certificates.courseSlug }).from(certificates).where(eq(certificates.userId, userId)))
		.all();
	return new Set(rows.map((r) => r.courseSlug));
}
