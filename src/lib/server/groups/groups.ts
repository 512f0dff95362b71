// Training groups: a course, trainers, members and a schedule of live sessions. Adding a member enrols them
// in the group's course. Every change is audited in its own transaction.
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { audit } from '../audit/log';
import type { SessionUser } from '../auth/session';
import { getDb, type Tx } from '../db';
import {
	attendance,
	enrollments,
	groupMembers,
	groupTrainers,
	groups,
	liveSessions,
	users,
	type Group
} from '../db/schema';
import { canSeeGroup } from './access';
import { randomId } from '../ids';
import { fields } from '../forms/fields';

export interface GroupSummary {
	id: string;
	name: string;
	courseSlug: string;
	members: number;
	trainers: string[];
}

export function createGroup(
	actorId: string,
	input: { name: string; courseSlug: string; trainerIds: string[] },
	tx: Tx = getDb()
): string {
	const id = randomId();
	tx.transaction((t) => {
		t.insert(groups).values({ id, name: input.name, courseSlug: input.courseSlug }).run();
		for (const userId of new Set(input.trainerIds))
			t.insert(groupTrainers).values({ groupId: id, userId }).onConflictDoNothing().run();
		audit({ actorId, action: 'group.created', subjectType: 'group', subjectId: id, details: { ...input } }, t);
	});
	return id;
}

/** Groups an admin sees (all) or a trainer sees (their own), with member counts and trainer names. */
export function listGroups(viewer: Pick<SessionUser, 'id' | 'role'>): GroupSummary[] {
	const db = getDb();
	const base = db.select().from(groups).where(isNull(groups.archivedAt)).orderBy(asc(groups.name)).all();
	const visible = base.filter((g) => canSeeGroup(viewer, g.id));
	return visible.map((g) => ({
		id: g.id,
		name: g.name,
		courseSlug: g.courseSlug,
		members: db.select({ n: count() }).from(groupMembers).where(eq(groupMembers.groupId, g.id)).get()?.n ?? 0,
		trainers: groupTrainerRows(g.id).map((t) => t.name)
	}));
}

export function getGroup(id: string): Group | undefined {
	return getDb().select().from(groups).where(eq(groups.id, id)).get();
}

/** Sets (or clears, with null) the date by which the group's members should finish its course. */
export function setGroupDeadline(actorId: string, groupId: string, finishBy: Date | null) {
	getDb().transaction((tx) => {
		tx.update(groups).set({ finishBy }).where(eq(groups.id, groupId)).run();
		audit(
			{
				actorId,
				action: 'group.deadline_set',
				subjectType: 'group',
				subjectId: groupId,
				details: { finishBy: finishBy?.getTime() ?? null }
			},
			tx
		);
	});
}

export function groupTrainerRows(groupId: string) {
	return getDb()
		.select({ id: users.id, name: users.name, email: users.email })
		.from(groupTrainers)
		.innerJoin(users, eq(users.id, groupTrainers.userId))
		.where(eq(groupTrainers.groupId, groupId))
		.orderBy(sql`pl_name_key(${users.name})`)
		.all();
}

export function groupMemberRows(groupId: string) {
	return getDb()
		.select({ id: users.id, name: users.name, email: users.email, organisation: users.organisation })
		.from(groupMembers)
		.innerJoin(users, eq(users.id, groupMembers.userId))
		.where(eq(groupMembers.groupId, groupId))
		.orderBy(sql`pl_name_key(${users.name})`, asc(users.email))
		.all();
}

export function groupSessions(groupId: string) {
	return getDb()
		.select()
		.from(liveSessions)
		.where(eq(liveSessions.groupId, groupId))
		.orderBy(asc(liveSessions.startsAt))
		.all();
}

/** Trainers and admins who can be named as a group's trainers. */
export function trainerCandidates() {
	return getDb()
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(and(inArray(users.role, ['trainer', 'admin']), isNull(users.disabledAt), isNull(users.anonymisedAt)))
		.orderBy(sql`pl_name_key(${users.name})`)
		.all();
}

export type MemberResult = { ok: true; userId: string } | { ok: false; reason: 'no_account' | 'already' };

