import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '$lib/server/db';
import { quizAttempts, quizResponses } from '$lib/server/db/schema';
import {
	DEADLINE_GRACE_MS,
	getOwnAttempt,
	keysShown,
	listAttempts,
	savedAnswers,
	startAttempt,
	startState,
	submitAttempt
} from '$lib/server/quiz/attempts';
import { saveAnswer } from '$lib/server/quiz/answers';
import { QuizError } from '$lib/server/quiz/errors';
import { insertUser } from './db-helpers';
import { fixtureCourse, RIGHT } from './quiz-fixtures';

const issued = vi.hoisted(() => [] as [string, string][]);
vi.mock('$lib/server/certificates/issue', () => ({
	afterCompletion: (_tx: unknown, userId: string, courseSlug: string) => {
		issued.push([userId, courseSlug]);
		return null;
	}
}));

function code(fn: () => unknown): string {
	try {
		fn();
	} catch (e) {
		if (e instanceof QuizError) return e.code;
		throw e;
	}
	return 'no error';
}

const T0 = new Date('2026-03-02T09:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeEach(() => {
	issued.length = 0;
});

describe('starting an attempt', () => {
	it('records the content version, seed and a layout with every question once; a second start reuses it', () => {
		const { course, quiz } = fixtureCourse();
		const user = insertUser();
		const attempt = startAttempt(user, course, quiz, T0);
		expect(attempt.contentVersion).toBe(quiz.version);
		expect(attempt.layout.map((e) => e.questionId).sort()).toEqual(quiz.questions.map((q) => q.id).sort());
		const ordering = attempt.layout.find((e) => e.questionId === 'one-ordering')!;
		expect(ordering.optionOrder).not.toEqual(['first', 'second', 'third']);
		expect(ordering.optionOrder.sort()).toEqual(['first', 'second', 'third']);
		expect(attempt.deadlineAt).toBeNull();
		expect(startAttempt(user, course, quiz, later(1)).id).toBe(attempt.id);
		expect(listAttempts(user, course.slug, quiz.slug)).toHaveLength(1);
	});

	it('draws the configured number of questions', () => {
		const { course, quiz } = fixtureCourse('draw: 2');
		const attempt = startAttempt(insertUser(), course, quiz, T0);
		expect(attempt.layout).toHaveLength(2);
		expect(new Set(attempt.layout.map((e) => e.questionId)).size).toBe(2);
	});

	it('a locked module quiz (sequential course) cannot be started until the previous one is passed', () => {
		const { course, quiz, second } = fixtureCourse();
		const user = insertUser();
		expect(code(() => startAttempt(user, course, second, T0))).toBe('locked');
		const first = startAttempt(user, course, quiz, T0);
		for (const [id, answer] of Object.entries(RIGHT)) saveAnswer(user, quiz, first.id, id, answer, T0);
		expect(submitAttempt(user, quiz, first.id, later(1)).attempt.passed).toBe(true);
		expect(startAttempt(user, course, second, later(2)).quizSlug).toBe('drugi');
	});

	it('enforces the attempts allowed and the wait between attempts', () => {
		const { course, quiz } = fixtureCourse('attempts: 2\nwait_minutes: 30');
		const user = insertUser();
		const a1 = startAttempt(user, course, quiz, T0);
		submitAttempt(user, quiz, a1.id, later(1));
		expect(code(() => startAttempt(user, course, quiz, later(10)))).toBe('wait');
		expect(startState(user, course, quiz, later(10))).toEqual({ kind: 'wait', until: later(31) });
		const a2 = startAttempt(user, course, quiz, later(31));
		submitAttempt(user, quiz, a2.id, later(32));
		expect(code(() => startAttempt(user, course, quiz, later(120)))).toBe('attempts_used');
	});
});

