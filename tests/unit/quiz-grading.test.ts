import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/server/content/schema';
import { correctAnswer, gradeAttempt, gradeQuestion, parseAnswer } from '$lib/server/quiz/grading';
import { optionIds, shuffle, seededRandom } from '$lib/server/quiz/layout';
import { fromPublicAnswer, toPublicAnswer } from '$lib/server/quiz/public-view';
import { answerFor, anyQuestion, questionWithAnswer } from './quiz-arbitraries';

const multiple: Question = {
	id: 'm',
	type: 'multiple',
	prompt: 'P',
	explanation: 'E',
	options: [
		{ id: 'a', text: 'A', correct: true },
		{ id: 'b', text: 'B', correct: true },
		{ id: 'c', text: 'C', correct: true },
		{ id: 'd', text: 'D', correct: false },
		{ id: 'e', text: 'E', correct: false }
	]
};

describe('grading rules per type', () => {
	it('single: the right option scores 1, any other 0', () => {
		const q: Question = {
			id: 's',
			type: 'single',
			prompt: 'P',
			explanation: 'E',
			options: [
				{ id: 'a', text: 'A', correct: true },
				{ id: 'b', text: 'B', correct: false }
			]
		};
		expect(gradeQuestion(q, 'a')).toBe(1);
		expect(gradeQuestion(q, 'b')).toBe(0);
		expect(gradeQuestion(q, 'z')).toBe(0);
		expect(gradeQuestion(q, ['a'])).toBe(0);
	});

	it('multiple: (right chosen − wrong chosen) / right options, never below 0', () => {
		expect(gradeQuestion(multiple, ['a', 'b', 'c'])).toBe(1);
		expect(gradeQuestion(multiple, ['a', 'b'])).toBeCloseTo(2 / 3);
		expect(gradeQuestion(multiple, ['a', 'b', 'd'])).toBeCloseTo(1 / 3);
		expect(gradeQuestion(multiple, ['a', 'd', 'e'])).toBe(0);
		expect(gradeQuestion(multiple, ['a', 'b', 'c', 'd', 'e'])).toBeCloseTo(1 / 3);
		expect(gradeQuestion(multiple, [])).toBe(0);
		// A repeated id is malformed (it could otherwise count a right option twice).
		expect(gradeQuestion(multiple, ['a', 'a', 'a'])).toBe(0);
	});

	it('truefalse, ordering (right positions / items), matching (right pairs / pairs), judgement (expert score)', () => {
		const tf: Question = { id: 't', type: 'truefalse', prompt: 'P', explanation: 'E', answer: false };
		expect(gradeQuestion(tf, false)).toBe(1);
		expect(gradeQuestion(tf, true)).toBe(0);
		expect(gradeQuestion(tf, 'false')).toBe(0);

		const ord: Question = {
			id: 'o',
			type: 'ordering',
			prompt: 'P',
			explanation: 'E',
			items: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id }))
		};
		expect(gradeQuestion(ord, ['a', 'b', 'c', 'd'])).toBe(1);
		expect(gradeQuestion(ord, ['a', 'b', 'd', 'c'])).toBe(0.5);
		expect(gradeQuestion(ord, ['b', 'a', 'd', 'c'])).toBe(0);
		expect(gradeQuestion(ord, ['a', 'b', 'c'])).toBe(0);

		const mat: Question = {
			id: 'x',
			type: 'matching',
			prompt: 'P',
			explanation: 'E',
			pairs: ['a', 'b', 'c', 'd'].map((id) => ({ id, left: id, right: id.toUpperCase() }))
		};
		expect(gradeQuestion(mat, { a: 'a', b: 'b', c: 'c', d: 'd' })).toBe(1);
		expect(gradeQuestion(mat, { a: 'a', b: 'c', c: 'b' })).toBe(0.25);
		expect(gradeQuestion(mat, { a: 'zzz' })).toBe(0);

		const jud: Question = {
			id: 'j',
			type: 'judgement',
			prompt: 'P',
			explanation: 'E',
			options: [
				{ id: 'a', text: 'A', score: 1, feedback: 'F' },
				{ id: 'b', text: 'B', score: 0.5, feedback: 'F' },
				{ id: 'c', text: 'C', score: 0, feedback: 'F' }
			]
		};
		expect(gradeQuestion(jud, 'b')).toBe(0.5);
		expect(gradeQuestion(jud, 'a')).toBe(1);
	});

	it('an attempt: sum of points, percent, pass mark inclusive, missing answers score 0', () => {
		const tf: Question = { id: 't', type: 'truefalse', prompt: 'P', explanation: 'E', answer: true };
		const grade = gradeAttempt(
			['m', 't', 'gone'],
			[multiple, tf],
			new Map<string, unknown>([
				['m', ['a', 'b']],
				['t', true]
			]),
			55
		);
		expect(grade.maxScore).toBe(3);
		expect(grade.score).toBeCloseTo(5 / 3);
		expect(grade.percent).toBe(55.56);
		expect(grade.passed).toBe(true);
		expect(grade.perQuestion.get('gone')).toBe(0);
		expect(gradeAttempt(['t'], [tf], new Map([['t', true]]), 100).passed).toBe(true);
		expect(gradeAttempt(['t'], [tf], new Map(), 100).passed).toBe(false);
	});
});

