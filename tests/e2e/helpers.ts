import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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
	const body = await message.locator('pre').innerText();
	const match = body.match(new RegExp(`https?://[^\\s]+${pathPrefix}[^\\s]+`));
	if (!match) throw new Error(`no ${pathPrefix} link for ${to} in: ${body}`);
	return new URL(match[0]).pathname;
}
