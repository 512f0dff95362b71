// Enrolment: a learner enrols themself from the catalogue; opening a lesson enrols too (idempotent).
import { eq, sql } from 'drizzle-orm';
import { getDb, prepared, type Tx } from '../db';
import { enrollments } from '../db/schema';

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

export function enrolledCourseSlugs(userId: string, tx: Tx = getDb()): Set<string> {
	const rows = tx
		.select({ courseSlug: enrollments.courseSlug })
		.from(enrollments)
		.where(eq(enrollments.userId, userId))
		.all();
	return new Set(rows.map((r) => r.courseSlug));
}
