// Attendance at a live session, marked by a trainer of the group or an admin.
import { and, count, eq, inArray, lte } from 'drizzle-orm';
import { audit } from '../audit/log';
import type { SessionUser } from '../auth/session';
import { afterCompletion } from '../certificates/issue';
import { durably, getDb } from '../db';
import { attendance, groupMembers, groups, liveSessions } from '../db/schema';
import { canSeeGroup } from './access';
import { groupMemberRows } from './groups';

/** The session and its group if the viewer may mark it: 'missing' (404) or 'forbidden' (403) otherwise. */
export function sessionForMarking(viewer: Pick<SessionUser, 'id' | 'role'>, sessionId: string) {
	const row = getDb()
		.select({ session: liveSessions, group: groups })
		.from(liveSessions)
		.innerJoin(groups, eq(groups.id, liveSessions.groupId))
		.where(eq(liveSessions.id, sessionId))
		.get();
	if (!row) return { ok: false, reason: 'missing' } as const;
	if (!canSeeGroup(viewer, row.group.id)) return { ok: false, reason: 'forbidden' } as const;
	return { ok: true, ...row } as const;
}

/** Every member of the group with their mark (null: not marked yet). */
export function attendanceSheet(sessionId: string, groupId: string) {
	const marks = new Map(
		getDb()
			.select()
			.from(attendance)
			.where(eq(attendance.liveSessionId, sessionId))
			.all()
			.map((a) => [a.userId, a.attended])
	);
	return groupMemberRows(groupId).map((member) => ({ ...member, attended: marks.get(member.id) ?? null }));
}

/** Attendance is a record of what happened: it can be saved once the session has started, not before. */
export function sessionStarted(session: { startsAt: Date }, now = Date.now()): boolean {
	return session.startsAt.getTime() <= now;
}

/**
 * Saves a mark for every current member: ticked ones attended, the rest did not. Ids that are not members of
 * the group are ignored, so a forged form cannot mark strangers. Null (nothing written) before the session starts.
 */
export function saveAttendance(
	markerId: string,
	sessionId: string,
	groupId: string,
	attendedIds: string[],
	now = Date.now()
): number | null {
	const session = getDb().select().from(liveSessions).where(eq(liveSessions.id, sessionId)).get();
	if (!session || !sessionStarted(session, now)) return null;
	const ticked = new Set(attendedIds);
	const members = groupMemberRows(groupId);
	durably(getDb(), (tx) => {
		for (const member of members) {
			const attended = ticked.has(member.id);
			tx.insert(attendance)
				.values({ liveSessionId: sessionId, userId: member.id, attended, markedBy: markerId, markedAt: new Date(now) })
				.onConflictDoUpdate({
					target: [attendance.liveSessionId, attendance.userId],
					set: { attended, markedBy: markerId, markedAt: new Date(now) }
				})
				.run();
		}
		audit(
			{
				actorId: markerId,
				action: 'attendance.saved',
				subjectType: 'live_session',
				subjectId: sessionId,
				details: { attended: members.filter((m) => ticked.has(m.id)).length, of: members.length }
			},
			tx
		);
		// Attendance can be the last rule a learner meets (a course with `attendance` in its completion rules): the
		// certificate is issued with it, as it is with the last lesson or quiz.
		const courseSlug = tx.select({ slug: groups.courseSlug }).from(groups).where(eq(groups.id, groupId)).get()?.slug;
		if (courseSlug) for (const member of members) if (ticked.has(member.id)) afterCompletion(tx, member.id, courseSlug);
	});
	return members.filter((m) => ticked.has(m.id)).length;
}

/**
 * Per member of the group: sessions attended out of the sessions that have started (held), for the trainer's
 * matrix and its CSV. Members without a mark on a held session count as not attended.
 */
export function attendanceCounts(groupId: string, now = Date.now()): Map<string, { attended: number; held: number }> {
	const db = getDb();
	const held = db
		.select({ id: liveSessions.id })
		.from(liveSessions)
		.where(and(eq(liveSessions.groupId, groupId), lte(liveSessions.startsAt, new Date(now))))
		.all()
		.map((s) => s.id);
	const counts = new Map(groupMemberRows(groupId).map((m) => [m.id, { attended: 0, held: held.length }]));
	if (held.length === 0) return counts;
	const rows = db
		.select({ userId: attendance.userId, n: count() })
		.from(attendance)
		.where(and(inArray(attendance.liveSessionId, held), eq(attendance.attended, true)))
		.groupBy(attendance.userId)
		.all();
	for (const row of rows) {
		const entry = counts.get(row.userId);
		if (entry) entry.attended = row.n;
	}
	return counts;
}

/** A learner's own attendance: every session of their groups that has started, with their mark. */
export function ownAttendance(userId: string, now = Date.now()) {
	return getDb()
		.select({
			title: liveSessions.title,
			startsAt: liveSessions.startsAt,
			group: groups.name,
			attended: attendance.attended
		})
		.from(groupMembers)
		.innerJoin(liveSessions, eq(liveSessions.groupId, groupMembers.groupId))
		.innerJoin(groups, eq(groups.id, groupMembers.groupId))
		.leftJoin(attendance, and(eq(attendance.liveSessionId, liveSessions.id), eq(attendance.userId, userId)))
		.where(and(eq(groupMembers.userId, userId), lte(liveSessions.startsAt, new Date(now))))
		.orderBy(liveSessions.startsAt)
		.all();
}