describe('grading invariants (property-based)', () => {
	it('a score is always within [0, 1] per question, whatever is sent', () => {
		fc.assert(
			fc.property(questionWithAnswer, ([q, answer]) => {
				const score = gradeQuestion(q, answer);
				expect(score).toBeGreaterThanOrEqual(0);
				expect(score).toBeLessThanOrEqual(1);
			})
		);
	});

	it('an attempt score is always within [0, max]', () => {
		fc.assert(
			fc.property(fc.array(questionWithAnswer, { minLength: 1, maxLength: 8 }), (list) => {
				const questions = list.map(([q], i) => ({ ...q, id: `q${i}` }));
				const answers = new Map(list.map(([, a], i) => [`q${i}`, a]));
				const grade = gradeAttempt(
					questions.map((q) => q.id),
					questions,
					answers,
					70
				);
				expect(grade.score).toBeGreaterThanOrEqual(0);
				expect(grade.score).toBeLessThanOrEqual(grade.maxScore);
				expect(grade.percent).toBeGreaterThanOrEqual(0);
				expect(grade.percent).toBeLessThanOrEqual(100);
			})
		);
	});

	it('the full correct answer always scores the maximum', () => {
		fc.assert(
			fc.property(anyQuestion, (q) => {
				expect(parseAnswer(q, correctAnswer(q))).not.toBeNull();
				expect(gradeQuestion(q, correctAnswer(q))).toBe(1);
			})
		);
	});

	it('shuffling the options never changes a grade', () => {
		fc.assert(
			fc.property(
				anyQuestion.chain((q) => fc.tuple(fc.constant(q), answerFor(q), fc.integer())),
				([q, answer, seed]) => {
					const random = seededRandom(seed);
					const shuffled: Question =
						q.type === 'single' || q.type === 'multiple'
							? { ...q, options: shuffle(q.options, random) }
							: q.type === 'judgement'
								? { ...q, options: shuffle(q.options, random) }
								: q.type === 'matching'
									? { ...q, pairs: shuffle(q.pairs, random) }
									: q;
					expect(gradeQuestion(shuffled, answer)).toBe(gradeQuestion(q, answer));
				}
			)
		);
	});

	it('the displayed order (layout) never changes a grade: public ids map back to the same answer', () => {
		fc.assert(
			fc.property(
				anyQuestion.chain((q) => fc.tuple(fc.constant(q), answerFor(q), fc.integer())),
				([q, answer, seed]) => {
					const entry = { questionId: q.id, optionOrder: shuffle(optionIds(q), seededRandom(seed)) };
					const roundTrip = fromPublicAnswer(q, entry, toPublicAnswer(q, entry, answer as never));
					expect(gradeQuestion(q, roundTrip)).toBe(gradeQuestion(q, answer));
				}
			)
		);
	});

	it('shuffling the questions never changes an attempt grade', () => {
		fc.assert(
			fc.property(fc.array(questionWithAnswer, { minLength: 1, maxLength: 8 }), fc.integer(), (list, seed) => {
				const questions = list.map(([q], i) => ({ ...q, id: `q${i}` }));
				const answers = new Map(list.map(([, a], i) => [`q${i}`, a]));
				const ids = questions.map((q) => q.id);
				const a = gradeAttempt(ids, questions, answers, 70);
				const b = gradeAttempt(
					shuffle(ids, seededRandom(seed)),
					shuffle(questions, seededRandom(seed + 1)),
					answers,
					70
				);
				expect(b.score).toBeCloseTo(a.score, 10);
				expect(b.passed).toBe(a.passed);
			})
		);
	});
});
