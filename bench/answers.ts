// Plausible answers for the data generator, in the shapes of docs/CONTENT-FORMAT.md "How answers are stored",
// and their scores by the rules written there. Pure and seeded, so a data set is reproducible.
import type { Question } from '../src/lib/server/content/schema';

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

export function shuffled<T>(random: () => number, list: readonly T[]): T[] {
	const copy = [...list];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}

/** The ids a question shows in some order (options, items or pairs); truefalse has none. */
export function optionIds(question: Question): string[] {
	switch (question.type) {
		case 'ordering':
			return question.items.map((i) => i.id);
		case 'matching':
			return question.pairs.map((p) => p.id);
		case 'truefalse':
			return [];
		default:
			return question.options.map((o) => o.id);
	}
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

/** Score of one answer, 0..1, by the rules in docs/CONTENT-FORMAT.md. */
export function scoreAnswer(question: Question, answer: Answer): number {
	switch (question.type) {
		case 'single':
			return question.options.find((o) => o.id === answer)?.correct ? 1 : 0;
		case 'judgement':
			return question.options.find((o) => o.id === answer)?.score ?? 0;
		case 'multiple': {
			const ticked = new Set(Array.isArray(answer) ? answer : []);
			const right = question.options.filter((o) => o.correct);
			const rightChosen = right.filter((o) => ticked.has(o.id)).length;
			const wrongChosen = question.options.filter((o) => !o.correct && ticked.has(o.id)).length;
			return Math.max(0, (rightChosen - wrongChosen) / right.length);
		}
		case 'truefalse':
			return answer === question.answer ? 1 : 0;
		case 'ordering': {
			const order = Array.isArray(answer) ? answer : [];
			return question.items.filter((item, i) => order[i] === item.id).length / question.items.length;
		}
		case 'matching': {
			const chosen = (answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {}) as Record<
				string,
				string
			>;
			return question.pairs.filter((p) => chosen[p.id] === p.id).length / question.pairs.length;
		}
	}
}

/** The drawn questions in the order shown, each with its option order (quiz_attempts.layout). */
export function attemptLayout(
	quiz: { questions: Question[]; shuffle_questions: boolean; shuffle_options: boolean; draw: number },
	random: () => number
): { questionId: string; optionOrder: string[] }[] {
	let questions = quiz.shuffle_questions ? shuffled(random, quiz.questions) : quiz.questions;
	if (quiz.draw > 0) questions = (quiz.shuffle_questions ? questions : shuffled(random, questions)).slice(0, quiz.draw);
	return questions.map((q) => ({
		questionId: q.id,
		optionOrder: quiz.shuffle_options ? shuffled(random, optionIds(q)) : optionIds(q)
	}));
}
