// Issue 13: certificates that certify. Completion rests on server evidence, quiz keys are a reward, the name on
// a certificate is the learner's, and the finish line reaches the mailbox.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { issueCertificateIfComplete } from '$lib/server/certificates/issue';
import { confirmOrRequestName, decideNameRequest, listNameRequests } from '$lib/server/certificates/manage';
import { nameCorrectionAccepted, nameKey } from '$lib/server/certificates/name-rule';
import { getCatalogue, getCourse } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { auditLog, certificates, lessonProgress, mailOutbox, quizAttempts } from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';
import { enrolledCourseSlugs } from '$lib/server/progress/enrol';
import { checkLessonCompletion, COMPLETION_TIME_SHARE, requiredSeconds } from '$lib/server/progress/lesson-completion';
import { recordOpen, recordProgress } from '$lib/server/progress/record';
import { reportLessonProgress } from '$lib/server/progress/report';
import { saveAnswer } from '$lib/server/quiz/answers';
import { startAttempt, unansweredQuestionIds } from '$lib/server/quiz/attempts';
import { countedQuizPolicyProblems, keysVisible } from '$lib/server/quiz/key-policy';
import { insertUser } from './db-helpers';
import { fixtureCourse } from './quiz-fixtures';

const T0 = Date.UTC(2026, 11, 1, 9);

describe('the completion rule (pure)', () => {
	it('needs a third of the planned minutes and the end reached', () => {
		expect(COMPLETION_TIME_SHARE).toBeCloseTo(1 / 3);
		expect(requiredSeconds(9)).toBe(180);
		expect(requiredSeconds(10)).toBe(200);
		// Too early: the end is claimed, the time is not there.
		expect(checkLessonCompletion({ seconds: 1, minutes: 9, endReached: true })).toEqual({
			complete: false,
			missingSeconds: 179,
			requiredSeconds: 180,
			endReached: true
		});
		// Enough time and the end reached.
		expect(checkLessonCompletion({ seconds: 180, minutes: 9, endReached: true }).complete).toBe(true);
		expect(checkLessonCompletion({ seconds: 5000, minutes: 9, endReached: true }).missingSeconds).toBe(0);
		// Time, but the end never reached.
		expect(checkLessonCompletion({ seconds: 5000, minutes: 9, endReached: false }).complete).toBe(false);
	});
});

