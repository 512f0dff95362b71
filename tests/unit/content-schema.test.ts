// The one content schema: good fixtures build a catalogue; each kind of mistake fails naming the file and field.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, ContentError, type ContentFiles } from '$lib/server/content/catalogue';
import { readContentFiles } from '$lib/server/content/files-from-disk';

const COURSE = `---
title: Kurs próbny
summary: Krótki kurs do testów.
hours: 2
sequential: true
certificate:
  wording_pl: potwierdza ukończenie kursu e-learningowego
---
Wstęp do kursu.
`;
const MODULE = (title: string) => `---\ntitle: ${title}\nobjectives:\n  - Cel modułu.\n---\n`;
const LESSON = (title: string, body = 'Treść lekcji.') =>
	`---\ntitle: ${title}\nminutes: 7\nobjectives:\n  - Cel lekcji.\n---\n\n## Pierwsza część\n\n${body}\n`;
const QUIZ = `pass_mark: 70
questions:
  - id: pytanie-1
    type: truefalse
    lesson: pierwsza
    prompt: Czy to prawda?
    answer: true
    explanation: Tak, bo tak.
`;

function goodFiles(): ContentFiles {
	return {
		'/lessons/kurs/course.md': COURSE,
		'/lessons/kurs/01-start/module.md': MODULE('Start'),
		'/lessons/kurs/01-start/01-pierwsza.md': LESSON(
			'Pierwsza',
			'<Callout type="tip">\n\nRada.\n\n</Callout>\n\nZobacz [drugą lekcję](/courses/kurs/druga).'
		),
		'/lessons/kurs/01-start/quiz.yaml': QUIZ,
		'/lessons/kurs/02-dalej/module.md': MODULE('Dalej'),
		'/lessons/kurs/02-dalej/01-druga.md': LESSON(
			'Druga',
			'<Term def="definicja">termin</Term> i <Figure src="/lesson-media/kurs/a.svg" alt="Opis obrazka" />\n\n[Test](/courses/kurs/quiz/start)'
		)
	};
}

/** The problems reported for a set of files (an empty list if it is valid). */
function problemsOf(files: ContentFiles): string[] {
	try {
		buildCatalogue(files);
		return [];
	} catch (e) {
		if (e instanceof ContentError) return e.problems;
		throw e;
	}
}

