// The trainer's list of groups: one query with the member count and the next live session per group.
import { sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db';
import { visibleGroupsCondition } from '../groups/access';
import { dueModulesUpTo } from '../progress/due';

export interface GroupSummary {
	id: string;
	name: string;
	courseSlug: string;
	members: number;
	nextSessionAt: Date | null;
	nextSessionTitle: string | null;
	nextSessionPlace: string | null;
}

export function groupsFor(user: Pick<SessionUser, 'id' | 'role'>, now = Date.now()): GroupSummary[] {
	const onlyMine = visibleGroupsCondition(user, sql`g.id`);
	const rows = getDb().all<{
		id: string;
		name: string;
		courseSlug: string;
		members: number;
		nextAt: number | null;
		nextTitle: string | null;
		nextPlace: string | null;
	}>(sql`
		SELECT g.id, g.name, g.course_slug AS courseSlug,
			(SELECT count(*) FROM group_members gm WHERE gm.group_id = g.id) AS members,
			ls.starts_at AS nextAt, ls.title AS nextTitle, ls.place AS nextPlace
		FROM groups g
		LEFT JOIN live_sessions ls ON ls.id = (
			SELECT id FROM live_sessions WHERE group_id = g.id AND starts_at >= ${now} ORDER BY starts_at LIMIT 1)
		WHERE g.archived_at IS NULL AND ${onlyMine}
		ORDER BY g.name COLLATE NOCASE`);
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		courseSlug: r.courseSlug,
		members: r.members,
		nextSessionAt: r.nextAt === null ? null : new Date(r.nextAt),
		nextSessionTitle: r.nextTitle,
		nextSessionPlace: r.nextPlace
	}));
}

export interface NextSession {
	id: string;
	title: string;
	place: string;
	startsAt: Date;
	dueModules: string[];
}

/** The group's next live session (the first not yet started) with every module due by then, or null. */
export function nextSession(groupId: string, now = Date.now()): NextSession | null {
	const row = getDb().get<{ id: string; title: string; place: string; startsAt: number } | undefined>(sql`
		SELECT id, title, place, starts_at AS startsAt FROM live_sessions
		WHERE group_id = ${groupId} AND starts_at >= ${now} ORDER BY starts_at LIMIT 1`);
	if (!row) return null;
	return {
		id: row.id,
		title: row.title,
		place: row.place,
		startsAt: new Date(row.startsAt),
		dueModules: dueModulesUpTo(groupId, row.startsAt)
	};
}
