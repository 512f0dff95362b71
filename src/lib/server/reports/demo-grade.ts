// A small grader for demo data only, following the scoring rules of docs/CONTENT-FORMAT.md. Real attempts are
// graded by the quiz module at submission; reports only read the stored scores.
import type { Question } from '../content/schema';

export function gradeAnswer(question: Question, answer: unknown): number {
	switch (question.type) {
		case 'single':
			return question.options.find((o) => o.id === answer)?.correct ? 1 : 0;
		case 'judgement':
			return question.options.find((o) => o.id === answer)?.score ?? 0;
		case 'truefalse':
			return answer === question.answer ? 1 : 0;
		case 'multiple': {
			const chosen = new Set(Array.isArray(answer) ? answer : []);
			const right = question.options.filter((o) => o.correct);
			const hits = right.filter((o) => chosen.has(o.id)).length;
			const misses = question.options.filter((o) => !o.correct && chosen.has(o.id)).length;
			return Math.max(0, (hits - misses) / right.length);
		}
		case 'ordering': {
			const order = Array.isArray(answer) ? answer : [];
			return question.items.filter((item, i) => order[i] === item.id).length / question.items.length;
		}
		case 'matching': {
			const chosen = (answer && typeof answer === 'object' ? answer : {}) as Record<string, unknown>;
			return question.pairs.filter((p) => chosen[p.id] === p.id).length / question.pairs.length;
		}
	}
}
