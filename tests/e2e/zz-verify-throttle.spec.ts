import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';

// Runs last of all specs (file order): it uses up this address's verification look-ups for ten minutes, and
// every e2e request comes from 127.0.0.1.
test('verification is throttled per address against guessing codes', async ({ page }) => {
	let status = 0;
	for (let i = 0; i < 35 && status !== 429; i++) status = (await page.request.get('/verify/ZZZZZ-ZZZZ0')).status();
	expect(status).toBe(429);
	await gotoReady(page, '/verify/ZZZZZ-ZZZZ1');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zbyt wiele sprawdzeń');
	await expect(page.getByText(/Proszę spróbować ponownie za \d+ min\./)).toBeVisible();
});
