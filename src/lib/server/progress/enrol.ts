// Enrolment: a learner enrols themself from the catalogue; opening a lesson enrols too (idempotent).
import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '../db';
import { enrollments } from '../db/schema';

export function enrol(userId: string, courseSlug: string, tx: Tx = getDb()) {
	tx.insert(enrollments).values({ userId, courseSlug }).onConflictDoNothing().run();
}

export function enrolledCourseSlugs(userId: string, tx: Tx = getDb()): Set<string> {
	const rows = tx
		.select({ courseSlug: enrollments.courseSlug })
		.from(enrollments)
		.where(eq(enrollments.userId, userId))
		.all();
	return new Set(rows.map((r) => r.courseSlug));
}