describe('saving answers', () => {
	it('keeps the newest answer when two saves of one question arrive out of order (issue 14)', () => {
		const { course, quiz } = fixtureCourse();
		const user = insertUser();
		const attempt = startAttempt(user, course, quiz, T0);
		const seq = T0.getTime();
		// The change to "a" was made after the change to "b", but its request arrives first.
		expect(saveAnswer(user, quiz, attempt.id, 'one-single', 'a', later(1), seq + 2)).toBe(true);
		expect(saveAnswer(user, quiz, attempt.id, 'one-single', 'b', later(1), seq + 1)).toBe(false);
		expect(savedAnswers(attempt.id).get('one-single')).toBe('a');
		// A newer one still replaces it; another question is independent.
		expect(saveAnswer(user, quiz, attempt.id, 'one-single', 'b', later(2), seq + 3)).toBe(true);
		expect(saveAnswer(user, quiz, attempt.id, 'one-tf', true, later(2), seq)).toBe(true);
		expect(savedAnswers(attempt.id).get('one-single')).toBe('b');
	});

	it('saves and replaces answers; refuses unknown questions, wrong shapes, other users and closed attempts, writing nothing', () => {
		const { course, quiz } = fixtureCourse();
		const user = insertUser();
		const other = insertUser();
		const attempt = startAttempt(user, course, quiz, T0);
		saveAnswer(user, quiz, attempt.id, 'one-single', 'b', T0);
		saveAnswer(user, quiz, attempt.id, 'one-single', 'a', later(1));
		expect(savedAnswers(attempt.id).get('one-single')).toBe('a');

		expect(code(() => saveAnswer(user, quiz, attempt.id, 'nope', 'a'))).toBe('unknown_question');
		expect(code(() => saveAnswer(user, quiz, attempt.id, 'one-single', ['a']))).toBe('bad_answer');
		expect(code(() => saveAnswer(user, quiz, attempt.id, 'one-single', 'zzz'))).toBe('bad_answer');
		expect(code(() => saveAnswer(user, quiz, attempt.id, 'one-ordering', ['first', 'first', 'third']))).toBe(
			'bad_answer'
		);
		expect(code(() => saveAnswer(user, quiz, attempt.id, 'one-matching', { x: 'q' }))).toBe('bad_answer');
		expect(code(() => saveAnswer(user, quiz, attempt.id, 'one-tf', 'false'))).toBe('bad_answer');
		expect(code(() => saveAnswer(other, quiz, attempt.id, 'one-tf', false))).toBe('not_found');
		expect(code(() => getOwnAttempt(other, course.slug, quiz.slug, attempt.id))).toBe('not_found');
		expect(code(() => getOwnAttempt(user, course.slug, 'drugi', attempt.id))).toBe('not_found');
		expect([...savedAnswers(attempt.id).keys()]).toEqual(['one-single']);

		submitAttempt(user, quiz, attempt.id, later(2));
		expect(code(() => saveAnswer(user, quiz, attempt.id, 'one-tf', false, later(3)))).toBe('closed');
		expect(savedAnswers(attempt.id).has('one-tf')).toBe(false);
	});

	it('a question not drawn into this attempt is refused even if it is in the quiz', () => {
		const { course, quiz } = fixtureCourse('draw: 1');
		const user = insertUser();
		const attempt = startAttempt(user, course, quiz, T0);
		const notDrawn = quiz.questions.find((q) => q.id !== attempt.layout[0].questionId)!;
		expect(code(() => saveAnswer(user, quiz, attempt.id, notDrawn.id, 'a'))).toBe('unknown_question');
	});
});

