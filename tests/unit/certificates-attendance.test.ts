// A course that asks for live-session attendance: marking the last session attended is what completes it, so
// the trainer's save of the attendance sheet issues the certificate.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { saveAttendance } from '$lib/server/groups/attendance';
import type { Course } from '$lib/server/content/catalogue';
import { getDb } from '$lib/server/db';
import { certificates, groupMembers, groups, lessonProgress, liveSessions, quizAttempts } from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';
import { insertUser } from './db-helpers';

const SLUG = 'kurs-z-obecnoscia';
const course = {
	slug: SLUG,
	title: 'Kurs z obecnością',
	hours: 3,
	completion: { lessons: 'all', quizzes: 'all', attendance: 1 },
	lessons: [{ slug: 'lekcja-1' }],
	quizzes: [{ slug: 'modul-1', required: true }]
} as unknown as Course;

// The catalogue knows the real courses only; this one is added beside them (server code imports it relatively,
// which resolves to the same module).
vi.mock('$lib/server/content', async (original) => {
	const real = await original<typeof import('$lib/server/content')>();
	return { ...real, getCourse: (slug: string) => (slug === SLUG ? course : real.getCourse(slug)) };
});

function learnerWhoDidEverythingOnline() {
	const userId = insertUser();
	const at = new Date(Date.UTC(2026, 10, 20, 9));
	const db = getDb();
	db.insert(lessonProgress)
		.values({ userId, courseSlug: SLUG, lessonSlug: 'lekcja-1', firstOpenedAt: at, lastOpenedAt: at, completedAt: at })
		.run();
	db.insert(quizAttempts)
		.values({
			id: randomId(),
			userId,
			courseSlug: SLUG,
			quizSlug: 'modul-1',
			contentVersion: 'v1',
			seed: 1,
			layout: [],
			startedAt: at,
			submittedAt: at,
			score: 9,
			maxScore: 10,
			percent: 90,
			passed: true
		})
		.run();
	return userId;
}

const certificatesOf = (userId: string) =>
	getDb()
		.select()
		.from(certificates)
		.where(and(eq(certificates.userId, userId), eq(certificates.courseSlug, SLUG)))
		.all();

describe('attendance completes a course', () => {
	it('issues the certificate to members marked present, and to nobody marked absent', () => {
		const trainer = insertUser({ role: 'trainer' });
		const present = learnerWhoDidEverythingOnline();
		const absent = learnerWhoDidEverythingOnline();
		const db = getDb();
		const groupId = randomId();
		const sessionId = randomId();
		db.insert(groups).values({ id: groupId, name: 'Grupa', courseSlug: SLUG }).run();
		db.insert(groupMembers)
			.values([
				{ groupId, userId: present },
				{ groupId, userId: absent }
			])
			.run();
		db.insert(liveSessions).values({ id: sessionId, groupId, startsAt: new Date() }).run();
		expect(certificatesOf(present)).toHaveLength(0);

		expect(saveAttendance(trainer, sessionId, groupId, [present])).toBe(1);
		expect(certificatesOf(present)).toHaveLength(1);
		expect(certificatesOf(present)[0]).toMatchObject({ courseTitle: 'Kurs z obecnością', hours: 3 });
		expect(certificatesOf(absent)).toHaveLength(0);
	});
});
