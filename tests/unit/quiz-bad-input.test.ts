import { describe, expect, it } from 'vitest';
import { readAnswerRequest, MAX_ANSWER_BYTES } from '$lib/server/quiz/answer-request';
import { QuizError } from '$lib/server/quiz/errors';
import { readFormAnswers } from '$lib/server/quiz/form-answers';
import { buildLayout } from '$lib/server/quiz/layout';
import { fixtureCourse } from './quiz-fixtures';

async function codeOf(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (e) {
		if (e instanceof QuizError) return `${e.status} ${e.code}`;
		throw e;
	}
	return 'no error';
}

const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
	new Request('http://localhost/x', { method: 'POST', body, headers });

describe('autosave request body', () => {
	it('accepts a small JSON answer', async () => {
		const body = await readAnswerRequest(post(JSON.stringify({ attemptId: 'a1', questionId: 'q', answer: ['x'] })));
		expect(body).toEqual({ attemptId: 'a1', questionId: 'q', answer: ['x'] });
	});

	it('refuses a 1 MB body (declared or streamed), broken JSON, the wrong shape and non-JSON content', async () => {
		const big = JSON.stringify({ attemptId: 'a', questionId: 'q', answer: 'x'.repeat(1024 * 1024) });
		expect(await codeOf(readAnswerRequest(post(big)))).toBe('413 too_large');
		const stream = new ReadableStream({
			start(c) {
				for (let i = 0; i < 64; i++) c.enqueue(new TextEncoder().encode('x'.repeat(16 * 1024)));
				c.close();
			}
		});
		const chunked = new Request('http://localhost/x', {
			method: 'POST',
			body: stream,
			headers: { 'content-type': 'application/json' },
			duplex: 'half'
		} as RequestInit);
		expect(await codeOf(readAnswerRequest(chunked))).toBe('413 too_large');
		expect(MAX_ANSWER_BYTES).toBeLessThan(1024 * 1024);
		expect(await codeOf(readAnswerRequest(post('{"attemptId":')))).toBe('400 bad_answer');
		expect(await codeOf(readAnswerRequest(post('[1,2]')))).toBe('400 bad_answer');
		expect(await codeOf(readAnswerRequest(post(JSON.stringify({ attemptId: 1, questionId: 'q', answer: 'a' }))))).toBe(
			'400 bad_answer'
		);
		expect(
			await codeOf(
				readAnswerRequest(
					post(JSON.stringify({ attemptId: 'a', questionId: 'q', answer: 'a' }), { 'content-type': 'text/plain' })
				)
			)
		).toBe('400 bad_answer');
	});
});

describe('no-JavaScript form answers', () => {
	const { quiz } = fixtureCourse();
	const layout = buildLayout(quiz, 5);
	// Ordering fields are named by the items' opaque ids, as the page shows them.
	const itemIdOf = (id: string) => `i${layout.find((e) => e.questionId === 'one-ordering')!.optionOrder.indexOf(id)}`;
	const form = (entries: [string, string][]) => {
		const f = new FormData();
		for (const [k, v] of entries) f.append(k, v);
		return f;
	};

	it('reads every type; blank questions stay absent', () => {
		const matching = layout.find((e) => e.questionId === 'one-matching')!;
		const rightX = `r${matching.optionOrder.indexOf('x')}`;
		const item = itemIdOf;
		const { values } = readFormAnswers(
			form([
				['q:one-single', 'a'],
				['q:one-tf', 'false'],
				[`q:one-ordering:${item('first')}`, '1'],
				[`q:one-ordering:${item('second')}`, '3'],
				[`q:one-ordering:${item('third')}`, '2'],
				['q:one-matching:x', rightX],
				['q:one-matching:y', '']
			]),
			layout,
			quiz.questions
		);
		expect(Object.fromEntries(values)).toEqual({
			'one-single': 'a',
			'one-tf': false,
			'one-ordering': [item('first'), item('third'), item('second')],
			'one-matching': { x: rightX }
		});
		expect(readFormAnswers(form([['q:one-single', '']]), layout, quiz.questions).values.size).toBe(0);
	});

	it('refuses an unknown question, a position used twice, an out-of-range position and a bad true/false', () => {
		const codeSync = (entries: [string, string][]) => {
			try {
				readFormAnswers(form(entries), layout, quiz.questions);
				return 'no error';
			} catch (e) {
				return (e as QuizError).code;
			}
		};
		expect(codeSync([['q:two-single', 'a']])).toBe('unknown_question');
		expect(
			codeSync([
				[`q:one-ordering:${itemIdOf('first')}`, '1'],
				[`q:one-ordering:${itemIdOf('second')}`, '1'],
				[`q:one-ordering:${itemIdOf('third')}`, '2']
			])
		).toBe('bad_answer');
		expect(codeSync([[`q:one-ordering:${itemIdOf('first')}`, '9']])).toBe('bad_answer');
		expect(codeSync([['q:one-tf', 'maybe']])).toBe('bad_answer');
	});
});
