// What the browser may see of a question before the attempt is submitted. Built field by field (never by
// copying and deleting), so a new key field in the content schema cannot leak by accident.
//
// Options, ordering items and matching right sides go out under opaque ids: their position in this attempt's
// shuffled order ("o0", "o1", ... / "i0", ... / "r0", ...). The ids from quiz.yaml would give keys away: authors
// name the right option "a" and list ordering items a, b, c in the right order.
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
			rights: { id: string; text: string }[];
	  };

type LayoutEntry = AttemptLayout[number];

/** The opaque-id prefix of the shuffled part of each question type (true/false has none). */
const PREFIX: Record<Question['type'], string> = {
	single: 'o',
	multiple: 'o',
	judgement: 'o',
	ordering: 'i',
	matching: 'r',
	truefalse: ''
};

function publicId(question: Question, entry: LayoutEntry, id: string): string {
	return `${PREFIX[question.type]}${entry.optionOrder.indexOf(id)}`;
}

/** An opaque id of each type, built once (autosave reads one per answer). */
const OPAQUE = Object.fromEntries(
	Object.entries(PREFIX).map(([type, prefix]) => [type, new RegExp(`^${prefix}(\\d{1,3})$`)])
) as Record<Question['type'], RegExp>;

/** The quiz.yaml id behind an opaque id; anything else becomes '' so that parseAnswer refuses it. */
function authorId(question: Question, entry: LayoutEntry, value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const match = OPAQUE[question.type].exec(value);
	return match ? (entry.optionOrder[Number(match[1])] ?? '') : '';
}

const inOrder = <T extends { id: string }>(items: T[], order: string[]): T[] =>
	order.map((id) => items.find((i) => i.id === id)).filter((i): i is T => i !== undefined);

export function publicQuestion(question: Question, entry: LayoutEntry): PublicQuestion {
	const base = { id: question.id, prompt: question.prompt };
	const shown = (items: { id: string; text: string }[]) =>
		inOrder(items, entry.optionOrder).map(({ id, text }) => ({ id: publicId(question, entry, id), text }));
	switch (question.type) {
		case 'truefalse':
			return { ...base, type: 'truefalse' };
		case 'ordering':
			return { ...base, type: 'ordering', items: shown(question.items) };
		case 'matching':
			return {
				...base,
				type: 'matching',
				// Left sides keep the author's order and ids: the key is which right side goes with each.
				lefts: question.pairs.map((p) => ({ id: p.id, text: p.left })),
				rights: shown(question.pairs.map((p) => ({ id: p.id, text: p.right })))
			};
		default:
			return { ...base, type: question.type, options: shown(question.options) };
	}
}

/** A stored answer as the browser may see it: every author id replaced by its opaque id. */
export function toPublicAnswer(question: Question, entry: LayoutEntry, answer: Answer): unknown {
	const hide = (id: string) => publicId(question, entry, id);
	switch (question.type) {
		case 'truefalse':
			return answer;
		case 'matching':
			return Object.fromEntries(Object.entries(answer as Record<string, string>).map(([l, r]) => [l, hide(r)]));
		default:
			return Array.isArray(answer) ? answer.map(hide) : hide(answer as string);
	}
}

/** An answer from the browser in the stored shape. Wrong shapes pass through for parseAnswer to refuse. */
export function fromPublicAnswer(question: Question, entry: LayoutEntry, value: unknown): unknown {
	const reveal = (v: unknown) => authorId(question, entry, v);
	switch (question.type) {
		case 'truefalse':
			return value;
		case 'matching':
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
			return Object.fromEntries(Object.entries(value).map(([l, r]) => [l, reveal(r)]));
		default:
			return Array.isArray(value) ? value.map(reveal) : reveal(value);
	}
}
