// The one way the E2E specs answer a quiz correctly: the key is read from the quiz's own yaml file in the test
// process (never hard-coded, never taken from the page), and given through the page's controls as a learner would.
import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { typesetQuestion } from '../../src/lib/server/content/catalogue';

type Option = { id: string; text: string; correct?: boolean; score?: number };
export type QuizQuestion =
	| { id: string; type: 'single' | 'multiple' | 'judgement'; prompt: string; options: Option[] }
	| { id: string; type: 'truefalse'; prompt: string; answer: boolean }
	| { id: string; type: 'ordering'; prompt: string; items: { id: string; text: string }[] }
	| { id: string; type: 'matching'; prompt: string; pairs: { id: string; left: string; right: string }[] };
export type QuizFile = { title: string; draw: number; questions: QuizQuestion[] };

/** The folder of a course's module by its number (1 = the folder starting "01-"). */
export function moduleDir(course: string, number = 1): string {
	const prefix = `${String(number).padStart(2, '0')}-`;
	const dir = readdirSync(join('lessons', course)).find((name) => name.startsWith(prefix));
	if (!dir) throw new Error(`no module ${number} in lessons/${course}`);
	return join('lessons', course, dir);
}

/** A module's quiz as its author wrote it, its texts typeset as the page shows them (no-break spaces). */
export function readQuiz(course: string, module = 1): QuizFile {
	const quiz = parse(readFileSync(join(moduleDir(course, module), 'quiz.yaml'), 'utf8')) as QuizFile;
	return { ...quiz, questions: quiz.questions.map(typesetQuestion) };
}

/** The YAML front matter of a content file (course.md, module.md, a lesson). */
export function frontMatter(path: string): Record<string, unknown> {
	const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'));
	if (!match) throw new Error(`no front matter in ${path}`);
	return parse(match[1]) as Record<string, unknown>;
}

/** The answer that earns the full point, in the words the page shows. */
export type CorrectAnswer =
	| { kind: 'radio'; label: string }
	| { kind: 'checkboxes'; checked: string[]; unchecked: string[] }
	| { kind: 'positions'; items: string[] }
	| { kind: 'matches'; pairs: [left: string, right: string][] };

export function correctAnswer(question: QuizQuestion): CorrectAnswer {
	switch (question.type) {
		case 'single':
			return {
				kind: 'radio',
				label: only(
					question.options.filter((o) => o.correct === true),
					question.id
				).text
			};
		case 'judgement':
			return {
				kind: 'radio',
				label: first(
					question.options.filter((o) => o.score === 1),
					question.id
				).text
			};
		case 'truefalse':
			return { kind: 'radio', label: question.answer ? 'Prawda' : 'Fałsz' };
		case 'multiple':
			return {
				kind: 'checkboxes',
				checked: question.options.filter((o) => o.correct === true).map((o) => o.text),
				unchecked: question.options.filter((o) => o.correct !== true).map((o) => o.text)
			};
		case 'ordering':
			// Items are listed in the right order in the file.
			return { kind: 'positions', items: question.items.map((i) => i.text) };
		case 'matching':
			return { kind: 'matches', pairs: question.pairs.map((p) => [p.left, p.right]) };
	}
}

function only<T>(list: T[], id: string): T {
	if (list.length !== 1) throw new Error(`${id}: expected one correct option, found ${list.length}`);
	return list[0];
}
function first<T>(list: T[], id: string): T {
	if (list.length === 0) throw new Error(`${id}: no option scores 1`);
	return list[0];
}

/** The question's fieldset, found by its prompt (the quiz shuffles questions, so never by position). */
export function questionGroup(page: Page, question: QuizQuestion) {
	const firstParagraph = question.prompt
		.split(/\n\s*\n/)[0]
		.replace(/\s+/g, ' ')
		.trim();
	return page.getByRole('group', { name: firstParagraph });
}

/** Runs a change that the page autosaves, and waits until the server has accepted it. */
async function autosaved(page: Page, change: () => Promise<void>) {
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/answer')),
		change()
	]);
	expect(response.status(), `autosave of ${response.url()}`).toBe(200);
}

/** Answers every question of an open attempt correctly (with JavaScript: each change is autosaved). */
export async function answerQuizCorrectly(page: Page, quiz: QuizFile) {
	await expect(page.getByRole('group')).toHaveCount(quiz.draw || quiz.questions.length);
	for (const question of quiz.questions) {
		const group = questionGroup(page, question);
		if (quiz.draw && (await group.count()) === 0) continue; // not drawn for this attempt
		const answer = correctAnswer(question);
		switch (answer.kind) {
			case 'radio':
				await autosaved(page, () => group.getByRole('radio', { name: answer.label, exact: true }).check());
				break;
			case 'checkboxes':
				for (const label of answer.checked)
					await autosaved(page, () => group.getByRole('checkbox', { name: label, exact: true }).check());
				for (const label of answer.unchecked)
					await expect(group.getByRole('checkbox', { name: label, exact: true })).not.toBeChecked();
				break;
			case 'positions':
				// The page saves an ordering only once every item has a position: the last select sends it.
				for (const [i, label] of answer.items.entries()) {
					const select = () => group.getByLabel(label, { exact: true }).selectOption({ label: `pozycja ${i + 1}` });
					if (i < answer.items.length - 1) await select();
					else await autosaved(page, async () => void (await select()));
				}
				break;
			case 'matches':
				for (const [left, right] of answer.pairs)
					await autosaved(
						page,
						async () => void (await group.getByLabel(left, { exact: true }).selectOption({ label: right }))
					);
				break;
		}
	}
}
