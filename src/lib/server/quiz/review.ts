// The review of a submitted attempt, ready to display. Right answers, explanations and option feedback are
// included only when the key policy allows (key-policy.ts: after a pass or the last allowed attempt); a question
// not fully right always names the lesson to reread.
import type { Question } from '../content/schema';
import type { AttemptLayout } from '../db/schema';
import type { Answer } from './grading';

export interface ReviewOption {
	text: string;
	chosen: boolean;
	/** null when right answers are hidden. */
	correct: boolean | null;
	feedback: string | null;
}

export type ReviewQuestion = {
	id: string;
	prompt: string;
	points: number;
	answered: boolean;
	explanation: string | null;
	/** For a question not fully right: the lesson it tests, to reread before the next attempt. */
	reread: { href: string; title: string } | null;
} & (
	| { type: 'single' | 'multiple' | 'judgement'; options: ReviewOption[] }
	| { type: 'truefalse'; chosen: boolean | null; correct: boolean | null; feedback: string | null }
	| { type: 'ordering'; yourOrder: string[]; correctOrder: string[] | null; feedback: string | null }
	| {
			type: 'matching';
			rows: { left: string; yourRight: string | null; correctRight: string | null; feedback: string | null }[];
	  }
);

function reviewOne(
	question: Question,
	order: string[],
	answer: Answer | undefined,
	points: number,
	show: boolean,
	lessonLink: LessonLink
): ReviewQuestion {
	const base = {
		id: question.id,
		prompt: question.prompt,
		points,
		answered: answer !== undefined,
		explanation: show ? question.explanation : null,
		reread: points < 1 && question.lesson ? (lessonLink(question.lesson) ?? null) : null
	};
	switch (question.type) {
		case 'truefalse': {
			const chosen = typeof answer === 'boolean' ? answer : null;
			const wrong = chosen !== question.answer;
			return {
				...base,
				type: 'truefalse',
				chosen,
				correct: show ? question.answer : null,
				feedback: show && wrong ? (question.feedback_wrong ?? null) : null
			};
		}
		case 'ordering': {
			const text = (id: string) => question.items.find((i) => i.id === id)?.text ?? '';
			const your = Array.isArray(answer) ? answer.map(text) : [];
			return {
				...base,
				type: 'ordering',
				yourOrder: your,
				correctOrder: show ? question.items.map((i) => i.text) : null,
				feedback: show && points < 1 ? (question.feedback_wrong ?? null) : null
			};
		}
		case 'matching': {
			const chosen = answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {};
			return {
				...base,
				type: 'matching',
				rows: question.pairs.map((p) => ({
					left: p.left,
					yourRight: question.pairs.find((q) => q.id === chosen[p.id])?.right ?? null,
					correctRight: show ? p.right : null,
					feedback: show ? (p.feedback ?? null) : null
				}))
			};
		}
		case 'judgement':
			return {
				...base,
				type: 'judgement',
				options: order.flatMap((id) => {
					const o = question.options.find((x) => x.id === id);
					if (!o) return [];
					const chosen = answer === o.id;
					return [{ text: o.text, chosen, correct: show ? o.score === 1 : null, feedback: show ? o.feedback : null }];
				})
			};
		default: {
			const chosenIds = Array.isArray(answer) ? answer : typeof answer === 'string' ? [answer] : [];
			return {
				...base,
				type: question.type,
				options: order.flatMap((id) => {
					const o = question.options.find((x) => x.id === id);
					if (!o) return [];
					const chosen = chosenIds.includes(o.id);
					// Feedback explains a wrong option; it matters when the learner chose it or when they might have.
					return [
						{ text: o.text, chosen, correct: show ? o.correct : null, feedback: show ? (o.feedback ?? null) : null }
					];
				})
			};
		}
	}
}

/** The lesson a question tests (its `lesson` slug), as a link; undefined when the course has no such lesson. */
export type LessonLink = (slug: string) => { href: string; title: string } | undefined;

export function buildReview(
	layout: AttemptLayout,
	questions: Question[],
	answers: Map<string, Answer>,
	scores: Map<string, number | null>,
	showKeys: boolean,
	lessonLink: LessonLink = () => undefined
): ReviewQuestion[] {
	return layout.flatMap((entry) => {
		const question = questions.find((q) => q.id === entry.questionId);
		if (!question) return [];
		return [
			reviewOne(
				question,
				entry.optionOrder,
				answers.get(entry.questionId),
				scores.get(entry.questionId) ?? 0,
				showKeys,
				lessonLink
			)
		];
	});
}
