// Reading survey answers from form fields, conditions and required questions. Pure: the form action, the autosave
// endpoint and the tests share it. Field names: "q:<id>" (choice, number, text), "q:<id>:other" (the "other"
// text), "q:<id>:<row>" (a likert row, 1-5), "q:<id>:<item>" (a ranking item's place, 1..pick).
import type { SurveyQuestion } from './schema';

export type ChoiceAnswer = { choice: string; other?: string };
export type MultipleAnswer = { choices: string[]; other?: string };
export type LikertAnswer = Record<string, number>;
export type RankingAnswer = string[];
export type AnswerValue = ChoiceAnswer | MultipleAnswer | LikertAnswer | RankingAnswer | number | string;
/** Saved answers by question id. */
export type Answers = Record<string, unknown>;

export type AnswerErrorCode =
	| 'required'
	| 'incomplete'
	| 'invalid_option'
	| 'other_text'
	| 'too_many'
	| 'number_invalid'
	| 'number_range'
	| 'number_integer'
	| 'too_long'
	| 'ranking_duplicate';

export type FieldGetter = (name: string) => string[];

export const OTHER = 'other';
const OTHER_MAX = 300;

export function fieldName(q: { id: string }, part?: string): string {
	return part ? `q:${q.id}:${part}` : `q:${q.id}`;
}

/** The option ids a choice answer selected (the "other" option included), for conditions and counting. */
export function chosenIds(value: unknown): string[] {
	if (!value || typeof value !== 'object') return [];
	if ('choice' in value && typeof value.choice === 'string') return [value.choice];
	if ('choices' in value && Array.isArray(value.choices)) return value.choices.filter((c) => typeof c === 'string');
	return [];
}

/** Whether a question is shown, given the answers: its condition holds and the question it depends on is shown. */
export function isVisible(questions: SurveyQuestion[], q: SurveyQuestion, answers: Answers, depth = 0): boolean {
	if (!q.show_if || depth > questions.length) return true;
	const target = questions.find((t) => t.id === q.show_if!.question);
	if (!target || !isVisible(questions, target, answers, depth + 1)) return false;
	const wanted = q.show_if.in ?? [q.show_if.equals!];
	return chosenIds(answers[target.id]).some((id) => wanted.includes(id));
}

export type ReadResult = { value: AnswerValue | null } | { error: AnswerErrorCode };

/** One question's answer from the form fields; null when left empty. Never trusts ids the question does not list. */
export function readAnswer(q: SurveyQuestion, get: FieldGetter): ReadResult {
	const first = (name: string) => (get(name)[0] ?? '').trim();
	switch (q.type) {
		case 'single': {
			const choice = first(fieldName(q));
			if (!choice) return { value: null };
			const ids = q.options.map((o) => o.id).concat(q.other ? [OTHER] : []);
			if (!ids.includes(choice)) return { error: 'invalid_option' };
			if (choice !== OTHER) return { value: { choice } };
			const other = first(fieldName(q, OTHER));
			if (!other) return { error: 'other_text' };
			if (other.length > OTHER_MAX) return { error: 'too_long' };
			return { value: { choice, other } };
		}
		case 'multiple': {
			const ids = q.options.map((o) => o.id).concat(q.other ? [OTHER] : []);
			const given = [...new Set(get(fieldName(q)).map((v) => v.trim()))].filter(Boolean);
			if (given.some((c) => !ids.includes(c))) return { error: 'invalid_option' };
			if (given.length === 0) return { value: null };
			if (q.max && given.length > q.max) return { error: 'too_many' };
			const choices = ids.filter((id) => given.includes(id));
			if (!choices.includes(OTHER)) return { value: { choices } };
			const other = first(fieldName(q, OTHER));
			if (!other) return { error: 'other_text' };
			if (other.length > OTHER_MAX) return { error: 'too_long' };
			return { value: { choices, other } };
		}
		case 'likert': {
			const value: LikertAnswer = {};
			for (const row of q.rows) {
				const raw = first(fieldName(q, row.id));
				if (!raw) continue;
				if (!/^[1-5]$/.test(raw)) return { error: 'invalid_option' };
				value[row.id] = Number(raw);
			}
			return { value: Object.keys(value).length > 0 ? value : null };
		}
		case 'ranking': {
			const pick = q.pick ?? q.items.length;
			const places: (string | undefined)[] = Array(pick).fill(undefined);
			for (const item of q.items) {
				const raw = first(fieldName(q, item.id));
				if (!raw) continue;
				const place = Number(raw);
				if (!Number.isInteger(place) || place < 1 || place > pick) return { error: 'invalid_option' };
				if (places[place - 1]) return { error: 'ranking_duplicate' };
				places[place - 1] = item.id;
			}
			const filled = places.filter((p): p is string => !!p);
			if (filled.length === 0) return { value: null };
			// Places must be filled from the top: 1, 2, ... without a gap.
			if (places.slice(0, filled.length).some((p) => !p)) return { error: 'incomplete' };
			return { value: filled };
		}
		case 'number': {
			const raw = first(fieldName(q)).replace(/\s/g, '').replace(',', '.');
			if (!raw) return { value: null };
			if (!/^-?\d+(\.\d+)?$/.test(raw)) return { error: 'number_invalid' };
			const n = Number(raw);
			if (q.integer && !Number.isInteger(n)) return { error: 'number_integer' };
			if (n < q.min || n > q.max) return { error: 'number_range' };
			return { value: n };
		}
		case 'text':
		case 'long_text': {
			const raw = (get(fieldName(q))[0] ?? '').replace(/\r\n/g, '\n').trim();
			if (!raw) return { value: null };
			if (raw.length > q.max_length) return { error: 'too_long' };
			return { value: raw };
		}
	}
}

