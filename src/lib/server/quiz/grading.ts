// Grading: pure functions, one rule per question type (docs/CONTENT-FORMAT.md). Every question is worth 1 point;
// an answer of the wrong shape or naming unknown ids scores 0 (parseAnswer rejects it before it is ever saved).
import type { Question } from '../content/schema';

export type Answer = string | string[] | boolean | Record<string, string>;

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The answer if it has the stored shape for this question and names only its ids; null otherwise. */
export function parseAnswer(question: Question, value: unknown): Answer | null {
	switch (question.type) {
		case 'single':
		case 'judgement':
			return typeof value === 'string' && question.options.some((o) => o.id === value) ? value : null;
		case 'multiple': {
			if (!isStringArray(value) || new Set(value).size !== value.length) return null;
			return value.every((id) => question.options.some((o) => o.id === id)) ? value : null;
		}
		case 'truefalse':
			return typeof value === 'boolean' ? value : null;
		case 'ordering': {
			const ids = question.items.map((i) => i.id);
			if (!isStringArray(value) || value.length !== ids.length || new Set(value).size !== ids.length) return null;
			return value.every((id) => ids.includes(id)) ? value : null;
		}
		case 'matching': {
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
			const ids = question.pairs.map((p) => p.id);
			const entries = Object.entries(value as Record<string, unknown>);
			const ok = entries.every(
				([left, right]) => ids.includes(left) && typeof right === 'string' && ids.includes(right)
			);
			return ok ? Object.fromEntries(entries as [string, string][]) : null;
		}
	}
}

/** Points for one answer, in [0, 1]. A missing or malformed answer scores 0. */
export function gradeQuestion(question: Question, raw: unknown): number {
	const answer = parseAnswer(question, raw);
	if (answer === null) return 0;
	switch (question.type) {
		case 'single':
			return question.options.find((o) => o.id === answer)?.correct ? 1 : 0;
		case 'judgement':
			return question.options.find((o) => o.id === answer)?.score ?? 0;
		case 'multiple': {
			const chosen = answer as string[];
			const right = question.options.filter((o) => o.correct);
			const rightChosen = right.filter((o) => chosen.includes(o.id)).length;
			const wrongChosen = chosen.length - rightChosen;
			return Math.max(0, (rightChosen - wrongChosen) / right.length);
		}
		case 'truefalse':
			return answer === question.answer ? 1 : 0;
		case 'ordering': {
			const order = answer as string[];
			return question.items.filter((item, i) => order[i] === item.id).length / question.items.length;
		}
		case 'matching': {
			const pairs = answer as Record<string, string>;
			return question.pairs.filter((p) => pairs[p.id] === p.id).length / question.pairs.length;
		}
	}
}

/** The answer that scores 1 (for the review and for tests). */
export function correctAnswer(question: Question): Answer {
	switch (question.type) {
		case 'single':
			return question.options.find((o) => o.correct)!.id;
		case 'judgement':
			return question.options.find((o) => o.score === 1)!.id;
		case 'multiple':
			return question.options.filter((o) => o.correct).map((o) => o.id);
		case 'truefalse':
			return question.answer;
		case 'ordering':
			return question.items.map((i) => i.id);
		case 'matching':
			return Object.fromEntries(question.pairs.map((p) => [p.id, p.id]));
	}
}

export interface QuizGrade {
	score: number;
	maxScore: number;
	percent: number;
	passed: boolean;
	perQuestion: Map<string, number>;
}

/**
 * Grades the drawn questions against the saved answers. A question no longer in the quiz (content edited
 * during the attempt) scores 0 but still counts, so editing content never raises a score.
 */
export function gradeAttempt(
	questionIds: string[],
	questions: Question[],
	answers: Map<string, unknown>,
	passMark: number
): QuizGrade {
	const perQuestion = new Map<string, number>();
	for (const id of questionIds) {
		const question = questions.find((q) => q.id === id);
		perQuestion.set(id, question && answers.has(id) ? gradeQuestion(question, answers.get(id)) : 0);
	}
	const score = [...perQuestion.values()].reduce((a, b) => a + b, 0);
	const maxScore = questionIds.length;
	const percent = maxScore === 0 ? 0 : Math.round((score / maxScore) * 10000) / 100;
	return { score, maxScore, percent, passed: percent >= passMark, perQuestion };
}
