import { expect, test } from '@playwright/test';
import { DEMO, gotoReady, signIn } from './helpers';

test('search finds lesson passages regardless of Polish letters, and the glossary spans every course', async ({
	page
}) => {
	await signIn(page, DEMO.trainer);
	await gotoReady(page, '/trainer');
	await page.getByRole('link', { name: 'Szukaj', exact: true }).first().click();
	await page.getByLabel('Czego Pani/Pan szuka?').fill('FLAGA pionowo');
	await page.getByRole('button', { name: 'Szukaj' }).click();
	await expect(page).toHaveURL(/\/search\?q=FLAGA\+pionowo/);
	await expect(page.getByRole('status')).toContainText('Znalezione lekcje:');
	const first = page
		.getByRole('list')
		.filter({ has: page.locator('mark') })
		.getByRole('listitem')
		.first();
	await expect(first.getByRole('link')).toHaveText(/Flag/);
	await expect(first.locator('mark')).toHaveText(/flag/i);
	// Without Polish letters the same lessons come back.
	const withLetters = await page.locator('ol li > a').allInnerTexts();
	await gotoReady(page, '/search?q=uklon');
	const plain = await page.locator('ol li > a').allInnerTexts();
	await gotoReady(page, '/search?q=uk%C5%82on');
	expect(await page.locator('ol li > a').allInnerTexts()).toEqual(plain);
	expect(plain.length).toBeGreaterThan(0);
	expect(withLetters.length).toBeGreaterThan(0);

	await page.getByRole('link', { name: 'Słowniczek wszystkich kursów' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Słowniczek wszystkich kursów' })).toBeVisible();
	expect(await page.locator('dt').count()).toBeGreaterThan(5);
});
