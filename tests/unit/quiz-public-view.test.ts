import { describe, expect, it } from 'vitest';
import { getCatalogue } from '$lib/server/content';
import type { Question } from '$lib/server/content/schema';
import { buildLayout, optionIds } from '$lib/server/quiz/layout';
import { fromPublicAnswer, publicQuestion, toPublicAnswer } from '$lib/server/quiz/public-view';
import { correctAnswer } from '$lib/server/quiz/grading';

const FORBIDDEN_KEYS = [
	'correct',
	'score',
	'answer',
	'feedback',
	'feedback_wrong',
	'explanation',
	'left',
	'right',
	'lesson'
];

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
	if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) {
			out.add(k);
			keysOf(v, out);
		}
	return out;
}

/** Texts that would give the answer away if they reached the browser before submission. */
function secretTexts(q: Question): string[] {
	const texts = [q.explanation];
	if (q.type === 'truefalse' && q.feedback_wrong) texts.push(q.feedback_wrong);
	if (q.type === 'single' || q.type === 'multiple' || q.type === 'judgement')
		for (const o of q.options) if (o.feedback) texts.push(o.feedback);
	if (q.type === 'matching') for (const p of q.pairs) if (p.feedback) texts.push(p.feedback);
	return texts;
}

describe('public question view', () => {
	const quizzes = getCatalogue().courses.flatMap((c) => c.quizzes);

	it('holds no key field and no key text, for every question of the real catalogue, under many layouts', () => {
		expect(quizzes.length).toBeGreaterThan(5);
		for (const quiz of quizzes) {
			for (const seed of [1, 2, 3, 99, 123456]) {
				for (const entry of buildLayout(quiz, seed)) {
					const q = quiz.questions.find((x) => x.id === entry.questionId)!;
					const view = publicQuestion(q, entry);
					const json = JSON.stringify(view);
					for (const key of FORBIDDEN_KEYS) expect(keysOf(view).has(key), `${q.id}: ${key}`).toBe(false);
					for (const text of secretTexts(q)) expect(json.includes(text), `${q.id}: secret text`).toBe(false);
					expect([...keysOf(view)].sort()).toEqual(expect.arrayContaining(['id', 'prompt', 'type']));
				}
			}
		}
	});

	it('never shows ordering items or matching right sides in key order, and hides pair ids behind opaque ids', () => {
		for (const quiz of quizzes) {
			for (const seed of [7, 8, 9, 10]) {
				for (const entry of buildLayout(quiz, seed)) {
					const q = quiz.questions.find((x) => x.id === entry.questionId)!;
					const view = publicQuestion(q, entry);
					if (q.type === 'ordering' && view.type === 'ordering')
						expect(view.items.map((i) => i.id)).not.toEqual(q.items.map((i) => i.id));
					if (q.type === 'matching' && view.type === 'matching') {
						expect(view.rights.map((r) => r.text)).not.toEqual(q.pairs.map((p) => p.right));
						for (const r of view.rights) expect(q.pairs.some((p) => p.id === r.id)).toBe(false);
						// Even a saved right answer, sent back to the page, does not name the pair it belongs to.
						const shown = toPublicAnswer(q, entry, correctAnswer(q)) as Record<string, string>;
						for (const [left, right] of Object.entries(shown)) expect(right).not.toBe(left);
					}
				}
			}
		}
	});

	it('shows no id from quiz.yaml for options, ordering items or right sides, and maps saved answers back', () => {
		// Authors name the right option "a" and list ordering items in the right order: their ids are keys.
		for (const quiz of quizzes) {
			for (const entry of buildLayout(quiz, 5)) {
				const q = quiz.questions.find((x) => x.id === entry.questionId)!;
				const view = publicQuestion(q, entry);
				const shown =
					view.type === 'ordering'
						? view.items
						: view.type === 'matching'
							? view.rights
							: view.type === 'truefalse'
								? []
								: view.options;
				for (const item of shown) expect(optionIds(q), `${q.id}: ${item.id}`).not.toContain(item.id);
				const answer = correctAnswer(q);
				const back = fromPublicAnswer(q, entry, toPublicAnswer(q, entry, answer));
				expect(back, q.id).toEqual(answer);
				if (q.type !== 'truefalse')
					expect(JSON.stringify(toPublicAnswer(q, entry, answer))).not.toBe(JSON.stringify(answer));
			}
		}
	});

	it('keeps the option order of the layout (the same attempt looks the same after a reload)', () => {
		const quiz = quizzes[0];
		const a = buildLayout(quiz, 42);
		expect(buildLayout(quiz, 42)).toEqual(a);
		for (const entry of a) {
			const q = quiz.questions.find((x) => x.id === entry.questionId)!;
			const view = publicQuestion(q, entry);
			if (q.type === 'single' || q.type === 'multiple' || q.type === 'judgement')
				if (view.type === 'single' || view.type === 'multiple' || view.type === 'judgement')
					expect(view.options.map((o) => o.text)).toEqual(
						entry.optionOrder.map((id) => q.options.find((o) => o.id === id)?.text)
					);
		}
	});
});
