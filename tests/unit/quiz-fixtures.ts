// A small sequential course with two module quizzes, built through the real catalogue code.
import { buildCatalogue } from '$lib/server/content/catalogue';

const course = `---
title: Kurs testowy
summary: Do testów.
hours: 1
sequential: true
certificate:
  wording_pl: potwierdza ukończenie kursu
---
Wstęp.
`;

const quiz = (settings: string) =>
	`${settings}
questions:
  - id: QID-single
    type: single
    prompt: Które?
    explanation: WYJASNIENIE-single
    options:
      - id: a
        text: Dobra
        correct: true
      - id: b
        text: Zła
        feedback: FEEDBACK-single-b
  - id: QID-tf
    type: truefalse
    prompt: Prawda?
    answer: false
    explanation: WYJASNIENIE-tf
    feedback_wrong: FEEDBACK-tf
  - id: QID-ordering
    type: ordering
    prompt: Ułóż.
    explanation: WYJASNIENIE-ordering
    items:
      - id: first
        text: Pierwszy
      - id: second
        text: Drugi
      - id: third
        text: Trzeci
  - id: QID-matching
    type: matching
    prompt: Dopasuj.
    explanation: WYJASNIENIE-matching
    pairs:
      - id: x
        left: Lewy X
        right: Prawy X
        feedback: FEEDBACK-pair-x
      - id: y
        left: Lewy Y
        right: Prawy Y
`.replace(/QID/g, settings.includes('#second') ? 'two' : 'one');

export function fixtureCourse(settings = 'pass_mark: 75') {
	const { courses } = buildCatalogue({
		'/lessons/kurs/course.md': course,
		'/lessons/kurs/01-pierwszy/module.md': '---\ntitle: Pierwszy\n---\n',
		'/lessons/kurs/01-pierwszy/quiz.yaml': quiz(settings),
		'/lessons/kurs/02-drugi/module.md': '---\ntitle: Drugi\n---\n',
		'/lessons/kurs/02-drugi/quiz.yaml': quiz('#second\npass_mark: 50')
	});
	const c = courses[0];
	return { course: c, quiz: c.modules[0].quiz!, second: c.modules[1].quiz! };
}

/** Answers that score full marks, in the stored shape. */
export const RIGHT = {
	'one-single': 'a',
	'one-tf': false,
	'one-ordering': ['first', 'second', 'third'],
	'one-matching': { x: 'x', y: 'y' }
} as const;
