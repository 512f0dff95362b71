import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { evaluateCompletion, type CompletionCourse } from '$lib/server/certificates/completion';
import { issueCertificateIfComplete, issueForCourse } from '$lib/server/certificates/issue';
import { DEFAULT_INSTITUTION } from '$lib/server/institution';
import { getCourse } from '$lib/server/content';
import type { Course } from '$lib/server/content/catalogue';
import { durably, getDb } from '$lib/server/db';
import {
	attendance,
	certificates,
	groupMembers,
	groups,
	lessonProgress,
	liveSessions,
	quizAttempts
} from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';
import { insertUser } from './db-helpers';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 10, 20, 9);

function completeLesson(userId: string, courseSlug: string, lessonSlug: string, at = t0) {
	getDb()
		.insert(lessonProgress)
		.values({
			userId,
			courseSlug,
			lessonSlug,
			firstOpenedAt: new Date(at - 600_000),
			lastOpenedAt: new Date(at),
			completedAt: new Date(at)
		})
		.run();
}

function attempt(userId: string, courseSlug: string, quizSlug: string, passed: boolean, at = t0) {
	getDb()
		.insert(quizAttempts)
		.values({
			id: randomId(),
			userId,
			courseSlug,
			quizSlug,
			contentVersion: 'v1',
			seed: 1,
			layout: [],
			startedAt: new Date(at - 600_000),
			submittedAt: new Date(at),
			score: passed ? 9 : 3,
			maxScore: 10,
			percent: passed ? 90 : 30,
			passed
		})
		.run();
}

/** A group for the course with `sessions` live sessions; the learner attended the first `attended`. */
function groupWithSessions(userId: string, courseSlug: string, sessions: number, attended: number) {
	const db = getDb();
	const groupId = randomId();
	db.insert(groups).values({ id: groupId, name: 'Grupa testowa', courseSlug }).run();
	db.insert(groupMembers).values({ groupId, userId }).run();
	for (let i = 0; i < sessions; i++) {
		const id = randomId();
		db.insert(liveSessions)
			.values({ id, groupId, startsAt: new Date(t0 + i * DAY) })
			.run();
		db.insert(attendance)
			.values({ liveSessionId: id, userId, attended: i < attended })
			.run();
	}
}

function fakeCourse(attendanceRule = 0, optionalQuiz = false) {
	const slug = `kurs-${randomId(4)}`;
	return {
		slug,
		title: 'Kurs próbny',
		hours: 2,
		completion: { lessons: 'all', quizzes: 'all', attendance: attendanceRule },
		lessons: [{ slug: 'lekcja-1' }, { slug: 'lekcja-2' }],
		quizzes: [
			{ slug: 'modul-1', required: true },
			{ slug: 'final', required: !optionalQuiz }
		]
	} as unknown as Pick<Course, 'slug' | 'title' | 'hours' | 'lessons' | 'quizzes' | 'completion'>;
}

function certificatesOf(userId: string, courseSlug: string) {
	return getDb()
		.select()
		.from(certificates)
		.where(and(eq(certificates.userId, userId), eq(certificates.courseSlug, courseSlug)))
		.all();
}

/** Everything the fake course asks for, except what `skip` names. */
function meetRules(userId: string, course: ReturnType<typeof fakeCourse>, skip: string[] = []) {
	if (!skip.includes('lesson-2')) completeLesson(userId, course.slug, 'lekcja-2', t0 + 2 * DAY);
	completeLesson(userId, course.slug, 'lekcja-1', t0);
	attempt(userId, course.slug, 'modul-1', false, t0 + DAY);
	if (!skip.includes('quiz')) attempt(userId, course.slug, 'modul-1', true, t0 + 3 * DAY);
	attempt(userId, course.slug, 'final', !skip.includes('final'), t0 + 4 * DAY);
}

describe('completion rules', () => {
	const rules = fakeCourse(2) as CompletionCourse;
	const all = {
		lessonsCompleted: new Map([
			['lekcja-1', new Date(t0)],
			['lekcja-2', new Date(t0 + DAY)]
		]),
		quizzesPassed: new Map([
			['modul-1', new Date(t0 + 2 * DAY)],
			['final', new Date(t0 + 5 * DAY)]
		]),
		sessionsAttended: 2
	};

	it('is complete when every rule is met, dated when the last one was', () => {
		expect(evaluateCompletion(rules, all)).toEqual({
			complete: true,
			missing: [],
			completedAt: new Date(t0 + 5 * DAY)
		});
	});

	it('names each missing rule', () => {
		const lessons = new Map(all.lessonsCompleted);
		lessons.delete('lekcja-2');
		const quizzes = new Map(all.quizzesPassed);
		quizzes.delete('final');
		expect(evaluateCompletion(rules, { ...all, lessonsCompleted: lessons }).missing).toEqual(['lessons']);
		expect(evaluateCompletion(rules, { ...all, quizzesPassed: quizzes }).missing).toEqual(['quizzes']);
		expect(evaluateCompletion(rules, { ...all, sessionsAttended: 1 }).missing).toEqual(['attendance']);
		expect(evaluateCompletion(rules, { ...all, sessionsAttended: 1 }).completedAt).toBeNull();
	});

	it('never calls an empty course complete', () => {
		const empty = { lessons: [], quizzes: [], completion: rules.completion } as unknown as CompletionCourse;
		expect(evaluateCompletion(empty, { ...all, sessionsAttended: 5 }).complete).toBe(false);
	});
});

