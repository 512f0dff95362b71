// certificates/issue.ts afterCompletion(): the one call at the end of each completing write, in its transaction.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterCompletion } from '$lib/server/certificates/issue';
import { getCourse } from '$lib/server/content';
import { durably, getDb } from '$lib/server/db';
import { certificates, lessonProgress, mailOutbox, quizAttempts } from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';
import { reportLessonProgress } from '$lib/server/progress/report';
import { insertUser } from './db-helpers';

const T0 = Date.UTC(2026, 10, 20, 9);
const course = getCourse('dyplomacja-ekonomiczna')!;

/** A learner who has done everything the course asks but the last lesson. */
function almostDone(): string {
	const user = insertUser({ name: 'Anna Nowak' });
	for (const lesson of course.lessons.slice(0, -1))
		getDb()
			.insert(lessonProgress)
			.values({
				userId: user,
				courseSlug: course.slug,
				lessonSlug: lesson.slug,
				firstOpenedAt: new Date(T0),
				lastOpenedAt: new Date(T0),
				completedAt: new Date(T0)
			})
			.run();
	for (const quiz of course.quizzes)
		getDb()
			.insert(quizAttempts)
			.values({
				id: randomId(),
				userId: user,
				courseSlug: course.slug,
				quizSlug: quiz.slug,
				contentVersion: 'v1',
				seed: 1,
				layout: [],
				startedAt: new Date(T0),
				submittedAt: new Date(T0),
				score: 1,
				maxScore: 1,
				percent: 100,
				passed: true
			})
			.run();
	return user;
}

const certificatesOf = (user: string) => getDb().select().from(certificates).where(eq(certificates.userId, user)).all();
const mailsTo = (user: string) =>
	getDb()
		.select()
		.from(mailOutbox)
		.where(eq(mailOutbox.to, `${user}@example.test`))
		.all();

afterEach(() => vi.restoreAllMocks());

describe('afterCompletion', () => {
	it('the lesson that completes the course brings the certificate and its mail, sent after the commit', async () => {
		const user = almostDone();
		const last = course.lessons.at(-1)!;
		const info = vi.spyOn(console, 'info').mockImplementation(() => {});
		reportLessonProgress({ id: user, role: 'learner' }, course, last, { endReached: true }, T0);
		const required = Math.ceil((last.minutes * 60) / 3);
		const { state, certificate } = reportLessonProgress(
			{ id: user, role: 'learner' },
			course,
			last,
			{ endReached: true, stepCapSeconds: required },
			T0 + required * 1000
		);
		expect(state.completedNow).toBe(true);
		expect(certificate?.userId).toBe(user);
		expect(certificatesOf(user)).toHaveLength(1);
		expect(mailsTo(user)).toHaveLength(1);
		// Delivered (here: announced in the log, no SMTP) only once the transaction is over.
		expect(info).not.toHaveBeenCalled();
		await Promise.resolve();
		expect(info).toHaveBeenCalledTimes(1);
	});

	it('a completing write that rolls back leaves no certificate and no mail, and sends nothing', async () => {
		const user = almostDone();
		const info = vi.spyOn(console, 'info').mockImplementation(() => {});
		expect(() =>
			durably(getDb(), (tx) => {
				tx.update(lessonProgress)
					.set({ completedAt: new Date(T0) })
					.where(eq(lessonProgress.userId, user))
					.run();
				getDb()
					.insert(lessonProgress)
					.values({
						userId: user,
						courseSlug: course.slug,
						lessonSlug: course.lessons.at(-1)!.slug,
						firstOpenedAt: new Date(T0),
						lastOpenedAt: new Date(T0),
						completedAt: new Date(T0)
					})
					.run();
				expect(afterCompletion(tx, user, course.slug)).not.toBeNull();
				throw new Error('the write failed after the certificate');
			})
		).toThrow('the write failed');
		expect(certificatesOf(user)).toEqual([]);
		expect(mailsTo(user)).toEqual([]);
		await Promise.resolve();
		await Promise.resolve();
		expect(info).not.toHaveBeenCalled();
	});

	it('is idempotent and null for an incomplete course or an unknown one', () => {
		const user = almostDone();
		expect(durably(getDb(), (tx) => afterCompletion(tx, user, course.slug))).toBeNull();
		expect(durably(getDb(), (tx) => afterCompletion(tx, user, 'no-such-course'))).toBeNull();
		expect(certificatesOf(user)).toEqual([]);
	});
});
