// Group deadlines: a group may have a date to finish its course by. Past it, a member without a valid
// certificate for the course is overdue (matrix, CSV); before it, learners see "Ukończ do …" on the dashboard.
import { sql } from 'drizzle-orm';
import { getDb } from '../db';

/** Members of the group who have no valid certificate for its course once its deadline has passed. */
export function overdueMembers(groupId: string, now = Date.now()): Set<string> {
	const rows = getDb().all<{ userId: string }>(sql`
		SELECT gm.user_id AS userId
		FROM groups g JOIN group_members gm ON gm.group_id = g.id
		WHERE g.id = ${groupId} AND g.finish_by IS NOT NULL AND g.finish_by < ${now}
			AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = gm.user_id AND c.course_slug = g.course_slug
				AND c.revoked_at IS NULL AND c.replaced_by_id IS NULL)`);
	return new Set(rows.map((r) => r.userId));
}

/** The earliest deadline of the learner's groups per course. */
export function deadlinesFor(userId: string): Map<string, Date> {
	const rows = getDb().all<{ courseSlug: string; finishBy: number }>(sql`
		SELECT g.course_slug AS courseSlug, min(g.finish_by) AS finishBy
		FROM group_members gm JOIN groups g ON g.id = gm.group_id
		WHERE gm.user_id = ${userId} AND g.finish_by IS NOT NULL AND g.archived_at IS NULL
		GROUP BY g.course_slug`);
	return new Map(rows.map((r) => [r.courseSlug, new Date(r.finishBy)]));
}
