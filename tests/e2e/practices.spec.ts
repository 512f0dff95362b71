// Good practices end to end: a learner submits a case, an admin asks for changes, the learner answers, the admin
// publishes, and anyone finds it by searching without Polish letters and by filtering.
import { expect, test, type Page } from '@playwright/test';
import { DEMO, gotoReady, signIn } from './helpers';

const stamp = Date.now().toString(36);
const title = `Gmina Łańcut-Wschód ${stamp} i fikcyjny partner`;

async function fillCase(page: Page) {
	await page.getByLabel('Tytuł', { exact: true }).fill(title);
	await page.getByLabel('Streszczenie').fill('Fikcyjny przypadek z testu automatycznego.');
	await page.getByLabel('Nazwa samorządu 1').fill('Gmina Fikcyjna');
	await page.getByLabel('Rodzaj samorządu 1').selectOption('gmina');
	await page.getByLabel('Nazwa partnera (miasto, region, instytucja)').fill('Miasto Fikcyjne');
	await page.getByLabel('Kraj partnera').selectOption('VN');
	await page.getByRole('checkbox', { name: 'wizyta studyjna' }).check();
	await page.getByLabel('Rok rozpoczęcia').fill('2019');
	for (const heading of [
		'Sytuacja wyjściowa',
		'Cele',
		'Działania',
		'Rezultaty',
		'Trudności i wnioski',
		'Wskazówki międzykulturowe i protokolarne',
		'Przenoszalność'
	])
		await page.getByLabel(heading, { exact: true }).fill(`- ${heading}: fikcyjny tekst.\n- drugi punkt`);
	// Contact details without the consent to publish them: the moderator sees them, the case page does not.
	await page
		.getByLabel('Dane kontaktowe (wydział, adres e-mail urzędu)')
		.fill('Wydział Promocji, promocja@fikcyjna.test');
	await page.getByLabel('Tytuł źródła 1').fill('Strona testowa');
	await page.getByLabel('Wydawca źródła 1').fill('Wydawca testowy');
}

test('submit as a learner, moderate as an admin, find the published case by search and filters', async ({
	browser
}) => {
	// The learner submits; a missing source address is refused with a message and nothing typed is lost.
	const learner = await (await browser.newContext()).newPage();
	await signIn(learner, DEMO.learner);
	await gotoReady(learner, '/practices/submit');
	await fillCase(learner);
	await learner.getByRole('button', { name: 'Wyślij zgłoszenie do moderacji' }).click();
	await expect(learner.getByRole('alert')).toContainText('Adres źródła (https://…) 1');
	await expect(learner.getByLabel('Tytuł', { exact: true })).toHaveValue(title);
	await learner.getByLabel('Adres źródła (https://…) 1').fill('https://example.org/zrodlo');
	await learner.getByRole('button', { name: 'Wyślij zgłoszenie do moderacji' }).click();
	await expect(learner.getByRole('status')).toContainText('czeka na moderację');
	const submissionUrl = learner.url();

	// The admin asks for changes with a comment.
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, DEMO.admin);
	await gotoReady(admin, '/admin/practices');
	await admin.getByRole('link', { name: title }).click();
	await admin.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(admin.getByText('Wydział Promocji, promocja@fikcyjna.test')).toBeVisible();
	await expect(admin.getByText('Zgoda na publikację: nie')).toBeVisible();
	await admin.getByLabel('Komentarz dla autora').fill('Proszę podać rok zakończenia.');
	await admin.getByRole('button', { name: 'Poproś o zmiany' }).click();
	await expect(admin.locator('[data-status]')).toHaveText('potrzebne zmiany');

	// The author sees the status and the comment, answers and sends it again.
	await gotoReady(learner, submissionUrl);
	await expect(learner.locator('[data-status]')).toHaveText('potrzebne zmiany');
	await expect(learner.getByText('Proszę podać rok zakończenia.')).toBeVisible();
	await learner.getByLabel('Rok zakończenia').fill('2021');
	await learner.getByRole('button', { name: 'Zapisz i wyślij ponownie do moderacji' }).click();
	await expect(learner.locator('[data-status]')).toHaveText('czeka na moderację');

	// The admin publishes; the author's page links the published case.
	await gotoReady(admin, admin.url().replace(/\?.*$/, ''));
	await admin.getByRole('button', { name: 'Opublikuj' }).click();
	await expect(admin.locator('[data-status]')).toHaveText('opublikowany');
	await gotoReady(learner, submissionUrl);
	await expect(learner.locator('[data-status]')).toHaveText('opublikowany');
	await expect(learner.getByRole('link', { name: 'Zobacz opublikowany przypadek' })).toBeVisible();

	// Anyone, signed out: search without Polish letters and in other case, then filters.
	const visitor = await (await browser.newContext()).newPage();
	await gotoReady(visitor, '/practices');
	await visitor.getByRole('searchbox', { name: 'Szukaj w dobrych praktykach' }).fill(`LANCUT wschod ${stamp}`);
	await visitor.getByRole('button', { name: 'Szukaj' }).click();
	await expect(visitor).toHaveURL(/[?&]q=LANCUT/);
	await expect(visitor.getByRole('link', { name: title })).toBeVisible();
	await visitor.getByLabel('Region').selectOption('middle-east');
	await visitor.getByRole('button', { name: 'Szukaj' }).click();
	await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);
	await visitor.getByLabel('Region').selectOption('far-east');
	await visitor.getByLabel('Forma współpracy').selectOption('study-visit');
	await visitor.getByLabel('Od roku').fill('2020');
	await visitor.getByRole('button', { name: 'Szukaj' }).click();
	await expect(visitor.getByRole('link', { name: title })).toBeVisible();
	await visitor.getByLabel('Od roku').fill('2022');
	await visitor.getByRole('button', { name: 'Szukaj' }).click();
	await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);

	// The case page: fixed structure, source, last verified; the CSV of a search holds the case.
	await gotoReady(visitor, `/practices?q=${stamp}`);
	await visitor.getByRole('link', { name: title }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(visitor.getByRole('heading', { name: 'Trudności i wnioski' })).toBeVisible();
	await expect(visitor.getByRole('link', { name: 'https://example.org/zrodlo' })).toBeVisible();
	await expect(visitor.getByText(/Ostatnia weryfikacja:/)).toBeVisible();
	await expect(visitor.getByText('promocja@fikcyjna.test')).toHaveCount(0);
	const csv = await visitor.request.get(`/practices/export.csv?q=${stamp}`);
	const body = await csv.text();
	expect(body.startsWith('\uFEFF')).toBe(true);
	expect(body).toContain(
		`${title};Gmina Fikcyjna (gmina);Miasto Fikcyjne;Wietnam;Daleki Wschód;wizyta studyjna;2019;2021`
	);
});
