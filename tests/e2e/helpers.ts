import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'akademia-demo';
export const DEMO = {
	admin: 'admin@akademia.test',
	trainer: 'trener@akademia.test',
	learner: 'kursant@akademia.test'
} as const;

/** Navigates and waits until Svelte has hydrated, so clicks reach their handlers. */
export async function gotoReady(page: Page, url: string) {
	const response = await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	return response;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await gotoReady(page, '/login');
	await page.getByLabel('Adres e-mail').fill(email);
	await page.getByLabel('Hasło', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Zaloguj się' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: /Wyloguj się|Sign out/ }).click();
	await page.waitForURL(/\/login/);
}

/** WCAG 2.1 AA rules of axe: no violation allowed. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(summary).toEqual([]);
}

/** The newest link of a kind from the admin's outbox (invitation or reset), read as a person would. */
export async function latestOutboxLink(page: Page, to: string, pathPrefix: string): Promise<string> {
	await gotoReady(page, '/admin/outbox');
	const message = page.locator('article', { hasText: to }).first();
	// The link is clickable in the outbox: take it from the <a>, as a person would click it.
	const links = await message.locator('pre a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
	const link = links.find((href) => new URL(href).pathname.includes(pathPrefix));
	if (!link) throw new Error(`no ${pathPrefix} link for ${to} in: ${await message.locator('pre').innerText()}`);
	return new URL(link).pathname;
}

let learnerCount = 0;

/**
 * A fresh learner, invited by the demo admin and signed in, for tests that change a learner's state (the
 * demo learner is kept for the lessons walk-through). Returns the learner's page, email and password.
 */
export async function newLearner(browser: Browser, name = 'Weronika Nowak-Świątek') {
	const email = `kursant.${Date.now()}.${++learnerCount}@akademia.test`;
	const password = 'haslo-testowe-123';
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, DEMO.admin);
	await gotoReady(admin, '/admin/invitations');
	await admin.getByLabel('Adres e-mail').fill(email);
	await admin.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
	await expect(admin.getByRole('status')).toContainText(email);
	const link = await latestOutboxLink(admin, email, '/invitation/');
	await admin.context().close();
	const page = await (await browser.newContext()).newPage();
	await gotoReady(page, link);
	await page.getByLabel('Imię i nazwisko').fill(name);
	await page.getByLabel('Urząd lub instytucja').fill('Urząd Gminy Testowo');
	await page.getByLabel('Hasło', { exact: true }).fill(password);
	await page.getByLabel('Powtórz hasło').fill(password);
	await page.getByRole('button', { name: 'Załóż konto' }).click();
	await page.waitForURL('/dashboard');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	return { page, email, password };
}