describe('issuing certificates', () => {
	it('issues nothing while a lesson is not completed', () => {
		const user = insertUser();
		const course = fakeCourse();
		meetRules(user, course, ['lesson-2']);
		expect(issueForCourse(user, course)).toBeNull();
		expect(certificatesOf(user, course.slug)).toHaveLength(0);
	});

	it('issues nothing while a required quiz is only failed', () => {
		const user = insertUser();
		const course = fakeCourse();
		meetRules(user, course, ['quiz']);
		expect(issueForCourse(user, course)).toBeNull();
		expect(certificatesOf(user, course.slug)).toHaveLength(0);
	});

	it('does not wait for a quiz that is not required', () => {
		const user = insertUser();
		const course = fakeCourse(0, true);
		meetRules(user, course, ['final']);
		expect(issueForCourse(user, course)).not.toBeNull();
	});

	it('waits for live-session attendance when the course asks for it, counting only sessions attended', () => {
		const user = insertUser();
		const course = fakeCourse(2);
		meetRules(user, course);
		groupWithSessions(user, course.slug, 3, 1);
		// Attendance in a group of another course does not count.
		groupWithSessions(user, 'inny-kurs', 2, 2);
		expect(issueForCourse(user, course)).toBeNull();
		groupWithSessions(user, course.slug, 1, 1);
		expect(issueForCourse(user, course)).not.toBeNull();
	});

	it('issues exactly one certificate with what is printed, however often it is asked', () => {
		const user = insertUser({ name: 'Łucja Żółkiewska-Gęślak' });
		const course = fakeCourse();
		meetRules(user, course);
		const first = issueForCourse(user, course, new Date(t0 + 10 * DAY));
		const second = issueForCourse(user, course);
		expect(first).toMatchObject({
			nameAsPrinted: 'Łucja Żółkiewska-Gęślak',
			courseTitle: 'Kurs próbny',
			hours: 2,
			completedAt: new Date(t0 + 4 * DAY),
			issuedAt: new Date(t0 + 10 * DAY),
			issuer: DEFAULT_INSTITUTION,
			nameConfirmedAt: null,
			revokedAt: null
		});
		expect(first!.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
		expect(second?.id).toBe(first!.id);
		expect(certificatesOf(user, course.slug)).toHaveLength(1);
	});

	it('takes the issuer from CERT_ISSUER', () => {
		const user = insertUser();
		const course = fakeCourse();
		meetRules(user, course);
		process.env.CERT_ISSUER = 'Związek Gmin Wiejskich RP';
		try {
			expect(issueForCourse(user, course)?.issuer).toBe('Związek Gmin Wiejskich RP');
		} finally {
			delete process.env.CERT_ISSUER;
		}
	});

	it('does not issue a new certificate after a revocation', () => {
		const user = insertUser();
		const course = fakeCourse();
		meetRules(user, course);
		const cert = issueForCourse(user, course)!;
		getDb()
			.update(certificates)
			.set({ revokedAt: new Date(), revokedReason: 'test' })
			.where(eq(certificates.id, cert.id))
			.run();
		expect(issueForCourse(user, course)).toBeNull();
		expect(certificatesOf(user, course.slug)).toHaveLength(1);
	});

	it('refuses a second valid certificate at the database level', () => {
		const user = insertUser();
		const course = fakeCourse();
		meetRules(user, course);
		const cert = issueForCourse(user, course)!;
		const { id: _id, code: _code, ...rest } = cert;
		expect(() =>
			getDb()
				.insert(certificates)
				.values({ ...rest, id: randomId(), code: 'ZZZZZ-ZZZZZ' })
				.run()
		).toThrow(/UNIQUE/);
	});

	it('works on the real catalogue: the short course dyplomacja-ekonomiczna', () => {
		const course = getCourse('dyplomacja-ekonomiczna')!;
		const user = insertUser({ name: 'Jan Kowalski' });
		for (const lesson of course.lessons) completeLesson(user, course.slug, lesson.slug);
		expect(issueCertificateIfComplete(user, course.slug)).toBeNull();
		for (const quiz of course.quizzes) attempt(user, course.slug, quiz.slug, true, t0 + DAY);
		const cert = issueCertificateIfComplete(user, course.slug);
		expect(cert).toMatchObject({ courseTitle: course.title, hours: course.hours, nameAsPrinted: 'Jan Kowalski' });
		expect(issueCertificateIfComplete(user, course.slug)?.id).toBe(cert!.id);
		expect(issueCertificateIfComplete(user, 'no-such-course')).toBeNull();
	});
});

describe('issuing from inside a caller transaction', () => {
	it('joins the caller transaction instead of failing on the sync level', () => {
		const course = getCourse('dyplomacja-ekonomiczna')!;
		const user = insertUser();
		for (const lesson of course.lessons) completeLesson(user, course.slug, lesson.slug);
		for (const quiz of course.quizzes) attempt(user, course.slug, quiz.slug, true, t0 + DAY);
		const cert = durably(getDb(), () => issueCertificateIfComplete(user, course.slug));
		expect(cert?.userId).toBe(user);
		expect(certificatesOf(user, course.slug)).toHaveLength(1);
	});
});
