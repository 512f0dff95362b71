// The needs diagnosis end to end: an admin makes a token link, an office fills the survey in (autosave, a
// conditional question, sending, editing), the report counts it without naming the office, and the PDF carries
// the page's headings and numbers.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { DEMO, gotoReady, signIn } from './helpers';

const SLUG = 'diagnoza-wspolpracy-zagranicznej';
const OFFICE = `Urząd Gminy Łąkowa Wola ${Date.now()}`;
const FIRST = 'Najpierw szkolenie z precedencji – odpowiedź testowa Żółw';
const EDITED = 'Najpierw warsztat misji gospodarczej – odpowiedź poprawiona Źrebię';

async function fillRequired(page: Page) {
	const check = (name: string, value: string) => page.locator(`input[name="${name}"][value="${value}"]`).check();
	await check('q:typ-jst', 'gmina-wiejska');
	await check('q:liczba-mieszkancow', '5-20-tys');
	await check('q:wojewodztwo', 'malopolskie');
	await check('q:stanowisko', 'sekretarz');
	await check('q:strategia', 'nie');
	await check('q:kto-zajmuje-sie', 'osoba');
	await check('q:bariery', 'jezyk');
	for (const [item, place] of [
		['szkolenia', '1'],
		['kontakty', '2'],
		['poradnik', '3']
	])
		await page.locator(`select[name="q:priorytety:${item}"]`).selectOption(place);
	for (const grid of ['waznosc-tematow', 'kompetencje-urzedu'])
		for (const row of await page.locator(`fieldset#field-${grid} fieldset`).all())
			await row
				.locator('input[type=radio]')
				.nth(grid === 'waznosc-tematow' ? 4 : 1)
				.check();
	await check('q:formy-szkolen', 'mieszane');
	await check('q:dlugosc', 'jeden-dzien');
}

