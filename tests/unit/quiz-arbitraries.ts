// fast-check generators of valid questions of every type, and of answers to them (right, wrong or junk).
import fc from 'fast-check';
import type { Question } from '$lib/server/content/schema';

const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

const singleQ = fc.integer({ min: 2, max: 6 }).chain((n) =>
	fc.nat({ max: n - 1 }).map((right): Question => ({
		id: 'q-single',
		type: 'single',
		prompt: 'P',
		explanation: 'E',
		options: ids(n, 'o').map((id, i) => ({ id, text: id, correct: i === right, feedback: 'F' }))
	}))
);
const multipleQ = fc.integer({ min: 2, max: 6 }).chain((n) =>
	fc
		.array(fc.boolean(), { minLength: n, maxLength: n })
		.filter((flags) => flags.some(Boolean))
		.map((flags): Question => ({
			id: 'q-multiple',
			type: 'multiple',
			prompt: 'P',
			explanation: 'E',
			options: ids(n, 'o').map((id, i) => ({ id, text: id, correct: flags[i] }))
		}))
);
const judgementQ = fc.integer({ min: 2, max: 5 }).chain((n) =>
	fc
		.array(fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })), {
			minLength: n,
			maxLength: n
		})
		.filter((scores) => scores.includes(1))
		.map((scores): Question => ({
			id: 'q-judgement',
			type: 'judgement',
			prompt: 'P',
			explanation: 'E',
			options: ids(n, 'o').map((id, i) => ({ id, text: id, score: scores[i], feedback: 'F' }))
		}))
);
const trueFalseQ = fc
	.boolean()
	.map((answer): Question => ({ id: 'q-tf', type: 'truefalse', prompt: 'P', explanation: 'E', answer }));
const orderingQ = fc.integer({ min: 2, max: 7 }).map((n): Question => ({
	id: 'q-ordering',
	type: 'ordering',
	prompt: 'P',
	explanation: 'E',
	items: ids(n, 'i').map((id) => ({ id, text: id }))
}));
const matchingQ = fc.integer({ min: 2, max: 6 }).map((n): Question => ({
	id: 'q-matching',
	type: 'matching',
	prompt: 'P',
	explanation: 'E',
	pairs: ids(n, 'p').map((id) => ({ id, left: `L${id}`, right: `R${id}` }))
}));

export const anyQuestion = fc.oneof(singleQ, multipleQ, judgementQ, trueFalseQ, orderingQ, matchingQ);

/** A well-formed answer to the question (any choice the form allows). */
export function answerFor(q: Question): fc.Arbitrary<unknown> {
	switch (q.type) {
		case 'single':
		case 'judgement':
			return fc.constantFrom(...q.options.map((o) => o.id));
		case 'multiple':
			return fc.subarray(q.options.map((o) => o.id));
		case 'truefalse':
			return fc.boolean();
		case 'ordering':
			return fc.shuffledSubarray(
				q.items.map((i) => i.id),
				{ minLength: q.items.length, maxLength: q.items.length }
			);
		case 'matching': {
			const pairIds = q.pairs.map((p) => p.id);
			return fc
				.array(fc.tuple(fc.constantFrom(...pairIds), fc.constantFrom(...pairIds)), { maxLength: pairIds.length })
				.map((entries) => Object.fromEntries(entries));
		}
	}
}

/** A question with an answer: well-formed most of the time, anything at all otherwise. */
export const questionWithAnswer = anyQuestion.chain((q) =>
	fc.tuple(fc.constant(q), fc.oneof({ weight: 4, arbitrary: answerFor(q) }, { weight: 1, arbitrary: fc.anything() }))
);
