import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createSession, generateSessionToken, validateSessionToken } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import {
	attendance,
	auditLog,
	certificates,
	enrollments,
	groupMembers,
	groups,
	invitations,
	lessonProgress,
	liveSessions,
	mailOutbox,
	passwordResets,
	quizAttempts,
	quizResponses,
	users
} from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';
import { ANONYMISED_NAME, anonymisePerson, findPersonByEmail } from '$lib/server/privacy/anonymise';
import { exportPersonalData } from '$lib/server/privacy/export';
import { insertUser } from './db-helpers';

/** A learner with one row in every table that holds personal data. */
function learnerWithHistory() {
	const db = getDb();
	const userId = insertUser({ passwordHash: 'argon2-hash-secret', name: 'Zofia Źdźbło', organisation: 'UG Test' });
	const email = `${userId}@example.test`;
	const groupId = randomId();
	db.insert(groups).values({ id: groupId, name: 'Grupa A', courseSlug: 'c' }).run();
	db.insert(groupMembers).values({ groupId, userId }).run();
	db.insert(enrollments).values({ userId, courseSlug: 'c' }).run();
	const now = new Date();
	db.insert(lessonProgress)
		.values({ userId, courseSlug: 'c', lessonSlug: 'l1', firstOpenedAt: now, lastOpenedAt: now, seconds: 60 })
		.run();
	const attemptId = randomId();
	db.insert(quizAttempts)
		.values({
			id: attemptId,
			userId,
			courseSlug: 'c',
			quizSlug: 'm1',
			contentVersion: 'v1',
			seed: 42,
			layout: [{ questionId: 'q1', optionOrder: ['a', 'b'] }],
			startedAt: now,
			submittedAt: now,
			score: 1,
			maxScore: 1,
			percent: 100,
			passed: true
		})
		.run();
	db.insert(quizResponses)
		.values({ attemptId, questionId: 'q1', answer: ['a'], score: 1, answeredAt: now })
		.run();
	db.insert(certificates)
		.values({
			id: randomId(),
			code: `CODE-${userId.slice(0, 6)}`,
			userId,
			courseSlug: 'c',
			nameAsPrinted: 'Zofia Źdźbło',
			courseTitle: 'Kurs C',
			hours: 4,
			completedAt: now,
			issuer: 'Akademia',
			issuedAt: now
		})
		.run();
	const liveId = randomId();
	db.insert(liveSessions).values({ id: liveId, groupId, title: 'Spotkanie 1', startsAt: now }).run();
	db.insert(attendance).values({ liveSessionId: liveId, userId, attended: true }).run();
	const token = generateSessionToken();
	createSession(token, userId);
	db.insert(passwordResets)
		.values({ id: randomId(), tokenHash: randomId(), userId, expiresAt: new Date(Date.now() + 3600_000) })
		.run();
	db.insert(invitations)
		.values({ id: randomId(), tokenHash: randomId(), email, role: 'learner', expiresAt: now })
		.run();
	db.insert(mailOutbox).values({ id: randomId(), to: email, subject: 'Zaproszenie', body: 'link' }).run();
	db.insert(auditLog)
		.values({ actorId: null, action: 'invitation.created', subjectType: 'invitation', subjectId: email })
		.run();
	return { userId, email, token, attemptId };
}