test.describe.serial('needs diagnosis survey', () => {
	let link = '';
	let admin: Page;

	test.beforeAll(async ({ browser }) => {
		admin = await (await browser.newContext()).newPage();
		await signIn(admin, DEMO.admin);
	});

	test('an admin makes per-office token links', async () => {
		await gotoReady(admin, `/admin/surveys/${SLUG}`);
		await expect(admin.getByText(/Dane demonstracyjne: 60 odpowiedzi/)).toBeVisible();
		await admin.getByLabel('Lista urzędów').fill(`${OFFICE}\nStarostwo Powiatowe w Testowie ${Date.now()}`);
		await admin.getByRole('button', { name: 'Utwórz linki' }).click();
		const item = admin.locator('li', { hasText: OFFICE });
		link =
			new URL(await item.locator('code').innerText()).pathname + new URL(await item.locator('code').innerText()).search;
		expect(link).toMatch(new RegExp(`^/surveys/${SLUG}\\?t=`));
	});

	test('without the token the form is refused', async ({ page }) => {
		await gotoReady(page, `/surveys/${SLUG}`);
		await expect(page.getByText(/wyłącznie z indywidualnego linku/)).toBeVisible();
		await expect(page.locator('form[action*="/save"]')).toHaveCount(0);
	});

	test('the office fills it in with the token, it autosaves, sends and edits its answers', async ({ page }) => {
		await gotoReady(page, link);
		await expect(page.getByText(OFFICE)).toBeVisible();
		// A conditional question appears only for the answer it depends on.
		const regions = page.locator('fieldset#field-regiony-partnerow');
		await page.locator('input[name="q:wspolpraca"][value="nie"]').check();
		await expect(regions).toBeHidden();
		await page.locator('input[name="q:wspolpraca"][value="tak"]').check();
		await expect(regions).toBeVisible();
		await page.locator('input[name="q:wspolpraca"][value="nie"]').check();
		await page.locator('textarea[name="q:co-najpierw"]').fill(FIRST);
		await expect(page.getByRole('status').getByText(/Odpowiedzi zapisano/)).toBeVisible();
		await gotoReady(page, link);
		await expect(page.locator('textarea[name="q:co-najpierw"]')).toHaveValue(FIRST);
		// An answer autosave cannot keep is named beside its question, and the typed value stays to be corrected.
		await page.locator('input[name="q:wizyty-rocznie"]').fill('3,5');
		await expect(page.locator('#err-wizyty-rocznie')).toHaveText(
			'Prosimy wpisać liczbę całkowitą, bez części ułamkowej.'
		);
		await expect(page.locator('input[name="q:wizyty-rocznie"]')).toHaveValue('3,5');
		await page.locator('input[name="q:wizyty-rocznie"]').fill('3');
		await expect(page.locator('#err-wizyty-rocznie')).toHaveCount(0);

		// Sending with required questions missing is refused and names them.
		await page.getByRole('button', { name: 'Wyślij ankietę' }).click();
		await expect(page.getByRole('alert')).toContainText('Rodzaj jednostki samorządu terytorialnego');
		await fillRequired(page);
		await page.getByRole('button', { name: 'Wyślij ankietę' }).click();
		await expect(page.getByText('Dziękujemy, ankieta została wysłana.')).toBeVisible();

		// Editing after sending: the same token, the same response.
		await gotoReady(page, link);
		await page.locator('textarea[name="q:co-najpierw"]').fill(EDITED);
		await page.getByRole('button', { name: 'Wyślij ankietę' }).click();
		await expect(page.getByText('Dziękujemy, ankieta została wysłana.')).toBeVisible();
	});

	test('the report counts it once, shows the edit and never the office; the PDF matches the page', async () => {
		await gotoReady(admin, `/admin/surveys/${SLUG}`);
		const summary = admin.locator('dl.details').first();
		await expect(summary).toContainText('61');
		await expect(admin.getByText(EDITED)).toBeVisible();
		await expect(admin.getByText(FIRST)).toHaveCount(0);
		// Anonymous survey: the office is on no page of the report, not even as "answered" in the list of links.
		await admin.getByText(/Urzędy z linkiem/).click();
		await expect(admin.locator('li', { hasText: OFFICE })).not.toContainText('odpowiedział');
		await expect(admin.getByText('Ankieta jest anonimowa, dlatego nie pokazujemy')).toBeVisible();
		await expect(admin.getByRole('button', { name: 'Wyłącz tryb anonimowy' })).toBeDisabled();
		const csv = await (await admin.request.get(`/admin/surveys/${SLUG}/responses.csv`)).text();
		expect(csv).toContain(EDITED);
		expect(csv).not.toContain(OFFICE);
		const xlsx = await admin.request.get(`/admin/surveys/${SLUG}/responses.xlsx`);
		expect(xlsx.status()).toBe(200);
		expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

		const topGap = (
			await admin.locator('section[aria-labelledby="gaps"] tbody tr').first().locator('td').nth(3).innerText()
		)
			.replace(/\s+/g, ' ')
			.trim();
		// The page writes "42,3 %" with a no-break space; the PDF text is compared with whitespace collapsed.
		const rate = (await summary.locator('dd').nth(3).innerText()).replace(/\s+/g, ' ').trim();
		const pdf = await admin.request.get(`/admin/surveys/${SLUG}/report.pdf`);
		expect(pdf.status()).toBe(200);
		const path = test.info().outputPath('raport.pdf');
		writeFileSync(path, await pdf.body());
		// Lines wrap where the page is narrow: compare with whitespace collapsed.
		const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
		for (const heading of [
			'Raport z diagnozy potrzeb z zaleceniami dla JST',
			'Cel i metoda badania',
			'Respondenci',
			'Luka kompetencyjna',
			'Zalecenia dla samorządów',
			'Aneks. Kwestionariusz ankiety',
			'DANE DEMONSTRACYJNE'
		])
			expect(text).toContain(heading);
		expect(text).toContain('Kompetencje protokolarne');
		expect(text).toMatch(/Odpowiedzi wysłane\s+61/);
		expect(text).toContain(topGap);
		expect(text).toContain(rate);
		expect(text).not.toContain(OFFICE);
	});
});
