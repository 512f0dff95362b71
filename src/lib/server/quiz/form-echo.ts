// The no-JavaScript attempt form as the learner left it, to draw every field again after a refusal (a position
// used twice in one question must not throw away the answers typed in the others). Read leniently, never
// saved: only ids and positions this attempt's page showed get through, anything else is dropped, so the echo
// holds nothing the learner could not have picked on the page.
//
// Shapes (what QuestionField reads): single/judgement an option id; truefalse a boolean; multiple the ticked
// option ids; matching { left id: right id }; ordering { item id: position } (not an order: a position used
// twice, or left blank, must be drawn as it was).
import type { Question } from '../content/schema';
import type { AttemptLayout } from '../db/schema';
import { publicQuestion } from './public-view';

export function echoFormAnswers(form: FormData, layout: AttemptLayout, questions: Question[]): Record<string, unknown> {
	const echo: Record<string, unknown> = {};
	const text = (key: string) => {
		const v = form.get(key);
		return typeof v === 'string' ? v : '';
	};
	for (const entry of layout) {
		const question = questions.find((q) => q.id === entry.questionId);
		if (!question) continue;
		const view = publicQuestion(question, entry);
		const name = `q:${question.id}`;
		switch (view.type) {
			case 'single':
			case 'judgement': {
				const chosen = text(name);
				if (view.options.some((o) => o.id === chosen)) echo[question.id] = chosen;
				break;
			}
			case 'multiple':
				// A multiple question on the form with nothing ticked is echoed as [], so saved ticks do not reappear.
				if (form.has(name) || form.has(`${name}:shown`)) {
					const known = new Set(view.options.map((o) => o.id));
					echo[question.id] = form.getAll(name).filter((v): v is string => typeof v === 'string' && known.has(v));
				}
				break;
			case 'truefalse':
				if (text(name) === 'true' || text(name) === 'false') echo[question.id] = text(name) === 'true';
				break;
			case 'ordering': {
				if (!view.items.some((item) => form.has(`${name}:${item.id}`))) break;
				const positions: Record<string, number> = {};
				for (const item of view.items) {
					const position = Number(text(`${name}:${item.id}`));
					if (Number.isInteger(position) && position >= 1 && position <= view.items.length)
						positions[item.id] = position;
				}
				echo[question.id] = positions;
				break;
			}
			case 'matching': {
				if (!view.lefts.some((left) => form.has(`${name}:${left.id}`))) break;
				const rights = new Set(view.rights.map((r) => r.id));
				const pairs: Record<string, string> = {};
				for (const left of view.lefts) {
					const right = text(`${name}:${left.id}`);
					if (rights.has(right)) pairs[left.id] = right;
				}
				echo[question.id] = pairs;
				break;
			}
		}
	}
	return echo;
}
