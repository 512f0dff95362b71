// A small survey for the survey tests (every question type, a condition, a gap, two rules).
import { buildCatalogue } from '$lib/server/content/catalogue';
import { readContentFiles } from '$lib/server/content/files-from-disk';
import { buildSurveys, courseIndexOf, type Survey } from '$lib/server/surveys/catalogue';

export const SAMPLE_YAML = `
title: Ankieta testowa
kind: diagnosis
intro: Wstęp.
breakdowns: [typ]
gap: { importance: waga, competence: umie }
sections:
  - id: a
    title: Część A
    questions:
      - id: typ
        type: single
        prompt: Typ
        other: true
        options: [{ id: gmina, text: Gmina }, { id: powiat, text: Powiat }, { id: miasto, text: Miasto }]
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
recommendations:
  - id: r-protokol
    title: Protokół
    gap_above: { row: protokol, value: 1.0 }
    text: Zalecenie protokół.
    links: [{ course: protokol-dyplomatyczny, modules: [precedencja-i-tytulatura] }]
  - id: r-formy
    title: Formy
    share_above: { question: formy, option: a, value: 50 }
    text: Zalecenie formy.
`;

export function sampleSurvey(yaml = SAMPLE_YAML): Survey {
	const courses = courseIndexOf(buildCatalogue(readContentFiles('lessons')).courses);
	return buildSurveys({ '/surveys/test.yaml': yaml }, courses)[0];
}
