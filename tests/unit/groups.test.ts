import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { attendanceSheet, saveAttendance, sessionForMarking } from '$lib/server/groups/attendance';
import { DEMO_GROUP_NAME, seedDemoGroup } from '$lib/server/demo/groups';
import {
	addLiveSession,
	addMember,
	addMembers,
	groupMemberRows,
	parseEmailList,
	createGroup,
	getGroup,
	groupSessions,
	listGroups,
	addTrainer,
	groupTrainerRows,
	removeLiveSession,
	removeMember,
	removeTrainer
} from '$lib/server/groups/groups';
import { warsawToInstant } from '$lib/server/groups/time';
import { getCourse } from '$lib/server/content';
import { canSeeGroup } from '$lib/server/groups/access';
import { getDb } from '$lib/server/db';
import { attendance, auditLog, enrollments, groupMembers, groups, users } from '$lib/server/db/schema';
import { insertUser } from './db-helpers';

let adminId: string;
let trainerId: string;
let otherTrainerId: string;
let learnerId: string;

beforeEach(() => {
	const db = getDb();
	db.delete(groups).run();
	db.delete(auditLog).run();
	db.delete(users).run();
	adminId = insertUser({ role: 'admin' });
	trainerId = insertUser({ role: 'trainer' });
	otherTrainerId = insertUser({ role: 'trainer' });
	learnerId = insertUser({ email: 'kursant@x.test' });
});

function newGroup() {
	const id = createGroup(adminId, { name: 'Grupa A', courseSlug: 'protokol-dyplomatyczny', trainerIds: [trainerId] });
	return getGroup(id)!;
}

describe('groups', () => {
	it('adding a member enrols them in the course; removing keeps the enrolment', () => {
		const group = newGroup();
		expect(addMember(adminId, group, 'KURSANT@x.test')).toEqual({ ok: true, userId: learnerId });
		expect(getDb().select().from(enrollments).where(eq(enrollments.userId, learnerId)).all()).toEqual([
			expect.objectContaining({ courseSlug: 'protokol-dyplomatyczny' })
		]);
		expect(addMember(adminId, group, 'kursant@x.test')).toEqual({ ok: false, reason: 'already' });
		expect(addMember(adminId, group, 'nikt@x.test')).toEqual({ ok: false, reason: 'no_account' });
		removeMember(adminId, group.id, learnerId);
		expect(getDb().select().from(groupMembers).where(eq(groupMembers.groupId, group.id)).all()).toHaveLength(0);
		expect(getDb().select().from(enrollments).where(eq(enrollments.userId, learnerId)).all()).toHaveLength(1);
		const actions = getDb()
			.select()
			.from(auditLog)
			.where(eq(auditLog.subjectId, group.id))
			.all()
			.map((a) => a.action);
		expect(actions).toEqual(['group.created', 'group.member_added', 'group.member_removed']);
	});

	it('keeps at least one trainer: the last one cannot be removed, one of two can', () => {
		const group = newGroup();
		expect(removeTrainer(adminId, group.id, trainerId)).toBe(false);
		expect(groupTrainerRows(group.id).map((t) => t.id)).toEqual([trainerId]);
		// A disabled second trainer does not count: nobody could run the group.
		const disabled = insertUser({ role: 'trainer', disabledAt: new Date() });
		addTrainer(adminId, group.id, disabled);
		expect(removeTrainer(adminId, group.id, trainerId)).toBe(false);
		expect(removeTrainer(adminId, group.id, disabled)).toBe(true);
		addTrainer(adminId, group.id, otherTrainerId);
		expect(removeTrainer(adminId, group.id, trainerId)).toBe(true);
		expect(groupTrainerRows(group.id).map((t) => t.id)).toEqual([otherTrainerId]);
		// Someone who does not train the group: nothing to remove, nothing refused.
		expect(removeTrainer(adminId, group.id, trainerId)).toBe(true);
		expect(groupTrainerRows(group.id)).toHaveLength(1);
	});

	it('a trainer sees and manages only their own groups; an admin all', () => {
		const mine = newGroup();
		const other = createGroup(adminId, {
			name: 'Grupa B',
			courseSlug: 'protokol-dyplomatyczny',
			trainerIds: [otherTrainerId]
		});
		expect(listGroups({ id: trainerId, role: 'trainer' }).map((g) => g.id)).toEqual([mine.id]);
		expect(listGroups({ id: adminId, role: 'admin' })).toHaveLength(2);
		expect(canSeeGroup({ id: trainerId, role: 'trainer' }, mine.id)).toBe(true);
		expect(canSeeGroup({ id: trainerId, role: 'trainer' }, other)).toBe(false);
		expect(canSeeGroup({ id: adminId, role: 'admin' }, other)).toBe(true);
		// A learner who is somehow listed as a group's trainer still may not mark attendance.
		expect(canSeeGroup({ id: learnerId, role: 'learner' }, mine.id)).toBe(false);
	});

	it('stores the session time typed in Polish time as the right instant, winter and summer', () => {
		expect(warsawToInstant('2026-12-03', '09:30')?.toISOString()).toBe('2026-12-03T08:30:00.000Z');
		expect(warsawToInstant('2026-07-03', '09:30')?.toISOString()).toBe('2026-07-03T07:30:00.000Z');
		expect(warsawToInstant('2026-02-30', '09:30')).toBeNull();
		expect(warsawToInstant('2026-12-03', '25:00')).toBeNull();
		expect(warsawToInstant('', '')).toBeNull();
	});
});

