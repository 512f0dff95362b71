// The attempt form without JavaScript: one refused answer must not throw away the others typed since the last
// save (nothing but the page holds them), and must write nothing.
import { expect, test, type Page } from '@playwright/test';
import { newLearner } from './helpers';
import { drawWholePool } from './server-levers';

const QUIZ_URL = '/courses/dyplomacja-ekonomiczna/quiz/partnerstwo-i-misja';

const group = (page: Page, prompt: RegExp) => page.getByRole('group', { name: prompt });

test.describe('quiz without JavaScript', () => {
	test('a refused save or submit redraws every answer as left, marks the bad question and saves nothing', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const { email, password, page: withJs } = await newLearner(browser, 'Nina Bezskryptowa');
		await withJs.context().close();
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/login');
		await page.getByLabel('Adres e-mail').fill(email);
		await page.getByLabel('Hasło', { exact: true }).fill(password);
		await page.getByRole('button', { name: 'Zaloguj się' }).click();
		await page.waitForURL('/dashboard');
		await page.goto(QUIZ_URL);
		await page.getByRole('button', { name: 'Rozpocznij test' }).click();
		await page.waitForURL(new RegExp(`${QUIZ_URL}/[a-z0-9]+$`));
		const attemptUrl = new URL(page.url()).pathname;
		// The quiz draws part of its pool; this test names questions, so the attempt gets them all.
		drawWholePool(attemptUrl.split('/').pop()!);
		await page.goto(attemptUrl);

		const radio = group(page, /Kto w gminie decyduje/).getByRole('radio', { name: 'Rada gminy, w uchwale' });
		const checkbox = group(page, /Które zachowania są właściwe/).getByRole('checkbox', {
			name: /Butelka regionalnej nalewki/
		});
		const ordering = group(page, /Proszę ułożyć kroki nawiązania partnerstwa/);
		const resolution = ordering.getByLabel('Podjęcie uchwały przez radę gminy');
		const signing = ordering.getByLabel('Podpisanie porozumienia o partnerstwie');
		const fillBadForm = async () => {
			await radio.check();
			await checkbox.check();
			await resolution.selectOption({ label: 'pozycja 1' });
			await signing.selectOption({ label: 'pozycja 1' });
		};
		const expectKeptWithError = async () => {
			await expect(page.getByRole('alert')).toContainText('każdy element musi mieć inną pozycję');
			// "Pytanie 3: Każdemu…", never "Pytanie 3:Każdemu…" (Svelte trims whitespace at the end of a block).
			expect(await page.getByRole('alert').innerText()).toMatch(/Pytanie \d+: \S/);
			await expect(ordering).toContainText('każdy element musi mieć inną pozycję');
			await expect(ordering).toHaveAccessibleDescription(/każdy element musi mieć inną pozycję/);
			await expect(radio).toBeChecked();
			await expect(checkbox).toBeChecked();
			await expect(resolution).toHaveValue('1');
			await expect(signing).toHaveValue('1');
			await expect(ordering.getByLabel('Realizacja wspólnych działań i ich okresowy przegląd')).toHaveValue('');
		};
		const expectNothingSaved = async () => {
			await page.goto(attemptUrl);
			await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Wynik');
			await expect(radio).not.toBeChecked();
			await expect(checkbox).not.toBeChecked();
			await expect(resolution).toHaveValue('');
			await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
		};

		await fillBadForm();
		await page.getByRole('button', { name: 'Zapisz odpowiedzi' }).click();
		await expectKeptWithError();
		await expect(page.getByText('Odpowiedzi zapisane.')).toHaveCount(0);
		await expectNothingSaved();

		// Submitting the same form is refused the same way: nothing graded, nothing saved.
		await fillBadForm();
		await page.getByRole('button', { name: 'Wyślij test do oceny' }).click();
		await expectKeptWithError();
		await expectNothingSaved();

		// Corrected on the redrawn page (no retyping of the rest), the form saves everything.
		await fillBadForm();
		await page.getByRole('button', { name: 'Zapisz odpowiedzi' }).click();
		await expectKeptWithError();
		// An ordering is saved whole: every item its own position (the rest of the form is left as it was redrawn).
		await ordering
			.getByLabel('Rozpoznanie partnera, wspólnych celów i osób do kontaktu')
			.selectOption({ label: 'pozycja 3' });
		await ordering
			.getByLabel('Przygotowanie projektu uchwały rady gminy z uzasadnieniem')
			.selectOption({ label: 'pozycja 4' });
		await ordering
			.getByLabel('Realizacja wspólnych działań i ich okresowy przegląd')
			.selectOption({ label: 'pozycja 5' });
		await signing.selectOption({ label: 'pozycja 2' });
		await page.getByRole('button', { name: 'Zapisz odpowiedzi' }).click();
		await expect(page.getByText('Odpowiedzi zapisane.')).toBeVisible();
		await page.goto(attemptUrl);
		await expect(radio).toBeChecked();
		await expect(checkbox).toBeChecked();
		await expect(resolution).toHaveValue('1');
		await expect(signing).toHaveValue('2');
		await context.close();
	});
});