describe('recording completion on server evidence', () => {
	const lesson = () => ({ userId: insertUser(), courseSlug: 'kurs', lessonSlug: 'a', minutes: 9 });
	const row = (l: { userId: string }) =>
		getDb().select().from(lessonProgress).where(eq(lessonProgress.userId, l.userId)).get()!;

	it('a claim of the end right after opening completes nothing; heartbeats that bring the time complete it later', () => {
		const l = lesson();
		recordOpen(l, T0);
		const early = recordProgress(l, { endReached: true }, T0 + 600);
		expect(early).toMatchObject({ completed: false, completedNow: false, endReached: true, missingSeconds: 180 });
		expect(row(l).completedAt).toBeNull();
		expect(row(l).endReachedAt?.getTime()).toBe(T0 + 600);
		// Heartbeats every 30 s (each adds at most 60 s): the end stays reached, the lesson completes at the beat
		// that brings the third of 9 minutes.
		let state = early;
		let t = T0 + 600;
		while (!state.completed) {
			t += 30_000;
			state = recordProgress(l, { position: '' }, t);
		}
		expect(state.completedNow).toBe(true);
		expect(state.seconds).toBeGreaterThanOrEqual(180);
		expect(row(l).completedAt?.getTime()).toBe(t);
		expect(t - T0).toBeLessThan(200_000);
		// Never un-completes, and a second completion keeps the first time.
		expect(recordProgress(l, { endReached: true }, t + 60_000)).toMatchObject({ completed: true, completedNow: false });
		expect(row(l).completedAt?.getTime()).toBe(t);
	});

	it('time without the end reached does not complete', () => {
		const l = lesson();
		recordOpen(l, T0);
		for (let i = 1; i <= 20; i++) recordProgress(l, {}, T0 + i * 30_000);
		expect(row(l).seconds).toBeGreaterThan(180);
		expect(row(l).completedAt).toBeNull();
		expect(recordProgress(l, { endReached: true }, T0 + 21 * 30_000).completedNow).toBe(true);
	});

	it('the form without JavaScript counts the time since the page was served, up to the share', () => {
		const l = lesson();
		recordOpen(l, T0);
		// Pressed after 2 minutes: 120 s counted, still 60 s short.
		const early = recordProgress(l, { endReached: true, stepCapSeconds: 180 }, T0 + 120_000);
		expect(early).toMatchObject({ completed: false, missingSeconds: 60 });
		// Reopened and pressed again after 70 s: complete.
		recordOpen(l, T0 + 200_000);
		expect(recordProgress(l, { endReached: true, stepCapSeconds: 180 }, T0 + 270_000).completedNow).toBe(true);
		// The step never counts more than the share, however long the page was open.
		const idle = lesson();
		recordOpen(idle, T0);
		recordProgress(idle, { stepCapSeconds: 10_000 }, T0 + 3600_000);
		expect(row(idle).seconds).toBe(180);
	});

	it('a learner with progress is enrolled, and a counted course completed this way issues a certificate and a mail', () => {
		const userId = insertUser({ name: 'Grażyna Łęcka-Wójcik' });
		const course = getCourse('dyplomacja-ekonomiczna')!;
		for (const l of course.lessons) {
			recordOpen({ userId, courseSlug: course.slug, lessonSlug: l.slug }, T0);
			const r = reportLessonProgress({ id: userId, role: 'learner' }, course, l, { endReached: true }, T0 + 1000);
			expect(r.state.completed).toBe(false);
		}
		expect(enrolledCourseSlugs(userId).has(course.slug)).toBe(true);
		expect(issueCertificateIfComplete(userId, course.slug)).toBeNull();
		// Honest reading: enough time on every lesson, then the quiz passed.
		for (const l of course.lessons) {
			recordOpen({ userId, courseSlug: course.slug, lessonSlug: l.slug }, T0 + 10_000);
			const r = reportLessonProgress(
				{ id: userId, role: 'learner' },
				course,
				l,
				{ endReached: true, stepCapSeconds: requiredSeconds(l.minutes) },
				T0 + 10_000 + requiredSeconds(l.minutes) * 1000
			);
			expect(r.state.completedNow).toBe(true);
			expect(r.certificate).toBeNull();
		}
		for (const quiz of course.quizzes.filter((q) => q.required)) {
			getDb()
				.insert(quizAttempts)
				.values({
					id: randomId(),
					userId,
					courseSlug: course.slug,
					quizSlug: quiz.slug,
					contentVersion: quiz.version,
					seed: 1,
					layout: [],
					startedAt: new Date(T0),
					submittedAt: new Date(T0 + 1),
					passed: true,
					percent: 100,
					score: 1,
					maxScore: 1
				})
				.run();
		}
		const cert = issueCertificateIfComplete(userId, course.slug)!;
		expect(cert).not.toBeNull();
		const mails = getDb()
			.select()
			.from(mailOutbox)
			.where(eq(mailOutbox.to, `${userId}@example.test`))
			.all();
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toContain('Zaświadczenie jest gotowe');
		expect(mails[0].body).toContain('/certificates');
		// Asking again returns the same certificate and sends no second mail.
		expect(issueCertificateIfComplete(userId, course.slug)?.id).toBe(cert.id);
		expect(
			getDb()
				.select()
				.from(mailOutbox)
				.where(eq(mailOutbox.to, `${userId}@example.test`))
				.all()
		).toHaveLength(1);
	});

	it('counts a course with progress but no enrolment row (older data) as enrolled', () => {
		const userId = insertUser();
		recordOpen({ userId, courseSlug: 'protokol-dyplomatyczny', lessonSlug: 'x' }, T0);
		expect(enrolledCourseSlugs(userId).has('protokol-dyplomatyczny')).toBe(true);
	});
});

