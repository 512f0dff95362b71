// quiz/answers.ts: the one path of an answer, from the autosave request or the no-JavaScript form to
// quiz_responses; and quiz/refusal.ts, the one mapping of its refusals to responses.
import { describe, expect, it } from 'vitest';
import { autosaveAnswer, saveFormAnswers, submitFormAnswers } from '$lib/server/quiz/answers';
import { DEADLINE_GRACE_MS, savedAnswers, startAttempt, submitAttempt } from '$lib/server/quiz/attempts';
import { QuizError } from '$lib/server/quiz/errors';
import { quizRefusal } from '$lib/server/quiz/refusal';
import type { QuizAttempt } from '$lib/server/db/schema';
import { insertUser } from './db-helpers';
import { fixtureCourse } from './quiz-fixtures';

const T0 = new Date('2026-03-02T09:00:00Z').getTime();

const post = (body: unknown, type = 'application/json') =>
	new Request('http://localhost/answer', {
		method: 'POST',
		body: typeof body === 'string' ? body : JSON.stringify(body),
		headers: { 'content-type': type }
	});

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
	try {
		await (typeof promise === 'function' ? promise() : promise);
	} catch (e) {
		if (e instanceof QuizError) return e.code;
		throw e;
	}
	return 'no error';
}

/** The opaque id the page shows for an author id of a question in this attempt. */
function opaque(attempt: QuizAttempt, questionId: string, id: string, prefix: string) {
	return `${prefix}${attempt.layout.find((e) => e.questionId === questionId)!.optionOrder.indexOf(id)}`;
}

function setup(settings?: string) {
	const { course, quiz } = fixtureCourse(settings);
	const user = insertUser();
	const attempt = startAttempt(user, course, quiz, new Date(T0));
	return { course, quiz, user, attempt };
}

describe('autosave (one answer, public shape)', () => {
	it('stores the author id behind the opaque one; a save that arrives after a newer one changes nothing', async () => {
		const { quiz, user, attempt } = setup();
		const a = opaque(attempt, 'one-single', 'a', 'o');
		const b = opaque(attempt, 'one-single', 'b', 'o');
		const body = (answer: string, seq: number) =>
			post({ attemptId: attempt.id, questionId: 'one-single', answer, seq });
		const now = () => T0 + 1000;
		expect(await autosaveAnswer(user, quiz, attempt.id, body(a, T0 + 2), now)).toEqual({
			current: true,
			savedAt: T0 + 1000
		});
		expect(await autosaveAnswer(user, quiz, attempt.id, body(b, T0 + 1), now)).toEqual({
			current: false,
			savedAt: T0 + 1000
		});
		expect(savedAnswers(attempt.id)).toEqual(new Map([['one-single', 'a']]));
	});

	it('refuses, writing nothing: author ids (keys stay on the server), unknown or undrawn questions, another attempt', async () => {
		const { quiz, user, attempt } = setup();
		const save = (questionId: string, answer: unknown, attemptId = attempt.id) =>
			autosaveAnswer(user, quiz, attempt.id, post({ attemptId, questionId, answer }), () => T0 + 1000);
		expect(await codeOf(save('one-single', 'a'))).toBe('bad_answer');
		expect(await codeOf(save('one-tf', 'false'))).toBe('bad_answer');
		expect(await codeOf(save('nope', 'o0'))).toBe('unknown_question');
		expect(await codeOf(save('two-single', 'o0'))).toBe('unknown_question');
		expect(await codeOf(save('one-tf', true, 'other'))).toBe('wrong_attempt');
		expect(savedAnswers(attempt.id).size).toBe(0);
	});

	it("another learner's attempt is 404 before anything about the body is said", async () => {
		const { quiz, attempt } = setup();
		const stranger = insertUser();
		expect(await codeOf(autosaveAnswer(stranger, quiz, attempt.id, post('{broken')))).toBe('not_found');
		expect(await codeOf(autosaveAnswer(stranger, quiz, attempt.id, post('x', 'text/plain')))).toBe('not_found');
		expect(await codeOf(autosaveAnswer(insertUser(), quiz, attempt.id, post('{broken')))).toBe('not_found');
		const { user: owner, attempt: own } = setup();
		expect(await codeOf(autosaveAnswer(owner, quiz, own.id, post('{broken')))).toBe('bad_answer');
	});

	it('refuses a submitted attempt (closed) and one past its deadline and grace (expired)', async () => {
		const { quiz, user, attempt } = setup('time_limit_minutes: 10');
		const save = (at: number) =>
			autosaveAnswer(
				user,
				quiz,
				attempt.id,
				post({ attemptId: attempt.id, questionId: 'one-tf', answer: true }),
				() => at
			);
		expect(await codeOf(save(T0 + 10 * 60_000 + DEADLINE_GRACE_MS + 1))).toBe('expired');
		expect(await codeOf(save(T0 + 60_000))).toBe('no error');
		submitAttempt(user, quiz, attempt.id, new Date(T0 + 120_000));
		expect(await codeOf(save(T0 + 130_000))).toBe('closed');
		expect(savedAnswers(attempt.id)).toEqual(new Map([['one-tf', true]]));
	});

	it('a seq far in the future is held to a minute ahead of the server, so it cannot freeze the answer', async () => {
		const { quiz, user, attempt } = setup();
		const body = (answer: boolean, seq?: number) =>
			post({ attemptId: attempt.id, questionId: 'one-tf', answer, ...(seq === undefined ? {} : { seq }) });
		await autosaveAnswer(user, quiz, attempt.id, body(true, T0 + 86_400_000), () => T0);
		// Two minutes later a save without seq (the server's clock) wins over the capped one.
		expect((await autosaveAnswer(user, quiz, attempt.id, body(false), () => T0 + 120_000)).current).toBe(true);
		expect(savedAnswers(attempt.id).get('one-tf')).toBe(false);
	});
});

