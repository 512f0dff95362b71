// quiz_responses.answer (JSON, shapes in docs/CONTENT-FORMAT.md) put into words with the quiz definition, so a
// trainer reads "Rada gminy w drodze uchwały", not "a". Pure.
import type { Question } from '../content/schema';

export type AnswerWords =
	| { kind: 'none' }
	| { kind: 'list'; items: string[] }
	| { kind: 'boolean'; value: boolean }
	| { kind: 'ordered'; items: string[] }
	| { kind: 'pairs'; pairs: { left: string; right: string }[] }
	/** The stored answer does not fit the question (e.g. the question changed since): shown as stored. */
	| { kind: 'raw'; text: string };

function optionText(question: Question, id: string): string | undefined {
	if (question.type === 'ordering') return question.items.find((i) => i.id === id)?.text;
	if (question.type === 'matching' || question.type === 'truefalse') return undefined;
	return question.options.find((o) => o.id === id)?.text;
}

export function answerInWords(question: Question, answer: unknown): AnswerWords {
	if (answer === null || answer === undefined) return { kind: 'none' };
	const raw = { kind: 'raw', text: JSON.stringify(answer) } as const;
	switch (question.type) {
		case 'single':
		case 'judgement': {
			const text = typeof answer === 'string' ? optionText(question, answer) : undefined;
			return text === undefined ? raw : { kind: 'list', items: [text] };
		}
		case 'multiple': {
			if (!Array.isArray(answer)) return raw;
			const texts = answer.map((id) => (typeof id === 'string' ? optionText(question, id) : undefined));
			if (texts.some((t) => t === undefined)) return raw;
			return texts.length === 0 ? { kind: 'none' } : { kind: 'list', items: texts as string[] };
		}
		case 'truefalse':
			return typeof answer === 'boolean' ? { kind: 'boolean', value: answer } : raw;
		case 'ordering': {
			if (!Array.isArray(answer)) return raw;
			const texts = answer.map((id) => (typeof id === 'string' ? optionText(question, id) : undefined));
			return texts.some((t) => t === undefined) ? raw : { kind: 'ordered', items: texts as string[] };
		}
		case 'matching': {
			if (typeof answer !== 'object' || Array.isArray(answer)) return raw;
			const pairs = [];
			for (const [leftId, rightId] of Object.entries(answer as Record<string, unknown>)) {
				const left = question.pairs.find((p) => p.id === leftId)?.left;
				const right = question.pairs.find((p) => p.id === rightId)?.right;
				if (left === undefined || right === undefined) return raw;
				pairs.push({ left, right });
			}
			return { kind: 'pairs', pairs };
		}
	}
}

/** The right answer in the same words (for judgement: the options worth a full point). */
export function correctInWords(question: Question): AnswerWords {
	switch (question.type) {
		case 'single':
		case 'multiple':
			return { kind: 'list', items: question.options.filter((o) => o.correct).map((o) => o.text) };
		case 'judgement':
			return { kind: 'list', items: question.options.filter((o) => o.score === 1).map((o) => o.text) };
		case 'truefalse':
			return { kind: 'boolean', value: question.answer };
		case 'ordering':
			return { kind: 'ordered', items: question.items.map((i) => i.text) };
		case 'matching':
			return { kind: 'pairs', pairs: question.pairs.map((p) => ({ left: p.left, right: p.right })) };
	}
}

/** How many chose each option (single, multiple, judgement, truefalse); for ordering and matching, how many put
 * each item in its right place. Keys are option ids ("true"/"false" for truefalse). */
export function choiceCounts(question: Question, answers: unknown[]): { id: string; text: string; count: number }[] {
	const counts = new Map<string, number>();
	const add = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
	for (const answer of answers) {
		if (question.type === 'single' || question.type === 'judgement') {
			if (typeof answer === 'string') add(answer);
		} else if (question.type === 'multiple') {
			if (Array.isArray(answer)) for (const id of new Set(answer)) if (typeof id === 'string') add(id);
		} else if (question.type === 'truefalse') {
			if (typeof answer === 'boolean') add(String(answer));
		} else if (question.type === 'ordering') {
			if (Array.isArray(answer)) question.items.forEach((item, i) => answer[i] === item.id && add(item.id));
		} else if (question.type === 'matching') {
			if (answer && typeof answer === 'object')
				for (const p of question.pairs) if ((answer as Record<string, unknown>)[p.id] === p.id) add(p.id);
		}
	}
	const entries =
		question.type === 'truefalse'
			? [
					{ id: 'true', text: 'true' },
					{ id: 'false', text: 'false' }
				]
			: question.type === 'ordering'
				? question.items.map((i) => ({ id: i.id, text: i.text }))
				: question.type === 'matching'
					? question.pairs.map((p) => ({ id: p.id, text: `${p.left} → ${p.right}` }))
					: question.options.map((o) => ({ id: o.id, text: o.text }));
	return entries.map((e) => ({ ...e, count: counts.get(e.id) ?? 0 }));
}
