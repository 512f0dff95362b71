// Issue 6: a learner completes the first module of each full course end to end, through the real UI only.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible, gotoReady, newLearner } from './helpers';
import { answerQuizCorrectly, frontMatter, moduleDir, readQuiz } from './quiz-answers';
import { creditCurrentLesson } from './server-levers';

const COURSES = ['kompetencje-miedzykulturowe', 'protokol-dyplomatyczny'];

/** Titles as the author wrote them, so the spec follows the content instead of copying it. */
function courseContent(slug: string) {
	const titleOf = (path: string) => String(frontMatter(path).title);
	const lessonsOf = (number: number) => {
		const dir = moduleDir(slug, number);
		return readdirSync(dir)
			.filter((name) => /^\d\d-.+\.md$/.test(name))
			.sort()
			.map((name) => titleOf(join(dir, name)));
	};
	return {
		title: titleOf(join('lessons', slug, 'course.md')),
		modules: [1, 2].map((number) => ({
			title: titleOf(join(moduleDir(slug, number), 'module.md')),
			lessons: lessonsOf(number)
		})),
		quiz: readQuiz(slug, 1)
	};
}

/** A module's card on the course page: the list item holding its "Moduł N" heading. */
const moduleCard = (page: Page, number: number) =>
	page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^Moduł ${number}(?!\\d)`) }) });

for (const slug of COURSES) {
	test(`a fresh learner completes module 1 of ${slug}: lessons, quiz, module 2 unlocked`, async ({ browser }) => {
		test.setTimeout(240_000);
		const content = courseContent(slug);
		const [first, second] = content.modules;
		expect(first.lessons.length).toBeGreaterThan(0);
		const { page, email } = await newLearner(browser);

		// The course page before anything: module 2 locked behind module 1's quiz (sequential course).
		await gotoReady(page, `/courses/${slug}`);
		await expect(page.getByRole('heading', { level: 1, name: content.title })).toBeVisible();
		await expect(moduleCard(page, 2)).toContainText(
			`zablokowany: najpierw trzeba zaliczyć test modułu „${first.title}”`
		);
		await expect(moduleCard(page, 2).getByRole('link', { name: second.lessons[0] })).toHaveCount(0);

		// Every lesson of module 1, read to its end and marked complete; the last one leads to the quiz.
		await moduleCard(page, 1).getByRole('link', { name: first.lessons[0], exact: true }).click();
		for (const [i, title] of first.lessons.entries()) {
			await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
			const complete = page.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' });
			// The reading time heartbeats would record (issue 13), credited on the server.
			creditCurrentLesson(page, email);
			await complete.scrollIntoViewIfNeeded();
			await complete.click();
			await expect(page.getByRole('status')).toContainText('Lekcja ukończona');
			const last = i === first.lessons.length - 1;
			await page.getByRole('link', { name: last ? /Teraz test modułu/ : /Następna lekcja/ }).click();
		}

		// The module quiz, answered from its own yaml file.
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expect(page.getByRole('heading', { level: 1, name: content.quiz.title })).toBeVisible();
		await page.getByRole('button', { name: 'Rozpocznij test' }).click();
		await page.waitForURL(/\/quiz\/[^/]+\/[a-z0-9]+$/);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await answerQuizCorrectly(page, content.quiz);
		await page.getByRole('button', { name: 'Wyślij test do oceny' }).click();
		// A counted quiz draws part of its pool (issue 13): every drawn question is worth a point.
		const n = content.quiz.draw || content.quiz.questions.length;
		await expect(page.getByRole('status')).toContainText('Test zaliczony. Gratulacje!');
		await expect(page.getByText(`Zdobyte punkty: ${n} z ${n} (100 %)`)).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: /Pytanie/ })).toHaveCount(n);
		await expectAccessible(page);

		// Back on the course page: module 1 complete and passed, module 2 open.
		await gotoReady(page, `/courses/${slug}`);
		const done = moduleCard(page, 1);
		for (const title of first.lessons)
			await expect(done.getByRole('listitem').filter({ hasText: title })).toContainText('ukończona');
		await expect(done.getByRole('listitem').filter({ hasText: content.quiz.title })).toContainText(
			'zaliczony, najlepszy wynik 100 %'
		);
		await expect(page.getByText(new RegExp(`lekcje: ${first.lessons.length} z \\d+`))).toBeVisible();
		await expect(moduleCard(page, 2)).not.toContainText('zablokowany');
		await expectAccessible(page);
		await moduleCard(page, 2).getByRole('link', { name: second.lessons[0], exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: second.lessons[0] })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' })).toBeVisible();
		await page.context().close();
	});
}