describe('the key policy', () => {
	const cases: [
		feedback: 'after_submit' | 'after_pass',
		required: boolean,
		attempts: number,
		used: number,
		passed: boolean,
		shown: boolean
	][] = [
		// Counted quiz, after_pass: only a pass or the last allowed attempt shows the key.
		['after_pass', true, 0, 1, false, false],
		['after_pass', true, 0, 5, false, false],
		['after_pass', true, 0, 1, true, true],
		['after_pass', true, 3, 1, false, false],
		['after_pass', true, 3, 2, false, false],
		['after_pass', true, 3, 3, false, true],
		['after_pass', true, 3, 2, true, true],
		['after_pass', true, 1, 1, false, true],
		// Counted quiz, after_submit: treated as after_pass while retries remain (content:check refuses it).
		['after_submit', true, 0, 1, false, false],
		['after_submit', true, 2, 1, false, false],
		['after_submit', true, 1, 1, false, true],
		['after_submit', true, 0, 1, true, true],
		// Practice quiz: after_submit shows everything at once; after_pass still waits.
		['after_submit', false, 0, 1, false, true],
		['after_submit', false, 3, 1, false, true],
		['after_pass', false, 0, 1, false, false],
		['after_pass', false, 2, 2, false, true]
	];
	it.each(cases)(
		'%s, required %s, attempts %i, used %i, passed %s -> shown %s',
		(feedback, required, attempts, used, passed, shown) => {
			expect(keysVisible({ feedback, required, attempts }, { passed, attemptsUsed: used })).toBe(shown);
		}
	);

	it('content:check refuses a counted quiz that leaks the key or makes guessing cheap; practice quizzes may', () => {
		const questions = Array.from({ length: 11 });
		const good = { feedback: 'after_pass' as const, required: true, attempts: 0, wait_minutes: 30, draw: 8, questions };
		expect(countedQuizPolicyProblems(good)).toEqual([]);
		expect(countedQuizPolicyProblems({ ...good, feedback: 'after_submit' })).toHaveLength(1);
		expect(countedQuizPolicyProblems({ ...good, wait_minutes: 0 })[0]).toMatch(/limit of attempts|wait/);
		expect(countedQuizPolicyProblems({ ...good, wait_minutes: 0, attempts: 3 })).toEqual([]);
		expect(countedQuizPolicyProblems({ ...good, draw: 0 })[0]).toMatch(/draw/);
		expect(countedQuizPolicyProblems({ ...good, draw: 11 })[0]).toMatch(/draw/);
		// One attempt: its review is the last, so the key may follow at once.
		expect(countedQuizPolicyProblems({ ...good, feedback: 'after_submit', attempts: 1, draw: 0 })).toEqual([]);
		expect(
			countedQuizPolicyProblems({
				feedback: 'after_submit',
				required: false,
				attempts: 0,
				wait_minutes: 0,
				draw: 0,
				questions
			})
		).toEqual([]);
	});

	it('every counted quiz shipped under lessons/ passes the policy check', () => {
		const problems = getCatalogue().courses.flatMap((c) =>
			c.quizzes.flatMap((q) => countedQuizPolicyProblems(q).map((p) => `${q.path}: ${p}`))
		);
		expect(problems).toEqual([]);
	});
});

describe('unanswered questions', () => {
	it('lists the questions with nothing saved, nothing ticked or nothing paired, in the order shown', () => {
		const { course, quiz } = fixtureCourse('pass_mark: 75\nshuffle_questions: false');
		const user = insertUser();
		const attempt = startAttempt(user, course, quiz, new Date(T0));
		const ids = attempt.layout.map((e) => e.questionId);
		expect(unansweredQuestionIds(attempt)).toEqual(ids);
		saveAnswer(user, quiz, attempt.id, 'one-single', 'a', new Date(T0));
		saveAnswer(user, quiz, attempt.id, 'one-matching', {}, new Date(T0));
		expect(unansweredQuestionIds(attempt)).toEqual(ids.filter((id) => id !== 'one-single'));
	});
});

