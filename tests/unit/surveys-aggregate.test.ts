import { describe, expect, it } from 'vitest';
import { MIN_CELL, breakdown, gapRanking, surveyResults, type ResponseForReport } from '$lib/server/surveys/aggregate';
import { missingRequired, readAnswers, type Answers } from '$lib/server/surveys/answers';
import type { SurveyQuestion } from '$lib/server/surveys/schema';
import { sampleSurvey } from './surveys-fixtures';

const survey = sampleSurvey();
const labels = { other: 'Inne', merged: 'Pozostałe' };
const r = (answers: Answers, demo = false): ResponseForReport => ({ answers, demo });
const fields = (o: Record<string, string | string[]>) => (name: string) => {
	const v = o[name];
	return v === undefined ? [] : Array.isArray(v) ? v : [v];
};
const q = (id: string) => survey.questions.find((x) => x.id === id)!;

describe('reading answers from the form', () => {
	it('reads every type and drops the answer of a hidden question', () => {
		const { values, errors } = readAnswers(
			survey.questions,
			fields({
				'q:typ': 'powiat',
				'q:formy': ['a'],
				'q:waga:protokol': '5',
				'q:kolejnosc:y': '1',
				'q:kolejnosc:x': '2',
				'q:ile': '3,5',
				'q:krotko': '  Łódź  '
			})
		);
		expect(errors).toEqual({});
		expect(values.typ).toEqual({ choice: 'powiat' });
		expect(values.formy).toBeNull(); // shown only for "gmina"
		expect(values.waga).toEqual({ protokol: 5 });
		expect(values.kolejnosc).toEqual(['y', 'x']);
		expect(values.ile).toBe(3.5);
		expect(values.krotko).toBe('Łódź');
	});

	it('refuses unknown options, too many choices, a missing "other" text, duplicate places and out-of-range numbers', () => {
		const read = (o: Record<string, string | string[]>) => readAnswers(survey.questions, fields(o)).errors;
		expect(read({ 'q:typ': 'wojewodztwo' }).typ).toBe('invalid_option');
		expect(read({ 'q:typ': 'other' }).typ).toBe('other_text');
		expect(read({ 'q:typ': 'gmina', 'q:formy': ['a', 'b', 'c'] }).formy).toBe('too_many');
		expect(read({ 'q:kolejnosc:x': '1', 'q:kolejnosc:y': '1' }).kolejnosc).toBe('ranking_duplicate');
		expect(read({ 'q:kolejnosc:x': '2' }).kolejnosc).toBe('incomplete');
		expect(read({ 'q:ile': '11' }).ile).toBe('number_range');
		expect(read({ 'q:ile': '1e3' }).ile).toBe('number_invalid');
		// A count takes whole numbers only ("integer: true"); the fixture's own question allows 3,5.
		const count = survey.questions.map((q) => (q.id === 'ile' ? { ...q, integer: true } : q));
		expect(readAnswers(count, fields({ 'q:ile': '3,5' })).errors.ile).toBe('number_integer');
		expect(readAnswers(count, fields({ 'q:ile': '3' })).values.ile).toBe(3);
		expect(read({ 'q:waga:protokol': '6' }).waga).toBe('invalid_option');
	});

	it('requires shown required questions only, and complete grids and rankings', () => {
		const base = {
			typ: { choice: 'powiat' },
			waga: { protokol: 4, prawo: 3 },
			umie: { protokol: 2 },
			kolejnosc: ['x', 'y']
		};
		expect(missingRequired(survey.questions, base)).toEqual({ umie: 'incomplete' });
		expect(missingRequired(survey.questions, { ...base, typ: { choice: 'gmina' } })).toMatchObject({
			formy: 'required'
		});
	});
});