export function findUserByEmail(email: string, tx: Tx = getDb()) {
	return tx.select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

/** Adds an existing account to the group and enrols it in the group's course. */
export function addMember(actorId: string, group: Group, email: string, tx: Tx = getDb()): MemberResult {
	const user = findUserByEmail(email, tx);
	if (!user || user.anonymisedAt) return { ok: false, reason: 'no_account' };
	return tx.transaction((t) => {
		const added = t.insert(groupMembers).values({ groupId: group.id, userId: user.id }).onConflictDoNothing().run();
		if (added.changes === 0) return { ok: false, reason: 'already' } as const;
		t.insert(enrollments).values({ userId: user.id, courseSlug: group.courseSlug }).onConflictDoNothing().run();
		audit(
			{
				actorId,
				action: 'group.member_added',
				subjectType: 'group',
				subjectId: group.id,
				details: { userId: user.id }
			},
			t
		);
		return { ok: true, userId: user.id } as const;
	});
}

export type MembersResult = { ok: true; added: string[]; already: string[] } | { ok: false; unknown: string[] };

/**
 * Adds several people at once (a pasted list of addresses): all or nothing. An address without an account
 * refuses the whole list, so the admin fixes or invites first and nobody is half added.
 */
export function addMembers(actorId: string, group: Group, emails: string[]): MembersResult {
	return getDb().transaction((tx) => {
		const unknown = emails.filter((email) => {
			const user = findUserByEmail(email, tx);
			return !user || user.anonymisedAt;
		});
		if (unknown.length > 0) return { ok: false, unknown } as const;
		const added: string[] = [];
		const already: string[] = [];
		for (const email of emails) (addMember(actorId, group, email, tx).ok ? added : already).push(email);
		return { ok: true, added, already } as const;
	});
}

/** Addresses from a pasted list (lines, commas, semicolons or spaces), lower-cased, each once, in order. */
export function parseEmailList(text: string): { emails: string[]; invalid: string[] } {
	const items = [
		...new Set(
			text
				.split(/[\s,;]+/)
				.map((s) => s.trim().toLowerCase())
				.filter(Boolean)
		)
	];
	const email = fields.email();
	const emails: string[] = [];
	const invalid: string[] = [];
	for (const item of items) (email.safeParse(item).success ? emails : invalid).push(item);
	return { emails, invalid };
}

/** Leaves the enrolment and the learner's progress as they are: leaving a group does not erase work. */
export function removeMember(actorId: string, groupId: string, userId: string) {
	getDb().transaction((t) => {
		const removed = t
			.delete(groupMembers)
			.where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
			.run();
		if (removed.changes > 0)
			audit(
				{ actorId, action: 'group.member_removed', subjectType: 'group', subjectId: groupId, details: { userId } },
				t
			);
	});
}

export function addTrainer(actorId: string, groupId: string, userId: string) {
	getDb().transaction((t) => {
		const added = t.insert(groupTrainers).values({ groupId, userId }).onConflictDoNothing().run();
		if (added.changes > 0)
			audit(
				{ actorId, action: 'group.trainer_added', subjectType: 'group', subjectId: groupId, details: { userId } },
				t
			);
	});
}

/** Removes a trainer unless they are the group's last one (false then: a group always has someone to run it). */
export function removeTrainer(actorId: string, groupId: string, userId: string): boolean {
	return getDb().transaction((t) => {
		// Only trainers whose accounts work count: a disabled one cannot run the group.
		const active = t
			.select({ userId: groupTrainers.userId })
			.from(groupTrainers)
			.innerJoin(users, eq(users.id, groupTrainers.userId))
			.where(and(eq(groupTrainers.groupId, groupId), isNull(users.disabledAt)))
			.all();
		if (active.length <= 1 && active.some((row) => row.userId === userId)) return false;
		const removed = t
			.delete(groupTrainers)
			.where(and(eq(groupTrainers.groupId, groupId), eq(groupTrainers.userId, userId)))
			.run();
		if (removed.changes > 0)
			audit(
				{ actorId, action: 'group.trainer_removed', subjectType: 'group', subjectId: groupId, details: { userId } },
				t
			);
		return true;
	});
}

export interface NewLiveSession {
	title: string;
	startsAt: Date;
	place: string;
	dueModules: string[];
}

export function addLiveSession(actorId: string, groupId: string, input: NewLiveSession, tx: Tx = getDb()): string {
	const id = randomId();
	tx.transaction((t) => {
		t.insert(liveSessions)
			.values({ id, groupId, ...input })
			.run();
		audit(
			{
				actorId,
				action: 'group.session_added',
				subjectType: 'group',
				subjectId: groupId,
				details: { sessionId: id, title: input.title, startsAt: input.startsAt.getTime(), dueModules: input.dueModules }
			},
			t
		);
	});
	return id;
}

/** Refuses (false) once attendance is marked: deleting the session would silently delete that record too. */
export function removeLiveSession(actorId: string, groupId: string, sessionId: string): boolean {
	return getDb().transaction((t) => {
		if (t.select({ u: attendance.userId }).from(attendance).where(eq(attendance.liveSessionId, sessionId)).get())
			return false;
		const removed = t
			.delete(liveSessions)
			.where(and(eq(liveSessions.id, sessionId), eq(liveSessions.groupId, groupId)))
			.run();
		if (removed.changes > 0)
			audit(
				{ actorId, action: 'group.session_removed', subjectType: 'group', subjectId: groupId, details: { sessionId } },
				t
			);
		return true;
	});
}
