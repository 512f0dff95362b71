// Reads the answers of the no-JavaScript attempt form (one form, every question). Field names:
//   q:<question>            single, judgement, truefalse ("true"/"false"), multiple (repeated)
//   q:<question>:shown      multiple: marks that the question was on the form (so "nothing ticked" can be saved)
//   q:<question>:<item>     ordering: the item's position (1..n), by the item's opaque id; matching: the right
//                           side's opaque id, by the pair id of the left side
// The values are in the public shape (opaque ids); fromPublicAnswer turns them into the stored shape.
import type { Question } from '../content/schema';
import type { AttemptLayout } from '../db/schema';
import { QuizError } from './errors';
import { publicQuestion } from './public-view';

function publicItems(question: Question, entry: AttemptLayout[number]) {
	const view = publicQuestion(question, entry);
	return view.type === 'ordering' ? view.items : [];
}

export interface FormAnswers {
	/** Public-shape values per question id; questions left blank are absent. */
	values: Map<string, unknown>;
	/** Questions whose multiple field was on the form (to clear an earlier answer when nothing is ticked). */
	shown: Set<string>;
}

export function readFormAnswers(form: FormData, layout: AttemptLayout, questions: Question[]): FormAnswers {
	const ids = new Set(layout.map((e) => e.questionId));
	for (const key of form.keys()) {
		if (!key.startsWith('q:')) continue;
		const questionId = key.split(':')[1];
		if (!ids.has(questionId)) throw new QuizError('unknown_question', { questionId });
	}
	const values = new Map<string, unknown>();
	const shown = new Set<string>();
	for (const entry of layout) {
		const question = questions.find((q) => q.id === entry.questionId);
		if (!question) continue;
		const name = `q:${question.id}`;
		const text = (key: string) => {
			const v = form.get(key);
			return typeof v === 'string' ? v : '';
		};
		switch (question.type) {
			case 'single':
			case 'judgement':
				if (text(name)) values.set(question.id, text(name));
				break;
			case 'truefalse':
				if (text(name) === 'true' || text(name) === 'false') values.set(question.id, text(name) === 'true');
				else if (text(name)) throw new QuizError('bad_answer', { questionId: question.id });
				break;
			case 'multiple': {
				const ticked = form.getAll(name).filter((v): v is string => typeof v === 'string');
				if (ticked.length > 0) values.set(question.id, ticked);
				else if (form.has(`${name}:shown`)) shown.add(question.id);
				break;
			}
			case 'ordering': {
				// Field names carry the items' opaque ids, as the page showed them.
				const items = publicItems(question, entry);
				const positions = items.map((item) => ({ id: item.id, pos: text(`${name}:${item.id}`) }));
				if (positions.every((p) => p.pos === '')) break;
				const order: string[] = [];
				for (const p of positions) {
					const index = Number(p.pos) - 1;
					if (!Number.isInteger(index) || index < 0 || index >= positions.length || order[index])
						throw new QuizError('bad_answer', { questionId: question.id });
					order[index] = p.id;
				}
				values.set(question.id, order);
				break;
			}
			case 'matching': {
				const pairs = Object.fromEntries(
					question.pairs.map((p) => [p.id, text(`${name}:${p.id}`)]).filter(([, right]) => right !== '')
				);
				if (Object.keys(pairs).length > 0) values.set(question.id, pairs);
				break;
			}
		}
	}
	return { values, shown };
}