describe('aggregation', () => {
	const typ = q('typ') as Extract<SurveyQuestion, { type: 'single' }>;

	it('counts n and percentages of those who answered', () => {
		const responses = [
			r({ typ: { choice: 'gmina' }, formy: { choices: ['a', 'b'] } }),
			r({ typ: { choice: 'gmina' }, formy: { choices: ['a'] } }),
			r({ typ: { choice: 'powiat' } }),
			r({ typ: { choice: 'other', other: 'Związek' } })
		];
		const results = surveyResults(survey, responses, labels);
		const t = results.questions.find((x) => x.question.id === 'typ')!;
		expect(t.n).toBe(4);
		if (t.type !== 'single') throw new Error('type');
		expect(t.options.map((o) => [o.id, o.count, o.percent])).toEqual([
			['gmina', 2, 50],
			['powiat', 1, 25],
			['miasto', 0, 0],
			['other', 1, 25]
		]);
		expect(t.otherTexts).toEqual(['Związek']);
		const f = results.questions.find((x) => x.question.id === 'formy')!;
		if (f.type !== 'multiple') throw new Error('type');
		expect(f.n).toBe(2);
		expect(f.options[0]).toMatchObject({ id: 'a', count: 2, percent: 100 });
		expect(f.options[1]).toMatchObject({ id: 'b', count: 1, percent: 50 });
	});

	it(`shows a breakdown group only with at least ${MIN_CELL} answers, merges small ones, withholds the rest`, () => {
		const many = (choice: string, k: number) => Array.from({ length: k }, () => r({ typ: { choice } }));
		// gmina 6, powiat 5: both shown; miasto 3 + other 2 merged into 5.
		let b = breakdown(
			typ,
			typ,
			[...many('gmina', 6), ...many('powiat', 5), ...many('miasto', 3), ...many('other', 2)],
			labels
		);
		expect(b.withheld).toBe(false);
		expect(b.groups.map((g) => [g.label, g.n, g.merged])).toEqual([
			['Gmina', 6, false],
			['Powiat', 5, false],
			['Pozostałe', 5, true]
		]);
		expect(b.mergedLabels).toEqual(['Miasto', 'Inne']);
		expect(b.groups.every((g) => g.n >= MIN_CELL)).toBe(true);
		// miasto 4 alone: too small even merged, so hidden and counted.
		b = breakdown(typ, typ, [...many('gmina', 6), ...many('powiat', 5), ...many('miasto', 4)], labels);
		expect(b.groups.map((g) => g.label)).toEqual(['Gmina', 'Powiat']);
		expect(b.hiddenCount).toBe(4);
		// One group of 9 and one of 4: fewer than two groups can be shown, so nothing is.
		b = breakdown(typ, typ, [...many('gmina', 9), ...many('powiat', 4)], labels);
		expect(b.withheld).toBe(true);
		expect(b.groups).toEqual([]);
	});

	it('ranks the competence gap (importance minus competence) over paired answers', () => {
		const responses = [
			r({ waga: { protokol: 5, prawo: 3 }, umie: { protokol: 2, prawo: 3 } }),
			r({ waga: { protokol: 4, prawo: 4 }, umie: { protokol: 2, prawo: 3 } }),
			r({ waga: { protokol: 5 }, umie: { prawo: 1 } }) // no pair for either topic
		];
		const gaps = gapRanking(survey, responses);
		expect(gaps).toEqual([
			{ id: 'protokol', label: 'Protokół', n: 2, importance: 4.5, competence: 2, gap: 2.5 },
			{ id: 'prawo', label: 'Prawo', n: 2, importance: 3.5, competence: 3, gap: 0.5 }
		]);
	});

	it('ranking points: first place = pick, second = pick - 1', () => {
		const results = surveyResults(
			survey,
			[r({ kolejnosc: ['x', 'y'] }), r({ kolejnosc: ['y', 'z'] }), r({ kolejnosc: ['y', 'x'] })],
			labels
		);
		const k = results.questions.find((x) => x.question.id === 'kolejnosc')!;
		if (k.type !== 'ranking') throw new Error('type');
		expect(k.items.map((i) => [i.id, i.points, i.firstPlaces])).toEqual([
			['y', 5, 2],
			['x', 3, 1],
			['z', 1, 0]
		]);
	});
});

describe('recommendation rules', () => {
	const withGap = (protokolImportance: number, k: number) =>
		Array.from({ length: k }, () =>
			r({
				typ: { choice: 'powiat' },
				waga: { protokol: protokolImportance, prawo: 3 },
				umie: { protokol: 2, prawo: 3 }
			})
		);

	it('fires a gap rule above its threshold, with the evidence', () => {
		const fired = surveyResults(survey, withGap(4, 5), labels).recommendations;
		expect(fired.map((f) => f.rule.id)).toEqual(['r-protokol']);
		expect(fired[0].evidence).toEqual({ kind: 'gap', row: 'Protokół', value: 2, n: 5 });
	});

	it('does not fire at or below the threshold, nor on fewer than 5 answers', () => {
		expect(surveyResults(survey, withGap(3, 5), labels).recommendations).toEqual([]); // gap exactly 1.0
		expect(surveyResults(survey, withGap(5, 4), labels).recommendations).toEqual([]);
	});

	it('fires a share rule when more than the share chose the option', () => {
		const responses = [
			...Array.from({ length: 3 }, () => r({ typ: { choice: 'gmina' }, formy: { choices: ['a'] } })),
			...Array.from({ length: 2 }, () => r({ typ: { choice: 'gmina' }, formy: { choices: ['b'] } }))
		];
		const fired = surveyResults(survey, responses, labels).recommendations;
		expect(fired.map((f) => [f.rule.id, f.evidence])).toEqual([['r-formy', { kind: 'share', percent: 60, n: 5 }]]);
	});

	it('counts demo responses', () => {
		expect(surveyResults(survey, [r({}, true), r({})], labels).demoCount).toBe(1);
	});
});
