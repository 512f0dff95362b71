// For a learner in a group: the group's next live session and the modules due before it. Due modules add up:
// what was due before session 1 is still due before session 2 (an admin ticks "module 2" for session 2, not
// "modules 1 and 2"), so a learner who skipped module 1 stays behind until it is done.
import { sql } from 'drizzle-orm';
import { getDb, type Tx } from '../db';

export interface NextSession {
	groupId: string;
	groupName: string;
	courseSlug: string;
	title: string;
	startsAt: number;
	place: string;
	dueModules: string[];
}

/** The next upcoming live session of each active group the learner belongs to, soonest first. */
export function nextSessions(userId: string, now = Date.now(), tx: Tx = getDb()): NextSession[] {
	const rows = tx.all<{
		group_id: string;
		group_name: string;
		course_slug: string;
		title: string;
		starts_at: number;
		place: string;
	}>(sql`
		select g.id as group_id, g.name as group_name, g.course_slug, s.title, s.starts_at, s.place
		from group_members m
		join groups g on g.id = m.group_id and g.archived_at is null
		join live_sessions s on s.group_id = g.id and s.starts_at > ${now}
		where m.user_id = ${userId}
			and s.starts_at = (select min(x.starts_at) from live_sessions x where x.group_id = g.id and x.starts_at > ${now})
		order by s.starts_at
	`);
	return rows.map((r) => ({
		groupId: r.group_id,
		groupName: r.group_name,
		courseSlug: r.course_slug,
		title: r.title,
		startsAt: r.starts_at,
		place: r.place,
		dueModules: dueModulesUpTo(r.group_id, r.starts_at, tx)
	}));
}

/** Every module due before the group's sessions up to and including the one starting at `startsAt`. */
export function dueModulesUpTo(groupId: string, startsAt: number, tx: Tx = getDb()): string[] {
	const rows = tx.all<{ due_modules: string }>(sql`
		select due_modules from live_sessions where group_id = ${groupId} and starts_at <= ${startsAt} order by starts_at`);
	return [...new Set(rows.flatMap((r) => parseModules(r.due_modules)))];
}

function parseModules(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
}