describe('content schema', () => {
	it('builds a valid course with modules, lessons in order, quizzes and slugs from file names', () => {
		const { courses } = buildCatalogue(goodFiles());
		expect(courses).toHaveLength(1);
		const [course] = courses;
		expect(course.slug).toBe('kurs');
		expect(course.sequential).toBe(true);
		expect(course.modules.map((m) => m.slug)).toEqual(['start', 'dalej']);
		expect(course.lessons.map((l) => [l.slug, l.index, l.moduleSlug])).toEqual([
			['pierwsza', 0, 'start'],
			['druga', 1, 'dalej']
		]);
		expect(course.modules[0].quiz?.slug).toBe('start');
		expect(course.titleEn).toBe('Kurs próbny');
	});

	it('a missing field names the file and the field', () => {
		const files = goodFiles();
		files['/lessons/kurs/01-start/01-pierwsza.md'] = `---\ntitle: Pierwsza\n---\n\nTreść.\n`;
		const problems = problemsOf(files);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^\/lessons\/kurs\/01-start\/01-pierwsza\.md: minutes: /);
	});

	it('a missing course field names course.md and the field', () => {
		const files = goodFiles();
		files['/lessons/kurs/course.md'] = COURSE.replace('hours: 2\n', '');
		// The invalid course is left out, so links into it are reported too; the first problem is the cause.
		expect(problemsOf(files)[0]).toMatch(/^\/lessons\/kurs\/course\.md: hours: /);
	});

	it('a missing quiz field names the quiz file, the question and the field', () => {
		const files = goodFiles();
		files['/lessons/kurs/01-start/quiz.yaml'] = QUIZ.replace('    explanation: Tak, bo tak.\n', '');
		expect(problemsOf(files)[0]).toMatch(
			/^\/lessons\/kurs\/01-start\/quiz\.yaml: questions\.0\.explanation \(question pytanie-1\): /
		);
	});

	// Each broken quiz is the good quiz plus one bad question; the message names the file and the question.
	const withQuestion = (question: string) => `${QUIZ}${question}`;
	const quizProblems = (question: string) => {
		const files = goodFiles();
		files['/lessons/kurs/01-start/quiz.yaml'] = withQuestion(question);
		return problemsOf(files);
	};

	it('an ordering with one item names the file and the question', () => {
		const problems = quizProblems(`  - id: kolejnosc
    type: ordering
    prompt: Ułóż.
    explanation: Bo tak.
    items:
      - { id: a, text: Jedyny }
`);
		expect(problems[0]).toMatch(/^\/lessons\/kurs\/01-start\/quiz\.yaml: .*\(question kolejnosc\)/);
	});

	it('a judgement score outside 0..1 names the file and the question', () => {
		const problems = quizProblems(`  - id: ocena
    type: judgement
    prompt: Co robisz?
    explanation: Bo tak.
    options:
      - { id: a, text: Dobrze, score: 1.5, feedback: Za dużo. }
      - { id: b, text: Źle, score: 0, feedback: Nie. }
`);
		expect(problems[0]).toMatch(/^\/lessons\/kurs\/01-start\/quiz\.yaml: .*score \(question ocena\): .*<=1/);
	});

	it('duplicate question ids and duplicate option ids are refused, naming the file and the id', () => {
		const duplicateQuestion = quizProblems(`  - id: pytanie-1
    type: truefalse
    prompt: Znowu?
    answer: false
    explanation: Nie.
`);
		expect(duplicateQuestion.join('\n')).toMatch(/quiz\.yaml: questions \(question pytanie-1\): duplicate question id/);
		const duplicateOption = quizProblems(`  - id: wybor
    type: single
    prompt: Które?
    explanation: Bo tak.
    options:
      - { id: a, text: Pierwsze, correct: true }
      - { id: a, text: Drugie, correct: false }
`);
		expect(duplicateOption.join('\n')).toMatch(/quiz\.yaml: .*\(question wybor\): duplicate option id "a"/);
	});

	it('a duplicate lesson slug names both files', () => {
		const files = goodFiles();
		files['/lessons/kurs/02-dalej/02-pierwsza.md'] = LESSON('Znowu pierwsza');
		const problems = problemsOf(files);
		expect(problems).toEqual([
			'/lessons/kurs/02-dalej/02-pierwsza.md: duplicate lesson slug "pierwsza" (also /lessons/kurs/01-start/01-pierwsza.md)'
		]);
	});

	it('a duplicate module slug is named', () => {
		const files = goodFiles();
		files['/lessons/kurs/03-start/module.md'] = MODULE('Jeszcze raz start');
		files['/lessons/kurs/03-start/01-trzecia.md'] = LESSON('Trzecia');
		expect(problemsOf(files)).toEqual(['/lessons/kurs: duplicate module slug "start"']);
	});

	it('an unknown component names the file, the body and the component', () => {
		const files = goodFiles();
		files['/lessons/kurs/01-start/01-pierwsza.md'] = LESSON('Pierwsza', '<Quiz id="x" />');
		expect(problemsOf(files)).toEqual(['/lessons/kurs/01-start/01-pierwsza.md: body: unknown component <Quiz>']);
	});

	it('a callout of an unknown type and a figure outside /lesson-media/ are refused', () => {
		const files = goodFiles();
		files['/lessons/kurs/01-start/01-pierwsza.md'] = LESSON(
			'Pierwsza',
			'<Callout type="info">\n\nRada.\n\n</Callout>\n\n<Figure src="https://example.com/a.png" alt="Obrazek" />'
		);
		expect(problemsOf(files)).toEqual([
			'/lessons/kurs/01-start/01-pierwsza.md: body: <Figure src="https://example.com/a.png"> must point into /lesson-media/',
			'/lessons/kurs/01-start/01-pierwsza.md: body: <Callout type="info"> is not one of tip, warning, law'
		]);
	});

	it('every picture a real lesson shows exists under static/', () => {
		const missing: string[] = [];
		const files = readContentFiles(fileURLToPath(new URL('../../lessons', import.meta.url)));
		let figures = 0;
		for (const [path, source] of Object.entries(files))
			for (const [, src] of source.matchAll(/<Figure\b[^>]*\bsrc="([^"]+)"/g)) {
				figures++;
				if (!existsSync(fileURLToPath(new URL(`../../static${src}`, import.meta.url)))) missing.push(`${path}: ${src}`);
			}
		expect(figures).toBeGreaterThan(5);
		expect(missing).toEqual([]);
	});

	it('a figure without alt text is refused', () => {
		const files = goodFiles();
		files['/lessons/kurs/01-start/01-pierwsza.md'] = LESSON('Pierwsza', '<Figure src="/lesson-media/kurs/a.svg" />');
		expect(problemsOf(files)).toEqual(['/lessons/kurs/01-start/01-pierwsza.md: body: <Figure> without alt text']);
	});

	it('a broken internal link names the file and the link, for lessons and quizzes', () => {
		const files = goodFiles();
		files['/lessons/kurs/02-dalej/01-druga.md'] = LESSON(
			'Druga',
			'[Nie ma](/courses/kurs/nie-ma-takiej) i [quiz](/courses/kurs/quiz/dalej) i <a href="/courses/inny-kurs">kurs</a>'
		);
		expect(problemsOf(files)).toEqual([
			'/lessons/kurs/02-dalej/01-druga.md: body: broken internal link /courses/kurs/nie-ma-takiej',
			'/lessons/kurs/02-dalej/01-druga.md: body: broken internal link /courses/kurs/quiz/dalej',
			'/lessons/kurs/02-dalej/01-druga.md: body: broken internal link /courses/inny-kurs'
		]);
	});

	it('a question about an unknown lesson is named', () => {
		const files = goodFiles();
		files['/lessons/kurs/01-start/quiz.yaml'] = QUIZ.replace('lesson: pierwsza', 'lesson: nieznana');
		expect(problemsOf(files)).toEqual([
			'/lessons/kurs/01-start/quiz.yaml: questions (question pytanie-1).lesson: no lesson "nieznana" in this course'
		]);
	});

	it('reserved lesson slugs (they are routes) are refused', () => {
		const files = goodFiles();
		files['/lessons/kurs/02-dalej/02-glossary.md'] = LESSON('Słowniczek');
		files['/lessons/kurs/02-dalej/03-quiz.md'] = LESSON('Quiz');
		const problems = problemsOf(files);
		expect(problems).toContain(
			'/lessons/kurs/02-dalej/02-glossary.md: "glossary" is reserved and cannot be a lesson slug'
		);
		expect(problems).toContain('/lessons/kurs/02-dalej/03-quiz.md: "quiz" is reserved and cannot be a lesson slug');
	});

	it('reports every problem at once, not only the first', () => {
		const files = goodFiles();
		files['/lessons/kurs/01-start/01-pierwsza.md'] = LESSON('Pierwsza', '<Widget />');
		files['/lessons/kurs/02-dalej/module.md'] = `---\nobjectives: []\n---\n`;
		const problems = problemsOf(files);
		expect(problems).toContain('/lessons/kurs/01-start/01-pierwsza.md: body: unknown component <Widget>');
		expect(problems.some((p) => p.startsWith('/lessons/kurs/02-dalej/module.md: title: '))).toBe(true);
	});

	it('the real lessons/ folder passes', () => {
		const files = readContentFiles(fileURLToPath(new URL('../../lessons', import.meta.url)));
		const { courses } = buildCatalogue(files);
		const bySlug = Object.fromEntries(courses.map((c) => [c.slug, c]));
		expect(Object.keys(bySlug).sort()).toEqual([
			'dyplomacja-ekonomiczna',
			'kompetencje-miedzykulturowe',
			'protokol-dyplomatyczny'
		]);
		expect(bySlug['dyplomacja-ekonomiczna'].lessons).toHaveLength(3);
		expect(bySlug['dyplomacja-ekonomiczna'].sequential).toBe(false);
		expect(bySlug['protokol-dyplomatyczny'].modules).toHaveLength(6);
		expect(bySlug['kompetencje-miedzykulturowe'].sequential).toBe(true);
	});
});
