// An attempt's layout: which questions were drawn, in which order, and each question's option order. It is
// derived from a seed once, at start, and stored, so a reload (or a content edit) never reshuffles an attempt.
import type { Quiz } from '../content/catalogue';
import type { Question } from '../content/schema';
import type { AttemptLayout } from '../db/schema';

/** mulberry32: small, fast, deterministic; randomness here is about variety, not secrecy. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** The ids whose order the learner sees: options, ordering items, or matching right sides (by pair id). */
export function optionIds(question: Question): string[] {
	switch (question.type) {
		case 'truefalse':
			return [];
		case 'ordering':
			return question.items.map((i) => i.id);
		case 'matching':
			return question.pairs.map((p) => p.id);
		default:
			return question.options.map((o) => o.id);
	}
}

function optionOrder(question: Question, shuffleOptions: boolean, random: () => number): string[] {
	const ids = optionIds(question);
	// Ordering items and matching right sides are always shuffled: in key order they would be the answer.
	const mustShuffle = question.type === 'ordering' || question.type === 'matching';
	if (!mustShuffle && !shuffleOptions) return ids;
	const order = shuffle(ids, random);
	if (mustShuffle && order.every((id, i) => id === ids[i])) order.push(order.shift()!);
	return order;
}

export function buildLayout(
	quiz: Pick<Quiz, 'questions' | 'draw' | 'shuffle_questions' | 'shuffle_options'>,
	seed: number
): AttemptLayout {
	const random = seededRandom(seed);
	let questions = quiz.questions;
	if (quiz.draw > 0 && quiz.draw < questions.length) {
		const drawn = new Set(shuffle(questions, random).slice(0, quiz.draw));
		questions = questions.filter((q) => drawn.has(q));
	}
	if (quiz.shuffle_questions) questions = shuffle(questions, random);
	return questions.map((q) => ({ questionId: q.id, optionOrder: optionOrder(q, quiz.shuffle_options, random) }));
}

export function randomSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0];
}