describe('the no-JavaScript form (every answer at once)', () => {
	const form = (entries: [string, string][]) => {
		const f = new FormData();
		for (const [k, v] of entries) f.append(k, v);
		return f;
	};

	it('saves every answer on the form, translated to the stored shape', () => {
		const { quiz, user, attempt } = setup();
		const item = (id: string) => opaque(attempt, 'one-ordering', id, 'i');
		saveFormAnswers(
			user,
			quiz,
			attempt.id,
			form([
				['attempt', attempt.id],
				['q:one-single', opaque(attempt, 'one-single', 'b', 'o')],
				['q:one-tf', 'true'],
				[`q:one-ordering:${item('first')}`, '2'],
				[`q:one-ordering:${item('second')}`, '1'],
				[`q:one-ordering:${item('third')}`, '3'],
				['q:one-matching:x', opaque(attempt, 'one-matching', 'y', 'r')]
			]),
			T0 + 1000
		);
		expect(savedAnswers(attempt.id)).toEqual(
			new Map<string, unknown>([
				['one-single', 'b'],
				['one-tf', true],
				['one-ordering', ['second', 'first', 'third']],
				['one-matching', { x: 'y' }]
			])
		);
	});

	it('one bad answer refuses the whole form: nothing written, the refusal names the question and echoes the form', () => {
		const { quiz, user, attempt } = setup();
		const a = opaque(attempt, 'one-single', 'a', 'o');
		let refusal: unknown;
		try {
			saveFormAnswers(
				user,
				quiz,
				attempt.id,
				form([
					['q:one-single', a],
					['q:one-matching:x', 'r9']
				]),
				T0
			);
		} catch (e) {
			refusal = e;
		}
		expect(refusal).toBeInstanceOf(QuizError);
		const e = refusal as QuizError;
		expect([e.code, e.detail?.questionId]).toEqual(['bad_answer', 'one-matching']);
		expect(e.echo).toMatchObject({ 'one-single': a });
		expect(savedAnswers(attempt.id).size).toBe(0);

		const response = quizRefusal(e, 'form');
		expect(response.status).toBe(400);
		expect(response.data.values).toBe(e.echo);
		expect(Object.keys(response.data.errors)).toEqual(['one-matching']);
	});

	it('refuses a form of another attempt and a closed attempt; a stranger gets 404', async () => {
		const { quiz, user, attempt } = setup();
		expect(await codeOf(() => saveFormAnswers(user, quiz, attempt.id, form([['attempt', 'other']]), T0))).toBe(
			'wrong_attempt'
		);
		expect(await codeOf(() => saveFormAnswers(insertUser(), quiz, attempt.id, form([]), T0))).toBe('not_found');
		submitAttempt(user, quiz, attempt.id, new Date(T0 + 1000));
		expect(await codeOf(() => saveFormAnswers(user, quiz, attempt.id, form([['q:one-tf', 'true']]), T0 + 2000))).toBe(
			'closed'
		);
	});

	it('submit asks first about unanswered questions (saving the rest), then grades; a second submit changes nothing', () => {
		const { quiz, user, attempt } = setup();
		const first = submitFormAnswers(user, quiz, attempt.id, form([['q:one-tf', 'false']]), T0 + 1000);
		expect(first.kind).toBe('unanswered');
		if (first.kind !== 'unanswered') return;
		expect(first.unanswered.count).toBe(3);
		expect(first.unanswered.ids).not.toContain('one-tf');
		expect(first.unanswered.numbers).toEqual(
			first.unanswered.ids.map((id) => attempt.layout.findIndex((e) => e.questionId === id) + 1)
		);
		expect(savedAnswers(attempt.id).get('one-tf')).toBe(false);

		const confirmed = submitFormAnswers(user, quiz, attempt.id, form([['confirm', 'unanswered']]), T0 + 2000);
		expect(confirmed.kind).toBe('submitted');
		if (confirmed.kind !== 'submitted') return;
		expect(confirmed.attempt.score).toBe(1);
		// A double click's second request: the attempt is closed, its form is not saved, the result stays.
		const again = submitFormAnswers(user, quiz, attempt.id, form([['q:one-tf', 'true']]), T0 + 3000);
		expect(again).toEqual({ kind: 'submitted', attempt: confirmed.attempt });
		expect(savedAnswers(attempt.id).get('one-tf')).toBe(false);
	});

	it('an expired attempt is graded as it is, without asking and without saving the late form', () => {
		const { quiz, user, attempt } = setup('time_limit_minutes: 10');
		const late = T0 + 10 * 60_000 + DEADLINE_GRACE_MS + 1;
		const result = submitFormAnswers(user, quiz, attempt.id, form([['q:one-tf', 'false']]), late);
		expect(result.kind).toBe('submitted');
		expect(savedAnswers(attempt.id).size).toBe(0);
	});
});

describe('refusals as responses', () => {
	it('JSON for the autosave endpoint, with the status of the code', async () => {
		const response = quizRefusal(new QuizError('closed'), 'json');
		expect(response.status).toBe(409);
		expect(await response.json()).toMatchObject({ code: 'closed' });
		expect(quizRefusal(new QuizError('too_large'), 'json').status).toBe(413);
	});

	it("404 for an attempt that is not the learner's, in both shapes; anything else is thrown on", () => {
		for (const as of ['form', 'json'] as const) {
			let thrown: unknown;
			try {
				quizRefusal(new QuizError('not_found'), as as 'form');
			} catch (e) {
				thrown = e;
			}
			expect((thrown as { status?: number }).status).toBe(404);
		}
		const other = new Error('database locked');
		expect(() => quizRefusal(other, 'json')).toThrow(other);
	});
});