describe('personal data export', () => {
	it('contains every kind of record of the person and no secret', () => {
		const { userId, email, attemptId } = learnerWithHistory();
		const other = learnerWithHistory();
		const data = exportPersonalData(userId);
		expect(data?.profile).toMatchObject({ id: userId, email, name: 'Zofia Źdźbło' });
		expect(data?.enrolments).toHaveLength(1);
		expect(data?.groupMemberships.map((g) => g.name)).toEqual(['Grupa A']);
		expect(data?.lessonProgress).toEqual([expect.objectContaining({ lessonSlug: 'l1', seconds: 60 })]);
		expect(data?.quizAttempts).toHaveLength(1);
		expect(data?.quizAttempts[0]).toMatchObject({ id: attemptId, passed: true });
		expect(data?.quizAttempts[0].responses).toEqual([expect.objectContaining({ questionId: 'q1', answer: ['a'] })]);
		expect(data?.certificates).toEqual([expect.objectContaining({ nameAsPrinted: 'Zofia Źdźbło' })]);
		expect(data?.attendance).toEqual([expect.objectContaining({ liveSession: 'Spotkanie 1', attended: true })]);
		const text = JSON.stringify(data);
		expect(text).not.toContain('argon2-hash-secret');
		expect(text).not.toMatch(/passwordHash|tokenHash|"sessions"/);
		// Nothing of the other learner leaks in.
		expect(text).not.toContain(other.userId);
		expect(text).not.toContain(other.attemptId);
	});

	it('answers null for an unknown id', () => {
		expect(exportPersonalData('nobody')).toBeNull();
	});
});

describe('anonymisation', () => {
	it('removes what identifies the person and keeps the statistics', () => {
		const adminId = insertUser({ role: 'admin' });
		const { userId, email, token } = learnerWithHistory();
		expect(findPersonByEmail(email.toUpperCase())?.id).toBe(userId);
		expect(anonymisePerson(userId, adminId)).toEqual({ ok: true });

		const db = getDb();
		const user = db.select().from(users).where(eq(users.id, userId)).get();
		expect(user).toMatchObject({ name: ANONYMISED_NAME, email: null, organisation: '', passwordHash: null });
		expect(user?.anonymisedAt).toBeInstanceOf(Date);
		expect(validateSessionToken(token).session).toBeNull();
		expect(db.select().from(passwordResets).where(eq(passwordResets.userId, userId)).all()).toEqual([]);
		expect(db.select().from(invitations).where(eq(invitations.email, email)).all()).toEqual([]);
		expect(db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).all()).toEqual([]);
		expect(db.select().from(auditLog).where(eq(auditLog.subjectId, email)).all()).toEqual([]);
		// Statistics stay.
		expect(db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId)).all()).toHaveLength(1);
		expect(db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)).all()).toHaveLength(1);
		expect(db.select().from(attendance).where(eq(attendance.userId, userId)).all()).toHaveLength(1);
		const cert = db.select().from(certificates).where(eq(certificates.userId, userId)).get();
		expect(cert?.nameAsPrinted).toBe('');
		expect(cert?.revokedAt).toBeNull();
		const entry = db.select().from(auditLog).where(eq(auditLog.action, 'user.anonymised')).all().at(-1);
		expect(entry).toMatchObject({ actorId: adminId, subjectType: 'user', subjectId: userId });
		expect(findPersonByEmail(email)).toBeNull();
	});

	it('refuses the admin themself, an unknown id and a second run', () => {
		const adminId = insertUser({ role: 'admin' });
		const { userId } = learnerWithHistory();
		expect(anonymisePerson(adminId, adminId)).toEqual({ ok: false, reason: 'self' });
		expect(anonymisePerson('nobody', adminId)).toEqual({ ok: false, reason: 'not_found' });
		anonymisePerson(userId, adminId);
		expect(anonymisePerson(userId, adminId)).toEqual({ ok: false, reason: 'already' });
	});

	it('leaves other people untouched', () => {
		const adminId = insertUser({ role: 'admin' });
		const target = learnerWithHistory();
		const other = learnerWithHistory();
		const before = getDb().select().from(users).where(eq(users.id, other.userId)).get();
		anonymisePerson(target.userId, adminId);
		expect(getDb().select().from(users).where(eq(users.id, other.userId)).get()).toEqual(before);
		expect(validateSessionToken(other.token).session).not.toBeNull();
		expect(getDb().select().from(certificates).where(eq(certificates.userId, other.userId)).get()?.nameAsPrinted).toBe(
			'Zofia Źdźbło'
		);
	});
});
