import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { DEMO, expectAccessible, gotoReady, newLearner, signIn } from './helpers';
import { answerQuizCorrectly, readQuiz } from './quiz-answers';

// The demo graduate (seeded by the certificates feature) finished the short course; the issuing itself ran
// through issueCertificateIfComplete at seed time.
const GRADUATE = 'absolwentka@akademia.test';
const GRADUATE_NAME = 'Grażyna Łęcka-Wójcik';
const CODE = /[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}/;

/** The PDF's text as poppler reads it: proves the production build found and embedded the font. */
function pdfText(path: string): string {
	return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

async function downloadPdf(page: Page): Promise<Buffer> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Pobierz zaświadczenie (PDF)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^zaswiadczenie-.+\.pdf$/);
	return readFileSync((await download.path())!);
}

test.describe.serial('certificates', () => {
	let code = '';
	let pdfPath = '';

	test('the verification form explains bad input and unknown codes', async ({ page }) => {
		await gotoReady(page, '/verify');
		await expect(page.getByRole('heading', { level: 1, name: 'Sprawdź zaświadczenie' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Sprawdź' }).click();
		await expect(page.getByRole('alert')).toContainText('To pole jest wymagane.');

		await page.getByLabel('Kod zaświadczenia').fill('<b>ABC</b>');
		await page.getByRole('button', { name: 'Sprawdź' }).click();
		await expect(page.getByRole('alert')).toContainText('To nie jest kod zaświadczenia.');
		await expect(page.getByLabel('Kod zaświadczenia')).toHaveValue('<b>ABC</b>');
		await expect(page.getByLabel('Kod zaświadczenia')).toHaveAttribute('aria-invalid', 'true');
		await expectAccessible(page);

		await page.getByLabel('Kod zaświadczenia').fill('zzzzz zzzzz');
		await page.getByRole('button', { name: 'Sprawdź' }).click();
		await expect(page).toHaveURL('/verify/ZZZZZ-ZZZZZ');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nie znaleziono zaświadczenia');
		await expect(page.getByText('Nie ma zaświadczenia o takim kodzie.')).toBeVisible();
		await expectAccessible(page);

		const response = await page.goto('/verify/ZZZZZ-ZZZZZ');
		expect(response?.status()).toBe(404);
		expect((await page.request.get('/verify/not-a-code')).status()).toBe(404);

		await page.setViewportSize({ width: 360, height: 800 });
		await gotoReady(page, '/verify');
		await expectAccessible(page);
	});

	test('the learner confirms the spelling of their name, then downloads the same PDF every time', async ({ page }) => {
		await signIn(page, GRADUATE);
		await page
			.getByRole('navigation', { name: 'Menu główne' })
			.getByRole('link', { name: 'Moje zaświadczenia' })
			.click();
		await expect(page.getByRole('heading', { level: 1, name: 'Moje zaświadczenia' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Oddolna dyplomacja ekonomiczna' })).toBeVisible();
		code = (await page.locator('code').first().innerText()).trim();
		expect(code).toMatch(CODE);
		// No download before the name is confirmed.
		await expect(page.getByRole('link', { name: 'Pobierz zaświadczenie (PDF)' })).toHaveCount(0);
		await expectAccessible(page);

		const nameField = page.getByLabel('Imię i nazwisko na zaświadczeniu');
		await expect(nameField).toHaveValue(GRADUATE_NAME);
		await nameField.fill('<script>');
		await page.getByRole('button', { name: 'Potwierdź pisownię' }).click();
		await expect(page.getByRole('alert')).toContainText('Imię i nazwisko może zawierać tylko litery');
		await expect(nameField).toHaveAttribute('aria-invalid', 'true');
		await nameField.fill(`  ${GRADUATE_NAME}  `);
		await page.getByRole('button', { name: 'Potwierdź pisownię' }).click();
		await expect(page.getByRole('status')).toHaveText('Pisownia potwierdzona. Zaświadczenie można już pobrać.');
		await expect(page.getByText(`Imię i nazwisko na zaświadczeniu: ${GRADUATE_NAME}`)).toBeVisible();

		const first = await downloadPdf(page);
		const second = await downloadPdf(page);
		expect(first.subarray(0, 5).toString()).toBe('%PDF-');
		expect(first.equals(second)).toBe(true);
		pdfPath = test.info().outputPath('certificate.pdf');
		writeFileSync(pdfPath, first);
		const text = pdfText(pdfPath);
		expect(text).toContain(GRADUATE_NAME);
		expect(text).toContain('„Oddolna dyplomacja ekonomiczna”');
		expect(text).toContain(code);
		expect(text).toContain(`/verify/${code}`);

		await page.setViewportSize({ width: 360, height: 800 });
		await gotoReady(page, '/certificates');
		await expectAccessible(page);
	});

	test('anyone sees a valid certificate on its public page, and nothing else about the person', async ({ page }) => {
		await gotoReady(page, `/verify/${code.toLowerCase()}`);
		await expect(page).toHaveURL(`/verify/${code}`);
		await expect(page.getByRole('status')).toHaveText('Zaświadczenie jest ważne.');
		await expect(page.getByText(GRADUATE_NAME)).toBeVisible();
		await expect(page.getByText('Oddolna dyplomacja ekonomiczna')).toBeVisible();
		await expect(page.getByText(GRADUATE)).toHaveCount(0);
		await expect(page.getByText('Starostwo Powiatowe')).toHaveCount(0);
		await expectAccessible(page);
		await page.setViewportSize({ width: 360, height: 800 });
		await expectAccessible(page);
	});

	test("another learner cannot download someone else's certificate", async ({ browser, page }) => {
		await signIn(page, GRADUATE);
		await gotoReady(page, '/certificates');
		const href = await page.getByRole('link', { name: 'Pobierz zaświadczenie (PDF)' }).getAttribute('href');
		const other = await newLearner(browser);
		expect((await other.page.request.get(href!)).status()).toBe(404);
		expect((await other.page.request.get('/admin/certificates')).status()).toBe(403);
		expect((await page.context().request.get(href!)).status()).toBe(200);
		await other.page.context().close();
	});

	test('an admin revokes the certificate and the public page says so; a re-issue points to the new one', async ({
		page
	}) => {
		await signIn(page, DEMO.admin);
		await gotoReady(page, '/admin');
		await page.getByRole('link', { name: 'Zaświadczenia' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Zaświadczenia' })).toBeVisible();
		await page.getByLabel('Szukaj (imię i nazwisko, e-mail, kod lub kurs)').fill(GRADUATE);
		await page.getByRole('button', { name: 'Szukaj' }).click();
		await expect(page.getByRole('table')).toContainText(code);
		await expectAccessible(page);
		await page.setViewportSize({ width: 360, height: 800 });
		await expectAccessible(page);
		await page.setViewportSize({ width: 1280, height: 720 });
		await page.getByRole('link', { name: GRADUATE_NAME }).click();
		await expect(page.getByRole('heading', { level: 1, name: `Zaświadczenie ${code}` })).toBeVisible();
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Unieważnij' }).click();
		await expect(page.getByRole('alert')).toContainText('To pole jest wymagane.');
		await page.getByLabel('Powód').first().fill('Wydane omyłkowo (test)');
		// Without ticking that revocation is permanent and public, nothing happens.
		await page.getByRole('button', { name: 'Unieważnij' }).click();
		await expect(page.getByRole('alert')).toContainText('Operację trzeba najpierw potwierdzić.');
		await page.getByLabel(/unieważnienie jest trwałe/).check();
		await page.getByRole('button', { name: 'Unieważnij' }).click();
		await expect(page.getByRole('status')).toHaveText('Zaświadczenie zostało unieważnione.');

		await gotoReady(page, `/verify/${code}`);
		await expect(page.getByRole('status')).toContainText('Zaświadczenie zostało unieważnione');
		await expect(page.getByRole('status')).toContainText('Powód: Wydane omyłkowo (test)');
		await expectAccessible(page);

		// Re-issue with a corrected name: a new code, and the old page points to it.
		await page.goBack();
		await gotoReady(page, '/admin/certificates?q=' + code);
		await page.getByRole('link', { name: GRADUATE_NAME }).click();
		await page.getByLabel('Imię i nazwisko').fill('Grażyna Łęcka-Wójcik-Źdźbło');
		await page.getByLabel('Powód').fill('Korekta nazwiska na prośbę kursantki');
		await page.getByRole('button', { name: 'Wydaj ponownie' }).click();
		await expect(page.getByRole('status')).toContainText('Wydano nowe zaświadczenie.');
		const newCode = (await page.getByRole('heading', { level: 1 }).innerText()).match(CODE)![0];
		expect(newCode).not.toBe(code);

		await gotoReady(page, `/verify/${code}`);
		await expect(page.getByRole('status')).toContainText('Zastąpiło je zaświadczenie o kodzie');
		await page.getByRole('link', { name: newCode }).click();
		await expect(page).toHaveURL(`/verify/${newCode}`);
		await expect(page.getByRole('status')).toHaveText('Zaświadczenie jest ważne.');
		await expect(page.getByText('Grażyna Łęcka-Wójcik-Źdźbło')).toBeVisible();
	});

	// The whole course completed in the browser is certificate-flow.spec.ts; here, passing the quiz alone (lessons
	// not completed) issues nothing.
	test('passing the quiz without completing the lessons issues no certificate', async ({ browser }) => {
		test.setTimeout(120_000);
		const { page } = await newLearner(browser, 'Łucja Żółkiewska-Gęślak');
		await gotoReady(page, '/courses/dyplomacja-ekonomiczna/quiz/partnerstwo-i-misja');
		await page.getByRole('button', { name: 'Rozpocznij test' }).click();
		await page.waitForURL(/\/quiz\/partnerstwo-i-misja\/[a-z0-9]+$/);
		await answerQuizCorrectly(page, readQuiz('dyplomacja-ekonomiczna'));
		await page.getByRole('button', { name: 'Wyślij test do oceny' }).click();
		await expect(page.getByText('Test zaliczony. Gratulacje!')).toBeVisible();
		await gotoReady(page, '/certificates');
		await expect(page.getByText('Brak zaświadczeń.')).toBeVisible();
		await expectAccessible(page);
		await page.context().close();
	});
});
