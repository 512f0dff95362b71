import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCatalogue } from '$lib/server/content';
import { echoFormAnswers } from '$lib/server/quiz/form-echo';
import { buildLayout } from '$lib/server/quiz/layout';
import { publicQuestion, type PublicQuestion } from '$lib/server/quiz/public-view';
import { fixtureCourse } from './quiz-fixtures';

const form = (entries: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
};

describe('the refused no-JavaScript form, drawn again', () => {
	const { quiz } = fixtureCourse();
	const layout = buildLayout(quiz, 7);
	const views = layout.map((e) =>
		publicQuestion(
			quiz.questions.find((q) => q.id === e.questionId)!,
			e
		)
	);
	const view = <T extends PublicQuestion['type']>(type: T) =>
		views.find((v) => v.type === type) as PublicQuestion & { type: T };
	const single = view('single');
	const ordering = view('ordering');
	const matching = view('matching');

	it('keeps every field as the learner left it, a position used twice included', () => {
		const [i0, i1, i2] = ordering.items.map((i) => i.id);
		const echo = echoFormAnswers(
			form([
				['attempt', 'x'],
				[`q:${single.id}`, single.options[1].id],
				['q:one-tf', 'false'],
				[`q:${ordering.id}:${i0}`, '1'],
				[`q:${ordering.id}:${i1}`, '1'],
				[`q:${ordering.id}:${i2}`, ''],
				[`q:${matching.id}:x`, matching.rights[0].id],
				[`q:${matching.id}:y`, '']
			]),
			layout,
			quiz.questions
		);
		expect(echo).toEqual({
			[single.id]: single.options[1].id,
			'one-tf': false,
			[ordering.id]: { [i0]: 1, [i1]: 1 },
			[matching.id]: { x: matching.rights[0].id }
		});
	});

	it('leaves out questions not on the form and drops anything the page never offered', () => {
		expect(echoFormAnswers(form([]), layout, quiz.questions)).toEqual({});
		const [i0, i1] = ordering.items.map((i) => i.id);
		const echo = echoFormAnswers(
			form([
				[`q:${single.id}`, 'a'], // a quiz.yaml id, never shown
				['q:one-tf', 'maybe'],
				[`q:${ordering.id}:${i0}`, '9'],
				[`q:${ordering.id}:${i1}`, '2'],
				[`q:${ordering.id}:i99`, '1'],
				[`q:${matching.id}:x`, 'x'],
				[`q:${matching.id}:zz`, matching.rights[0].id],
				['q:two-single', 'o0']
			]),
			layout,
			quiz.questions
		);
		expect(echo).toEqual({ [ordering.id]: { [i1]: 2 }, [matching.id]: {} });
	});

	it('echoes an untouched multiple-choice question as nothing ticked, and only shown options', () => {
		const real = getCatalogue()
			.courses.flatMap((c) => c.quizzes)
			.find((q) => q.questions.some((x) => x.type === 'multiple'))!;
		const question = real.questions.find((x) => x.type === 'multiple')!;
		const realLayout = buildLayout({ ...real, questions: [question], draw: 1 } as typeof real, 3);
		const shown = publicQuestion(question, realLayout[0]);
		if (shown.type !== 'multiple') throw new Error('not multiple');
		const name = `q:${question.id}`;
		expect(echoFormAnswers(form([[`${name}:shown`, '1']]), realLayout, [question])).toEqual({ [question.id]: [] });
		expect(
			echoFormAnswers(
				form([
					[`${name}:shown`, '1'],
					[name, shown.options[0].id],
					[name, question.options[0].id === shown.options[0].id ? 'zz' : question.options[0].id]
				]),
				realLayout,
				[question]
			)
		).toEqual({ [question.id]: [shown.options[0].id] });
	});

	it('never holds a value the page did not show, whatever is posted', () => {
		const names = [
			`q:${single.id}`,
			'q:one-tf',
			...ordering.items.map((i) => `q:${ordering.id}:${i.id}`),
			`q:${matching.id}:x`,
			`q:${matching.id}:y`
		];
		const allowed = new Set<unknown>([
			...single.options.map((o) => o.id),
			...matching.rights.map((r) => r.id),
			true,
			false,
			1,
			2,
			3
		]);
		const leaves = (v: unknown): unknown[] => (v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [v]);
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(
						fc.constantFrom(...names),
						fc.oneof(fc.string(), fc.constantFrom('o0', 'o1', 'r0', 'r1', 'a', 'x', '1', '3', '4', 'true'))
					)
				),
				(entries) => {
					const echo = echoFormAnswers(form(entries), layout, quiz.questions);
					for (const value of leaves(echo)) expect(allowed.has(value), String(value)).toBe(true);
					const ids = new Set(layout.map((e) => e.questionId));
					for (const id of Object.keys(echo)) expect(ids.has(id)).toBe(true);
				}
			)
		);
	});
});
