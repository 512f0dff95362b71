// Plausible answers for the data generator, in the shapes of docs/CONTENT-FORMAT.md "How answers are stored",
// and their scores by the rules written there. Pure and seeded, so a data set is reproducible.
import type { Quiz } from '../src/lib/server/content/catalogue';
import type { Question } from '../src/lib/server/content/schema';
import { gradeQuestion } from '../src/lib/server/quiz/grading';
import { buildLayout } from '../src/lib/server/quiz/layout';

export type Answer = string | boolean | string[] | Record<string, string>;

/** mulberry32: a tiny, fast, seeded PRNG (Math.random cannot be seeded). */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(random: () => number, list: readonly T[]): T {
	return list[Math.floor(random() * list.length)];
}

/** An answer by a learner who knows each point with probability `skill` (0..1). */
export function answerFor(question: Question, skill: number, random: () => number): Answer {
	const knows = () => random() < skill;
	switch (question.type) {
		case 'single': {
			const right = question.options.find((o) => o.correct)!;
			return knows()
				? right.id
				: pick(
						random,
						question.options.filter((o) => !o.correct)
					).id;
		}
		case 'judgement': {
			const best = question.options.find((o) => o.score === 1)!;
			return knows() ? best.id : pick(random, question.options).id;
		}
		case 'multiple': {
			const ticked = question.options.filter((o) => (o.correct ? knows() : !knows())).map((o) => o.id);
			return ticked.length > 0 ? ticked : [question.options[0].id];
		}
		case 'truefalse':
			return knows() ? question.answer : !question.answer;
		case 'ordering': {
			const order = question.items.map((i) => i.id);
			if (!knows()) {
				const i = Math.floor(random() * (order.length - 1));
				[order[i], order[i + 1]] = [order[i + 1], order[i]];
			}
			return order;
		}
		case 'matching': {
			const rights = question.pairs.map((p) => p.id);
			for (let i = 0; i < rights.length - 1; i++) {
				if (!knows()) [rights[i], rights[i + 1]] = [rights[i + 1], rights[i]];
			}
			return Object.fromEntries(question.pairs.map((p, i) => [p.id, rights[i]]));
		}
	}
}

/** Score of one answer, 0..1: the quiz feature's own grader (quiz/grading.ts), so the data set agrees with it. */
export function scoreAnswer(question: Question, answer: Answer): number {
	return gradeQuestion(question, answer);
}

/** An attempt's layout as the quiz feature builds it from a seed (quiz/layout.ts). */
export function attemptLayout(
	quiz: Pick<Quiz, 'questions' | 'draw' | 'shuffle_questions' | 'shuffle_options'>,
	seed: number
) {
	return buildLayout(quiz, seed);
}
