// What the browser may see of a question before the attempt is submitted. Built field by field (never by
// copying and deleting), so a new key field in the content schema cannot leak by accident.
import type { Question } from '../content/schema';
import type { AttemptLayout } from '../db/schema';
import type { Answer } from './grading';

export type PublicQuestion =
	| { id: string; type: 'single' | 'multiple' | 'judgement'; prompt: string; options: { id: string; text: string }[] }
	| { id: string; type: 'truefalse'; prompt: string }
	| { id: string; type: 'ordering'; prompt: string; items: { id: string; text: string }[] }
	| {
			id: string;
			type: 'matching';
			prompt: string;
			lefts: { id: string; text: string }[];
			/** Right sides under opaque ids ("r0", "r1", ... in the shuffled order): a pair id would give the key away. */
			rights: { id: string; text: string }[];
	  };

type LayoutEntry = AttemptLayout[number];

const inOrder = <T extends { id: string }>(items: T[], order: string[]): T[] =>
	order.map((id) => items.find((i) => i.id === id)).filter((i): i is T => i !== undefined);

export function publicQuestion(question: Question, entry: LayoutEntry): PublicQuestion {
	const base = { id: question.id, prompt: question.prompt };
	switch (question.type) {
		case 'truefalse':
			return { ...base, type: 'truefalse' };
		case 'ordering':
			return {
				...base,
				type: 'ordering',
				items: inOrder(question.items, entry.optionOrder).map(({ id, text }) => ({ id, text }))
			};
		case 'matching':
			return {
				...base,
				type: 'matching',
				lefts: question.pairs.map((p) => ({ id: p.id, text: p.left })),
				rights: inOrder(question.pairs, entry.optionOrder).map((p, i) => ({ id: `r${i}`, text: p.right }))
			};
		default:
			return {
				...base,
				type: question.type,
				options: inOrder<{ id: string; text: string }>(question.options, entry.optionOrder).map(({ id, text }) => ({
					id,
					text
				}))
			};
	}
}

/** A stored answer as the browser may see it (matching: right sides by their opaque ids). */
export function toPublicAnswer(question: Question, entry: LayoutEntry, answer: Answer): unknown {
	if (question.type !== 'matching' || typeof answer !== 'object' || Array.isArray(answer)) return answer;
	return Object.fromEntries(
		Object.entries(answer).map(([left, right]) => [left, `r${entry.optionOrder.indexOf(right)}`])
	);
}

/** An answer from the browser in the stored shape; unknown opaque ids become invalid values that parseAnswer rejects. */
export function fromPublicAnswer(question: Question, entry: LayoutEntry, value: unknown): unknown {
	if (question.type !== 'matching' || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
	return Object.fromEntries(
		Object.entries(value as Record<string, unknown>).map(([left, right]) => {
			const match = typeof right === 'string' ? /^r(\d{1,3})$/.exec(right) : null;
			return [left, match ? (entry.optionOrder[Number(match[1])] ?? '') : ''];
		})
	);
}
