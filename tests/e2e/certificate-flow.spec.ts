// Issue 5: a learner completes the short course, downloads the certificate and verifies it publicly; an admin
// revokes it and the public page says so. Everything through the real UI.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, expectAccessible, gotoReady, newLearner, signIn } from './helpers';
import { answerQuizCorrectly, frontMatter, moduleDir, readQuiz } from './quiz-answers';
import { creditReadingTime } from './server-levers';

const SLUG = 'dyplomacja-ekonomiczna';
const COURSE_TITLE = String(frontMatter(join('lessons', SLUG, 'course.md')).title);
const LESSON_FILES = readdirSync(moduleDir(SLUG))
	.filter((name) => /^\d\d-.+\.md$/.test(name))
	.sort();
const LESSONS = LESSON_FILES.map((name) => String(frontMatter(join(moduleDir(SLUG), name)).title));
const LESSON_SLUGS = LESSON_FILES.map((name) => name.replace(/^\d\d-/, '').replace(/\.md$/, ''));
const QUIZ = readQuiz(SLUG);
// Every Polish diacritic the certificate font must carry, in a name a learner could have.
const NAME = 'Żaneta Łućka-Gęśla Źdźbłowska';
const REASON = 'Kursantka ukończyła kurs na cudzym koncie (test)';
const CODE = /[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}/;

test('a learner completes the short course, downloads and verifies the certificate; an admin revokes it', async ({
	browser
}) => {
	test.setTimeout(240_000);
	// A fresh learner, not the demo learner kursant@akademia.test: that one is reserved for the lessons
	// walk-through (lessons.spec.ts), whose progress this flow would change.
	const { page, email } = await newLearner(browser, NAME);
	expect(LESSONS).toHaveLength(3);

	// The three lessons, each read (the reading time is credited in the database: issue 13) and marked complete;
	// the last one leads to the quiz.
	await gotoReady(page, `/courses/${SLUG}`);
	await expect(page.getByRole('heading', { level: 1, name: COURSE_TITLE })).toBeVisible();
	await page.getByRole('link', { name: LESSONS[0], exact: true }).click();
	for (const [i, title] of LESSONS.entries()) {
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		creditReadingTime(email, SLUG, LESSON_SLUGS[i]);
		await page.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' }).click();
		await expect(page.getByRole('status')).toContainText('Lekcja ukończona');
		await page.getByRole('link', { name: i === LESSONS.length - 1 ? /Teraz test modułu/ : /Następna lekcja/ }).click();
	}
	// No certificate yet: the quiz is still to be passed.
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(page.getByRole('heading', { level: 1, name: QUIZ.title })).toBeVisible();
	expect(await (await page.request.get('/certificates')).text()).toContain('Brak zaświadczeń.');

	await page.getByRole('button', { name: 'Rozpocznij test' }).click();
	await page.waitForURL(/\/quiz\/[^/]+\/[a-z0-9]+$/);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await answerQuizCorrectly(page, QUIZ);
	await page.getByRole('button', { name: 'Wyślij test do oceny' }).click();
	await expect(page.getByRole('status')).toContainText('Test zaliczony. Gratulacje!');

	// The certificate: confirm the spelling, then download it.
	await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Moje zaświadczenia' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Moje zaświadczenia' })).toBeVisible();
	const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: COURSE_TITLE }) });
	const code = (await card.locator('code').innerText()).trim();
	expect(code).toMatch(CODE);
	await expect(card.getByRole('link', { name: 'Pobierz zaświadczenie (PDF)' })).toHaveCount(0);
	await expect(card.getByLabel('Imię i nazwisko na zaświadczeniu')).toHaveValue(NAME);
	await card.getByRole('button', { name: 'Potwierdź pisownię' }).click();
	await expect(page.getByRole('status')).toHaveText('Pisownia potwierdzona. Zaświadczenie można już pobrać.');
	await expect(card.getByText(`Imię i nazwisko na zaświadczeniu: ${NAME}`)).toBeVisible();
	await expectAccessible(page);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		card.getByRole('link', { name: 'Pobierz zaświadczenie (PDF)' }).click()
	]);
	const pdf = readFileSync((await download.path())!);
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	const pdfPath = test.info().outputPath('certificate.pdf');
	writeFileSync(pdfPath, pdf);
	const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
	expect(text).toContain(NAME);
	expect(text).toContain(`„${COURSE_TITLE}”`);
	expect(text).toContain(code);

	// Public verification, opened by anyone (no session) through the address printed on the certificate.
	const printed = text.match(new RegExp(`https?://\\S+/verify/${code}`));
	expect(printed, 'the PDF prints the verification address').not.toBeNull();
	await expect(card.getByRole('link', { name: 'Strona weryfikacji' })).toHaveAttribute('href', `/verify/${code}`);
	const publicContext = await browser.newContext();
	const visitor = await publicContext.newPage();
	await gotoReady(visitor, new URL(printed![0]).pathname);
	await expect(visitor.getByRole('status')).toHaveText('Zaświadczenie jest ważne.');
	await expect(visitor.getByText(NAME)).toBeVisible();
	await expect(visitor.getByText(COURSE_TITLE)).toBeVisible();
	await expectAccessible(visitor);

	// The demo admin revokes it with a reason.
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, DEMO.admin);
	await gotoReady(admin, '/admin/certificates');
	await admin.getByLabel('Szukaj (imię i nazwisko, e-mail, kod lub kurs)').fill(code);
	await admin.getByRole('button', { name: 'Szukaj' }).click();
	await expect(admin.getByRole('table')).toContainText(code);
	await admin.getByRole('link', { name: NAME }).click();
	await expect(admin.getByRole('heading', { level: 1, name: `Zaświadczenie ${code}` })).toBeVisible();
	const revoke = admin.getByRole('region', { name: 'Unieważnij zaświadczenie' });
	await revoke.getByLabel('Powód').fill(REASON);
	await revoke.getByLabel(/unieważnienie jest trwałe/).check();
	await revoke.getByRole('button', { name: 'Unieważnij' }).click();
	await expect(admin.getByRole('status')).toHaveText('Zaświadczenie zostało unieważnione.');
	await admin.context().close();

	// The same public page now says revoked, with the reason; the learner sees it too and can no longer download.
	await visitor.reload();
	await expect(visitor.getByRole('status')).toContainText('Zaświadczenie zostało unieważnione');
	await expect(visitor.getByRole('status')).toContainText(`Powód: ${REASON}`);
	await expect(visitor.getByText('Zaświadczenie jest ważne.')).toHaveCount(0);
	await expectAccessible(visitor);
	await publicContext.close();
	await gotoReady(page, '/certificates');
	await expect(card).toContainText(`Zaświadczenie unieważnione: ${REASON}`);
	await expect(card.getByRole('link', { name: 'Pobierz zaświadczenie (PDF)' })).toHaveCount(0);
	await page.context().close();
});
