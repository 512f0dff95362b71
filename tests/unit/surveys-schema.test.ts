import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '$lib/server/content/catalogue';
import { readContentFiles } from '$lib/server/content/files-from-disk';
import { buildSurveys, courseIndexOf, SurveyContentError } from '$lib/server/surveys/catalogue';
import { readSurveyFiles } from '$lib/server/surveys/files-from-disk';

const courses = courseIndexOf(buildCatalogue(readContentFiles('lessons')).courses);

/** A minimal valid survey with one question of every type; tests change one thing at a time. */
const SAMPLE = `
title: Ankieta testowa
kind: diagnosis
intro: Wstęp.
breakdowns: [typ]
gap: { importance: waga, competence: umie }
sections:
  - id: a
    title: Część A
    intro: Opis części.
    questions:
      - id: typ
        type: single
        prompt: Typ
        other: true
        options: [{ id: gmina, text: Gmina }, { id: powiat, text: Powiat }]
      - id: formy
        type: multiple
        prompt: Formy
        max: 2
        show_if: { question: typ, equals: gmina }
        options: [{ id: a, text: A }, { id: b, text: B }, { id: c, text: C }]
      - id: waga
        type: likert
        prompt: Waga
        scale: [s1, s2, s3, s4, s5]
        rows: [{ id: protokol, text: Protokół }, { id: prawo, text: Prawo }]
      - id: umie
        type: likert
        prompt: Umiejętności
        scale: [s1, s2, s3, s4, s5]
        rows: [{ id: protokol, text: Protokół }, { id: prawo, text: Prawo }]
      - id: kolejnosc
        type: ranking
        prompt: Kolejność
        pick: 2
        items: [{ id: x, text: X }, { id: y, text: Y }, { id: z, text: Z }]
      - { id: ile, type: number, prompt: Ile, min: 0, max: 10, required: false }
      - { id: krotko, type: text, prompt: Krótko, required: false }
      - { id: dlugo, type: long_text, prompt: Długo, required: false, show_if: { question: formy, in: [a, b] } }
recommendations:
  - id: r1
    title: Protokół
    gap_above: { row: protokol, value: 1.0 }
    text: Zalecenie.
    links: [{ course: protokol-dyplomatyczny, modules: [precedencja-i-tytulatura] }]
  - id: r2
    title: Formy
    share_above: { question: formy, option: a, value: 50 }
    text: Zalecenie 2.
`;

function problemsOf(yaml: string): string[] {
	try {
		buildSurveys({ '/surveys/test.yaml': yaml }, courses);
		return [];
	} catch (e) {
		if (!(e instanceof SurveyContentError)) throw e;
		return e.problems;
	}
}

describe('survey files', () => {
	it('accepts every question type, sections, conditions, a gap and rules', () => {
		const [survey] = buildSurveys({ '/surveys/test.yaml': SAMPLE }, courses);
		expect(survey.slug).toBe('test');
		expect(survey.questions.map((q) => q.type)).toEqual([
			'single',
			'multiple',
			'likert',
			'likert',
			'ranking',
			'number',
			'text',
			'long_text'
		]);
		expect(survey.questions[0].required).toBe(true);
		expect(survey.questions[5].required).toBe(false);
		expect(survey.access).toBe('open');
		expect(survey.anonymous).toBe(true);
	});

	it('ships the real diagnosis survey and the evaluation survey, both valid', () => {
		const surveys = buildSurveys(readSurveyFiles('surveys'), courses);
		const diagnosis = surveys.find((s) => s.slug === 'diagnoza-wspolpracy-zagranicznej')!;
		expect(diagnosis.kind).toBe('diagnosis');
		expect(diagnosis.breakdowns).toEqual(['typ-jst', 'wojewodztwo']);
		expect(diagnosis.recommendations.length).toBeGreaterThan(3);
		expect(surveys.find((s) => s.slug === 'ocena-szkolenia')?.kind).toBe('evaluation');
		expect(readFileSync('surveys/diagnoza-wspolpracy-zagranicznej.yaml', 'utf8')).toContain('art. 172 ust. 2');
	});

	const cases: [string, (y: string) => string, RegExp][] = [
		['an unknown question type', (y) => y.replace('type: ranking', 'type: slider'), /questions\.4\.type/],
		[
			'a condition on a later question',
			(y) => y.replace('question: typ, equals', 'question: dlugo, equals'),
			/"dlugo" is not an earlier question/
		],
		[
			'a condition on a missing option',
			(y) => y.replace('equals: gmina', 'equals: miasto'),
			/"miasto" is not an option of "typ"/
		],
		[
			'a condition on a non-choice question',
			(y) => y.replace('question: formy, in', 'question: ile, in'),
			/"ile" is not an earlier question|not a single or multiple/
		],
		['a duplicate question id', (y) => y.replace('id: krotko', 'id: ile'), /duplicate question id "ile"/],
		[
			'a duplicate option id',
			(y) => y.replace('{ id: powiat, text: Powiat }', '{ id: gmina, text: Powiat }'),
			/duplicate option id "gmina"/
		],
		[
			'a scale without 5 labels',
			(y) => y.replace('scale: [s1, s2, s3, s4, s5]', 'scale: [s1, s2, s3]'),
			/exactly 5 labels/
		],
		[
			'gap grids with different rows',
			(y) =>
				y.replace(
					'rows: [{ id: protokol, text: Protokół }, { id: prawo, text: Prawo }]\n      - id: kolejnosc',
					'rows: [{ id: protokol, text: Protokół }]\n      - id: kolejnosc'
				),
			/same rows/
		],
		['a rule on an unknown gap row', (y) => y.replace('row: protokol', 'row: flagi'), /"flagi" is not a row/],
		[
			'a rule linking an unknown course',
			(y) => y.replace('course: protokol-dyplomatyczny', 'course: brak-kursu'),
			/unknown course "brak-kursu"/
		],
		[
			'a rule linking an unknown module',
			(y) => y.replace('modules: [precedencja-i-tytulatura]', 'modules: [nie-ma]'),
			/unknown module "nie-ma"/
		],
		[
			'a rule without a condition',
			(y) => y.replace('    gap_above: { row: protokol, value: 1.0 }\n', ''),
			/needs gap_above or share_above/
		],
		[
			'a breakdown by a text question',
			(y) => y.replace('breakdowns: [typ]', 'breakdowns: [krotko]'),
			/not a single choice/
		],
		['a missing title', (y) => y.replace('title: Ankieta testowa\n', ''), /title/],
		['an unknown field', (y) => y.replace('kind: diagnosis', 'kind: diagnosis\ncolour: red'), /Unrecognized key/]
	];
	it.each(cases)('refuses %s with the file and field named', (_, change, message) => {
		const problems = problemsOf(change(SAMPLE));
		expect(problems.length).toBeGreaterThan(0);
		expect(problems.join('\n')).toMatch(message);
		expect(problems[0]).toMatch(/^\/surveys\/test\.yaml: /);
	});

	it('refuses YAML that does not parse and a file name that is not a slug', () => {
		expect(problemsOf('title: [')[0]).toMatch(/YAML does not parse/);
		expect(() => buildSurveys({ '/surveys/Zła Nazwa.yaml': SAMPLE })).toThrow(/lowercase slug/);
		expect(() => buildSurveys({ '/surveys/x.yml': SAMPLE })).toThrow(/surveys\/<slug>\.yaml/);
	});
});