describe('the name on a certificate', () => {
	it('accepts case, Polish letters, hyphens and word order of the account name, nothing else', () => {
		const account = 'Grażyna Łęcka-Wójcik';
		for (const ok of [
			'Grażyna Łęcka-Wójcik',
			'grażyna łęcka-wójcik',
			'Grażyna Łęcka Wójcik',
			'Grazyna Lecka-Wojcik',
			'Łęcka-Wójcik Grażyna',
			'  GRAŻYNA   ŁĘCKA–WÓJCIK '
		])
			expect(nameCorrectionAccepted(account, ok), ok).toBe(true);
		for (const bad of ['Jan Kowalski', 'Grażyna Łęcka', 'Grażyna Łęcka-Wójcik-Nowak', 'Grażyna Łęcka-Wójcik dr', ''])
			expect(nameCorrectionAccepted(account, bad), bad).toBe(false);
		expect(nameKey('Łęcka-Wójcik')).toBe(nameKey('Lecka Wojcik'));
		expect(nameKey('Łęcka-Wójcik')).not.toBe(nameKey('Jan Kowalski'));
	});

	function certificateFor(userId: string) {
		const id = randomId();
		getDb()
			.insert(certificates)
			.values({
				id,
				code: randomId().slice(0, 12),
				userId,
				courseSlug: `kurs-${id}`,
				nameAsPrinted: 'Grażyna Łęcka-Wójcik',
				courseTitle: 'Kurs',
				hours: 2,
				completedAt: new Date(T0),
				issuer: 'Akademia',
				issuedAt: new Date(T0)
			})
			.run();
		return id;
	}
	const cert = (id: string) => getDb().select().from(certificates).where(eq(certificates.id, id)).get()!;
	const actions = (id: string) =>
		getDb()
			.select()
			.from(auditLog)
			.where(eq(auditLog.subjectId, id))
			.all()
			.map((a) => a.action);

	it('a correction is printed at once; another name becomes a request the admin approves, audited', () => {
		const userId = insertUser({ name: 'Grażyna Łęcka-Wójcik' });
		const admin = insertUser({ role: 'admin' });
		const corrected = certificateFor(userId);
		expect(confirmOrRequestName(corrected, userId, 'Grażyna Łęcka Wójcik').kind).toBe('confirmed');
		expect(cert(corrected).nameAsPrinted).toBe('Grażyna Łęcka Wójcik');

		const other = certificateFor(userId);
		expect(confirmOrRequestName(other, userId, 'Jan Kowalski').kind).toBe('requested');
		expect(cert(other)).toMatchObject({ nameAsPrinted: 'Grażyna Łęcka-Wójcik', nameConfirmedAt: null });
		expect(confirmOrRequestName(other, userId, 'Jan Nowak').kind).toBe('pending');
		const [request] = listNameRequests().pending.filter((r) => r.certificateId === other);
		expect(request).toMatchObject({ accountName: 'Grażyna Łęcka-Wójcik', requestedName: 'Jan Kowalski' });
		expect(decideNameRequest(request.id, admin, 'approved')).toBe(true);
		expect(decideNameRequest(request.id, admin, 'refused')).toBe(false);
		expect(cert(other).nameAsPrinted).toBe('Jan Kowalski');
		expect(cert(other).nameConfirmedAt).not.toBeNull();
		expect(actions(other)).toEqual(['certificate.name_requested', 'certificate.name_request_approved']);
	});

	it('a refused request leaves the certificate unconfirmed; the learner confirms the account name', () => {
		const userId = insertUser({ name: 'Grażyna Łęcka-Wójcik' });
		const admin = insertUser({ role: 'admin' });
		const id = certificateFor(userId);
		expect(confirmOrRequestName(id, userId, 'Jan Kowalski').kind).toBe('requested');
		const [request] = listNameRequests().pending.filter((r) => r.certificateId === id);
		expect(decideNameRequest(request.id, admin, 'refused')).toBe(true);
		expect(cert(id)).toMatchObject({ nameAsPrinted: 'Grażyna Łęcka-Wójcik', nameConfirmedAt: null });
		expect(confirmOrRequestName(id, userId, 'Lecka-Wojcik Grazyna').kind).toBe('confirmed');
		expect(actions(id)).toEqual([
			'certificate.name_requested',
			'certificate.name_request_refused',
			'certificate.name_confirmed'
		]);
		// Another learner cannot touch it.
		expect(confirmOrRequestName(id, insertUser(), 'Jan Kowalski').kind).toBe('not_found');
	});
});

describe('the review of a failed attempt while retries remain', () => {
	it('names the questions to redo and the lesson each tests, with no key', async () => {
		const { buildReview } = await import('$lib/server/quiz/review');
		const { buildLayout } = await import('$lib/server/quiz/layout');
		const { quiz } = fixtureCourse();
		const layout = buildLayout(quiz, 3);
		const ids = layout.map((e) => e.questionId);
		const scores = new Map(ids.map((id, i) => [id, i === 0 ? 1 : 0]));
		const lessonLink = (slug: string) => ({ href: `/courses/kurs/${slug}`, title: `Lekcja ${slug}` });
		// Every question tests lesson "l1" (the fixture quiz names none).
		const questions = quiz.questions.map((q) => ({ ...q, lesson: 'l1' }));
		const review = buildReview(layout, questions, new Map(), scores, false, lessonLink);
		const json = JSON.stringify(review);
		expect(json).not.toMatch(/WYJASNIENIE|FEEDBACK/);
		expect(review.every((r) => r.explanation === null)).toBe(true);
		// The fully right question names no lesson; every other question names the lesson its `lesson:` gives.
		expect(review[0].reread).toBeNull();
		for (const item of review.slice(1)) expect(item.reread).toEqual(lessonLink('l1'));
	});
});
