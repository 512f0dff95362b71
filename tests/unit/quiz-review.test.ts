import { describe, expect, it } from 'vitest';
import { buildLayout } from '$lib/server/quiz/layout';
import { buildReview } from '$lib/server/quiz/review';
import { fixtureCourse } from './quiz-fixtures';

describe('review of a submitted attempt', () => {
	const { quiz } = fixtureCourse();
	const layout = buildLayout(quiz, 3);
	const answers = new Map<string, never>([
		['one-single', 'b' as never],
		['one-tf', true as never],
		['one-matching', { x: 'y' } as never]
	]);
	const scores = new Map([
		['one-single', 0],
		['one-tf', 0],
		['one-matching', 0]
	]);

	it('after_submit: shows the learner answer, the right answer, the explanation and the feedback', () => {
		const review = buildReview(layout, quiz.questions, answers, scores, true);
		const json = JSON.stringify(review);
		for (const text of [
			'WYJASNIENIE-single',
			'FEEDBACK-single-b',
			'FEEDBACK-tf',
			'FEEDBACK-pair-x',
			'WYJASNIENIE-ordering'
		])
			expect(json).toContain(text);
		const single = review.find((r) => r.id === 'one-single')!;
		expect(single.type === 'single' && single.options.map((o) => [o.text, o.chosen, o.correct]).sort()).toEqual([
			['Dobra', false, true],
			['Zła', true, false]
		]);
		const matching = review.find((r) => r.id === 'one-matching')!;
		expect(matching.type === 'matching' && matching.rows[0]).toMatchObject({
			left: 'Lewy X',
			yourRight: 'Prawy Y',
			correctRight: 'Prawy X'
		});
		expect(review.find((r) => r.id === 'one-ordering')!.answered).toBe(false);
	});

	it('after_pass before passing: the learner answer and points only, no right answer, explanation or feedback', () => {
		const review = buildReview(layout, quiz.questions, answers, scores, false);
		const json = JSON.stringify(review);
		expect(json).not.toMatch(/WYJASNIENIE|FEEDBACK|Prawy X/);
		expect(json).not.toMatch(/"correct(Order|Right)?":(true|false|\[|")/);
		const tf = review.find((r) => r.id === 'one-tf')!;
		expect(tf).toMatchObject({ type: 'truefalse', chosen: true, correct: null, explanation: null });
	});
});