describe('attendance', () => {
	it('lets the group trainer and an admin mark, forbids another trainer, 404s an unknown session', () => {
		const group = newGroup();
		const sessionId = addLiveSession(adminId, group.id, {
			title: 'S1',
			startsAt: new Date(),
			place: 'Kraków',
			dueModules: ['podstawy-prawne']
		});
		expect(sessionForMarking({ id: trainerId, role: 'trainer' }, sessionId).ok).toBe(true);
		expect(sessionForMarking({ id: adminId, role: 'admin' }, sessionId).ok).toBe(true);
		expect(sessionForMarking({ id: otherTrainerId, role: 'trainer' }, sessionId)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(sessionForMarking({ id: trainerId, role: 'trainer' }, 'nope')).toEqual({ ok: false, reason: 'missing' });
	});

	it('saves a mark per member, ignores forged ids of non-members, and overwrites on resave', () => {
		const group = newGroup();
		addMember(adminId, group, 'kursant@x.test');
		const second = insertUser({ email: 'drugi@x.test' });
		addMember(adminId, group, 'drugi@x.test');
		const stranger = insertUser();
		const sessionId = addLiveSession(adminId, group.id, {
			title: 'S1',
			startsAt: new Date(),
			place: 'P',
			dueModules: []
		});
		expect(attendanceSheet(sessionId, group.id).every((m) => m.attended === null)).toBe(true);

		expect(saveAttendance(trainerId, sessionId, group.id, [learnerId, stranger])).toBe(1);
		const marks = () => Object.fromEntries(attendanceSheet(sessionId, group.id).map((m) => [m.id, m.attended]));
		expect(marks()).toEqual({ [learnerId]: true, [second]: false });
		expect(getDb().select().from(attendance).where(eq(attendance.userId, stranger)).all()).toHaveLength(0);

		saveAttendance(trainerId, sessionId, group.id, [second]);
		expect(marks()).toEqual({ [learnerId]: false, [second]: true });
		const row = getDb()
			.select()
			.from(attendance)
			.where(and(eq(attendance.liveSessionId, sessionId), eq(attendance.userId, second)))
			.get();
		expect(row?.markedBy).toBe(trainerId);
		// A session with saved attendance cannot be deleted (it would take the record with it); an empty one can.
		expect(removeLiveSession(adminId, group.id, sessionId)).toBe(false);
		expect(groupSessions(group.id)).toHaveLength(1);
		const empty = addLiveSession(adminId, group.id, { title: 'S2', startsAt: new Date(), place: 'P', dueModules: [] });
		expect(removeLiveSession(adminId, group.id, empty)).toBe(true);
		expect(groupSessions(group.id).map((s) => s.id)).toEqual([sessionId]);
	});
});

describe('demo group', () => {
	it('has the exact name, the trainer, the learner (enrolled) and two future sessions with due modules', () => {
		const now = Date.now();
		const id = seedDemoGroup({ trainer: trainerId, learner: learnerId }, now);
		expect(getGroup(id)).toMatchObject({ name: DEMO_GROUP_NAME, courseSlug: 'protokol-dyplomatyczny' });
		expect(DEMO_GROUP_NAME).toBe('Grupa pilotażowa — Małopolska');
		expect(canSeeGroup({ id: trainerId, role: 'trainer' }, id)).toBe(true);
		expect(getDb().select().from(enrollments).where(eq(enrollments.userId, learnerId)).all()).toHaveLength(1);
		const sessions = groupSessions(id);
		expect(sessions).toHaveLength(2);
		const moduleSlugs = getCourse('protokol-dyplomatyczny')!.modules.map((mod) => mod.slug);
		for (const s of sessions) {
			expect(s.startsAt.getTime()).toBeGreaterThan(now);
			for (const slug of s.dueModules) expect(moduleSlugs).toContain(slug);
			expect(s.dueModules.length).toBeGreaterThan(0);
		}
	});
});

describe('adding several members at once', () => {
	it('reads a pasted list: lines, commas and semicolons, lower-cased, each once; bad addresses named', () => {
		expect(parseEmailList('A@x.test, b@x.test;\nA@x.test\n\n nie-adres ')).toEqual({
			emails: ['a@x.test', 'b@x.test'],
			invalid: ['nie-adres']
		});
	});

	it('adds all or nobody: an address without an account refuses the whole list', () => {
		const groupId = createGroup(adminId, {
			name: 'Grupa zbiorcza',
			courseSlug: 'protokol-dyplomatyczny',
			trainerIds: [trainerId]
		});
		const group = getGroup(groupId)!;
		insertUser({ email: 'jeden@x.test' });
		insertUser({ email: 'dwa@x.test' });
		expect(addMembers(adminId, group, ['jeden@x.test', 'nikt@x.test'])).toEqual({
			ok: false,
			unknown: ['nikt@x.test']
		});
		expect(groupMemberRows(groupId)).toHaveLength(0);
		expect(addMembers(adminId, group, ['jeden@x.test', 'dwa@x.test'])).toEqual({
			ok: true,
			added: ['jeden@x.test', 'dwa@x.test'],
			already: []
		});
		expect(addMembers(adminId, group, ['dwa@x.test'])).toEqual({ ok: true, added: [], already: ['dwa@x.test'] });
	});
});