describe('submitting', () => {
	it('after_pass feedback: keys stay hidden after a failed attempt and show once the quiz is passed', () => {
		const { course, quiz } = fixtureCourse('pass_mark: 75\nfeedback: after_pass');
		expect(quiz.feedback).toBe('after_pass');
		const user = insertUser();
		const failed = startAttempt(user, course, quiz, T0);
		submitAttempt(user, quiz, failed.id, later(1));
		expect(keysShown(user, quiz)).toBe(false);
		const passed = startAttempt(user, course, quiz, later(2));
		for (const [id, answer] of Object.entries(RIGHT)) saveAnswer(user, quiz, passed.id, id, answer, later(2));
		expect(submitAttempt(user, quiz, passed.id, later(3)).attempt.passed).toBe(true);
		expect(keysShown(user, quiz)).toBe(true);
		// Another learner's pass opens nothing for this one; a practice quiz with after_submit shows keys at once,
		// a counted one (required: true) never while retries remain.
		expect(keysShown(insertUser(), quiz)).toBe(false);
		expect(keysShown(insertUser(), fixtureCourse('pass_mark: 75\nfeedback: after_submit\nrequired: false').quiz)).toBe(
			true
		);
		expect(keysShown(insertUser(), fixtureCourse('pass_mark: 75\nfeedback: after_submit').quiz)).toBe(false);
	});

	it('grades once: the second submit returns the same result and changes nothing', () => {
		const { course, quiz } = fixtureCourse();
		const user = insertUser();
		const attempt = startAttempt(user, course, quiz, T0);
		saveAnswer(user, quiz, attempt.id, 'one-single', 'a', T0);
		saveAnswer(user, quiz, attempt.id, 'one-ordering', ['first', 'third', 'second'], T0);
		saveAnswer(user, quiz, attempt.id, 'one-matching', { x: 'x', y: 'x' }, T0);
		const first = submitAttempt(user, quiz, attempt.id, later(5));
		expect(first.gradedNow).toBe(true);
		expect(first.attempt.score).toBeCloseTo(1 + 1 / 3 + 0.5);
		expect(first.attempt.maxScore).toBe(4);
		expect(first.attempt.passed).toBe(false);
		expect(issued).toEqual([]);
		const second = submitAttempt(user, quiz, attempt.id, later(9));
		expect(second.gradedNow).toBe(false);
		expect(second.attempt).toEqual(first.attempt);
		const scores = getDb().select().from(quizResponses).where(eq(quizResponses.attemptId, attempt.id)).all();
		expect(Object.fromEntries(scores.map((r) => [r.questionId, r.score]))).toEqual({
			'one-single': 1,
			'one-ordering': 1 / 3,
			'one-matching': 0.5
		});
	});

	it('a passing submit asks for the certificate once', () => {
		const { course, quiz } = fixtureCourse();
		const user = insertUser();
		const attempt = startAttempt(user, course, quiz, T0);
		for (const [id, answer] of Object.entries(RIGHT)) saveAnswer(user, quiz, attempt.id, id, answer, T0);
		const result = submitAttempt(user, quiz, attempt.id, later(1));
		expect(result.attempt.percent).toBe(100);
		submitAttempt(user, quiz, attempt.id, later(2));
		expect(issued).toEqual([[user, 'kurs']]);
	});

	it('another user cannot submit the attempt', () => {
		const { course, quiz } = fixtureCourse();
		const attempt = startAttempt(insertUser(), course, quiz, T0);
		expect(code(() => submitAttempt(insertUser(), quiz, attempt.id, later(1)))).toBe('not_found');
		expect(getDb().select().from(quizAttempts).where(eq(quizAttempts.id, attempt.id)).get()!.submittedAt).toBeNull();
	});
});

describe('time limit', () => {
	it('refuses answers after the deadline and grades the expired attempt with what was saved', () => {
		const { course, quiz } = fixtureCourse('time_limit_minutes: 10');
		const user = insertUser();
		const attempt = startAttempt(user, course, quiz, T0);
		expect(attempt.deadlineAt).toEqual(later(10));
		saveAnswer(user, quiz, attempt.id, 'one-single', 'a', later(9));
		const afterDeadline = new Date(later(10).getTime() + DEADLINE_GRACE_MS + 1);
		expect(code(() => saveAnswer(user, quiz, attempt.id, 'one-tf', false, afterDeadline))).toBe('expired');
		// Coming back later: the expired attempt is graded before anything else happens.
		expect(startState(user, course, quiz, later(60)).kind).toBe('can_start');
		const graded = getOwnAttempt(user, course.slug, quiz.slug, attempt.id);
		expect(graded.score).toBe(1);
		expect(graded.submittedAt).toEqual(later(10));
		expect(savedAnswers(attempt.id).has('one-tf')).toBe(false);
	});
});