/** Whether a saved answer is complete enough for a required question. */
export function isComplete(q: SurveyQuestion, value: unknown): boolean {
	if (value === null || value === undefined || value === '') return false;
	if (q.type === 'likert') return q.rows.every((r) => typeof (value as LikertAnswer)[r.id] === 'number');
	if (q.type === 'ranking') return Array.isArray(value) && value.length >= (q.pick ?? q.items.length);
	return true;
}

export interface ReadAll {
	/** Answers of visible questions (null = cleared); hidden questions are null so a stale answer is dropped. */
	values: Record<string, AnswerValue | null>;
	errors: Record<string, AnswerErrorCode>;
}

/**
 * Every question from the form, in order; a question whose condition does not hold is cleared. A question with an
 * error keeps its saved answer (`saved`) for the conditions of later questions.
 */
export function readAnswers(questions: SurveyQuestion[], get: FieldGetter, saved: Answers = {}): ReadAll {
	const values: Record<string, AnswerValue | null> = {};
	const errors: Record<string, AnswerErrorCode> = {};
	const current: Answers = { ...saved };
	for (const q of questions) {
		if (!isVisible(questions, q, current)) {
			values[q.id] = null;
			delete current[q.id];
			continue;
		}
		const read = readAnswer(q, get);
		if ('error' in read) errors[q.id] = read.error;
		else {
			values[q.id] = read.value;
			if (read.value === null) delete current[q.id];
			else current[q.id] = read.value;
		}
	}
	return { values, errors };
}

/** Required questions that are shown and not (fully) answered, with their error code. */
export function missingRequired(questions: SurveyQuestion[], answers: Answers): Record<string, AnswerErrorCode> {
	const missing: Record<string, AnswerErrorCode> = {};
	for (const q of questions) {
		if (!q.required || !isVisible(questions, q, answers)) continue;
		const value = answers[q.id];
		if (value === undefined || value === null) missing[q.id] = 'required';
		else if (!isComplete(q, value)) missing[q.id] = 'incomplete';
	}
	return missing;
}

/** Form fields as strings: the form is drawn from these, whether they come from saved answers or a refused post. */
export type Fields = Record<string, string[]>;

/** Saved answers in the shape of the form's fields (the inverse of readAnswer). */
export function answersToFields(questions: SurveyQuestion[], answers: Answers): Fields {
	const fields: Fields = {};
	for (const q of questions) {
		const v = answers[q.id];
		if (v === undefined || v === null) continue;
		if (q.type === 'single' || q.type === 'multiple') {
			fields[fieldName(q)] = chosenIds(v);
			const other = (v as { other?: string }).other;
			if (other) fields[fieldName(q, OTHER)] = [other];
		} else if (q.type === 'likert') {
			for (const [row, point] of Object.entries(v as LikertAnswer)) fields[fieldName(q, row)] = [String(point)];
		} else if (q.type === 'ranking') {
			(v as string[]).forEach((item, i) => (fields[fieldName(q, item)] = [String(i + 1)]));
		} else fields[fieldName(q)] = [String(v)];
	}
	return fields;
}

/** The survey's fields of a posted form (names starting "q:"), bounded so a refused post can be echoed back. */
export function fieldsOf(entries: Iterable<[string, unknown]>, limit = 64 * 1024): Fields {
	const fields: Fields = {};
	let size = 0;
	for (const [name, value] of entries) {
		if (!name.startsWith('q:') || typeof value !== 'string') continue;
		size += name.length + value.length;
		if (size > limit) break;
		(fields[name] ??= []).push(value);
	}
	return fields;
}
