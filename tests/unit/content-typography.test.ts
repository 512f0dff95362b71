// Polish typography (a no-break space after one-letter words) is applied the same way everywhere a reader sees
// content text: markdown, lesson component props and children, quiz texts and the glossary.
import fc from 'fast-check';
import { compile } from 'mdsvex';
import { preprocess } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { bindSingleLetterWords } from '../../src/lib/typography.js';
import { lessonTypographyPreprocess, polishTypography } from '../../src/lib/lesson/preprocess.js';
import { getCatalogue, getContentSource } from '$lib/server/content';
import { buildCatalogue } from '$lib/server/content/catalogue';
import { collectGlossary } from '$lib/server/lessons/glossary';

const NBSP = '\u00a0';
/** Shows the no-break spaces, so a failure is readable. */
const visible = (text: string) => text.replaceAll(NBSP, '⍽');
const bind = (text: string) => visible(bindSingleLetterWords(text));

describe('bindSingleLetterWords', () => {
	it('binds a one-letter word to the next word', () => {
		expect(bind('Spotkanie w domu')).toBe('Spotkanie w⍽domu');
		expect(bind('i tak dalej')).toBe('i⍽tak dalej');
		expect(bind('Z okazji święta')).toBe('Z⍽okazji święta');
		expect(bind('wizyta (w ratuszu) i „a potem”')).toBe('wizyta (w⍽ratuszu) i⍽„a⍽potem”');
		expect(bind('Pani a Pan o tym u nas')).toBe('Pani a⍽Pan o⍽tym u⍽nas');
	});

	it('binds a run of one-letter words in one call', () => {
		expect(bind('a i w domu')).toBe('a⍽i⍽w⍽domu');
		expect(bind('z ulicy i z okna')).toBe('z⍽ulicy i⍽z⍽okna');
	});

	it('joins a letter at the end of a line to the next line, but never across a blank line', () => {
		expect(bind('spotkanie w\nratuszu')).toBe('spotkanie w⍽ratuszu');
		expect(bind('spotkanie w\r\nratuszu')).toBe('spotkanie w⍽ratuszu');
		expect(bind('Plan A\n\nDrugi akapit')).toBe('Plan A\n\nDrugi akapit');
		expect(bind('na końcu jest w')).toBe('na końcu jest w');
		expect(bind('na końcu jest w\n')).toBe('na końcu jest w\n');
	});

	it('binds a letter at the end of a piece of text to the inline element that follows it (**bold**, a link)', () => {
		expect(visible(bindSingleLetterWords('Tekst w ', true))).toBe('Tekst w⍽');
		expect(visible(bindSingleLetterWords('Tekst w ', false))).toBe('Tekst w ');
		expect(visible(bindSingleLetterWords('Tekst w\n\n', true))).toBe('Tekst w\n\n');
	});

	it('does not touch URLs, ids, paths or letters inside words', () => {
		for (const text of [
			'https://www.msz.gov.pl/a/w z',
			'/courses/protokol-dyplomatyczny/quiz/final',
			'/lesson-media/a b.svg',
			'b1-podstawa-uchwaly',
			'id: a',
			'wizyta',
			'Ala ma kota',
			'art. 7 ust. 1 pkt 20'
		])
			expect(bind(text)).toBe(text);
	});

	it('only ever turns whitespace into a no-break space, and a second pass changes nothing', () => {
		const text = fc.stringMatching(/^[aiwzAIWZbc \n(„.-]{0,30}$/);
		fc.assert(
			fc.property(text, fc.boolean(), (input, wordFollows) => {
				const output = bindSingleLetterWords(input, wordFollows);
				expect(output.replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
				expect(output.length).toBeLessThanOrEqual(input.length);
				expect(bindSingleLetterWords(output, wordFollows)).toBe(output);
			})
		);
	});
});

/** mdsvex and the lesson preprocessors as svelte.config.js runs them. */
async function compileLesson(markdown: string) {
	const md = await compile(markdown, { remarkPlugins: [polishTypography], smartypants: false });
	const out = await preprocess(md!.code, [lessonTypographyPreprocess()], { filename: 'lekcja.md' });
	return visible(out.code);
}

describe('lessons', () => {
	it('typesets markdown and the text props and children of lesson components', async () => {
		const code = await compileLesson(
			[
				'Tekst w domu i <Term def="sieć zobowiązań w Chinach">guanxi</Term> też.',
				'',
				'<Callout type="tip" title="Rada w skrócie">',
				'',
				'Akapit w środku.',
				'',
				'</Callout>',
				'',
				'<Scenario title="Scena w ratuszu">',
				'',
				'<Choice label="Biorę ją i chowam." best>Gość może to odczytać w ten sposób.</Choice>',
				'',
				'</Scenario>',
				'',
				'<DoDont dos={["W Korei nalewaj oburącz.", "Czytaj i odkładaj."]} donts={["Nie pisz w obecności gościa."]} />',
				'',
				'<Figure src="/lesson-media/kurs/a b.svg" alt="Dwa maszty w słońcu" caption="Widok z ulicy" />',
				'',
				'Kod `w domu` zostaje.',
				'',
				'<Source>Ustawa z dnia 8 marca 1990 r. o samorządzie gminnym.</Source>'
			].join('\n')
		);
		for (const typeset of [
			'Tekst w⍽domu i⍽<Term',
			'def="sieć zobowiązań w⍽Chinach"',
			'title="Rada w⍽skrócie"',
			'Akapit w⍽środku.',
			'title="Scena w⍽ratuszu"',
			'label="Biorę ją i⍽chowam."',
			'>Gość może to odczytać w⍽ten sposób.</Choice>',
			'"W⍽Korei nalewaj oburącz."',
			'"Czytaj i⍽odkładaj."',
			'"Nie pisz w⍽obecności gościa."',
			'alt="Dwa maszty w⍽słońcu"',
			'caption="Widok z⍽ulicy"',
			'Ustawa z⍽dnia 8 marca 1990 r. o⍽samorządzie gminnym.'
		])
			expect(code).toContain(typeset);
		expect(code).toContain('src="/lesson-media/kurs/a b.svg"');
		expect(code).toContain('<code>w domu</code>');
	});
});

const QUIZ = `questions:
  - id: pytanie-w-domu
    type: single
    lesson: pierwsza
    prompt: Co robisz w domu?
    explanation: Tak i już.
    options:
      - id: a
        text: Czytam w fotelu
        correct: true
      - id: b
        text: Śpię
        feedback: Nie w dzień.
  - id: para
    type: matching
    prompt: Dopasuj.
    explanation: Bo tak.
    pairs:
      - id: a
        left: z lewej
        right: w prawo
      - id: b
        left: u góry
        right: o dół
`;

describe('quizzes and the glossary', () => {
	const files = {
		'/lessons/kurs/course.md': `---\ntitle: Kurs i test\nsummary: Kurs.\nhours: 1\ncertificate:\n  wording_pl: potwierdza ukończenie\n---\n`,
		'/lessons/kurs/01-start/module.md': `---\ntitle: Start i koniec\nobjectives:\n  - Zrobisz to w domu.\n---\n`,
		'/lessons/kurs/01-start/01-pierwsza.md': `---\ntitle: Pierwsza i ostatnia\nminutes: 5\nobjectives:\n  - Ustawisz flagi w kolejności.\n---\n\nTo <Term def="sieć zobowiązań w Chinach">z okazji</Term>.\n`,
		'/lessons/kurs/01-start/quiz.yaml': QUIZ
	};
	const course = buildCatalogue(files).courses[0];

	it('typesets what the learner reads and keeps ids, slugs and keys as written', () => {
		const [single, matching] = course.quizzes[0].questions;
		if (single.type !== 'single' || matching.type !== 'matching') throw new Error('fixture order');
		expect(visible(single.prompt)).toBe('Co robisz w⍽domu?');
		expect(visible(single.explanation)).toBe('Tak i⍽już.');
		expect(single.options.map((o) => visible(o.text))).toEqual(['Czytam w⍽fotelu', 'Śpię']);
		expect(visible(single.options[1].feedback!)).toBe('Nie w⍽dzień.');
		expect(single.options.map((o) => [o.id, o.correct])).toEqual([
			['a', true],
			['b', false]
		]);
		expect(single.id).toBe('pytanie-w-domu');
		expect(single.lesson).toBe('pierwsza');
		expect(matching.pairs.map((p) => [p.id, visible(p.left), visible(p.right)])).toEqual([
			['a', 'z⍽lewej', 'w⍽prawo'],
			['b', 'u⍽góry', 'o⍽dół']
		]);
		// Module, lesson and quiz titles and objectives are typeset; the course title is printed on certificates and
		// stays exactly as written.
		expect(visible(course.modules[0].title)).toBe('Start i⍽koniec');
		expect(course.modules[0].objectives.map(visible)).toEqual(['Zrobisz to w⍽domu.']);
		expect(visible(course.lessons[0].title)).toBe('Pierwsza i⍽ostatnia');
		expect(course.lessons[0].objectives.map(visible)).toEqual(['Ustawisz flagi w⍽kolejności.']);
		expect(visible(course.quizzes[0].title)).toBe('Start i⍽koniec');
		expect(course.title).toBe('Kurs i test');
	});

	it('typesets glossary terms and definitions as the lesson shows them', () => {
		const [entry] = collectGlossary(course, (path) => files[path as keyof typeof files]);
		expect([visible(entry.term), visible(entry.definition)]).toEqual(['z⍽okazji', 'sieć zobowiązań w⍽Chinach']);
	});

	it('leaves no plain space after a one-letter word in any real quiz text or glossary entry', () => {
		const loose: string[] = [];
		for (const c of getCatalogue().courses) {
			for (const question of c.quizzes.flatMap((q) => q.questions)) {
				const texts = JSON.stringify(question);
				if (bindSingleLetterWords(texts) !== texts) loose.push(question.id);
			}
			for (const entry of collectGlossary(c, getContentSource))
				if (bindSingleLetterWords(entry.definition) !== entry.definition) loose.push(entry.term);
		}
		expect(loose).toEqual([]);
	});
});
