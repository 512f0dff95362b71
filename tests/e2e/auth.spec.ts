import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, gotoReady, latestOutboxLink, signIn, signOut } from './helpers';

test.describe('accounts and roles', () => {
	for (const [role, email, start, heading] of [
		['learner', DEMO.learner, '/dashboard', 'Mój pulpit'],
		['trainer', DEMO.trainer, '/trainer', 'Moje grupy'],
		['admin', DEMO.admin, '/admin', 'Administracja']
	] as const) {
		test(`${role} signs in to their start page and signs out`, async ({ page }) => {
			await signIn(page, email);
			await expect(page).toHaveURL(start);
			await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
			await expectAccessible(page);
			// Trainers reach the surveys' reports from the menu (admins from the administration page).
			const surveys = page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Ankiety' });
			await expect(surveys).toHaveCount(role === 'trainer' ? 1 : 0);
			await signOut(page);
			await expect(page.getByRole('status')).toContainText('Wylogowano');
			await gotoReady(page, start);
			await expect(page).toHaveURL(/\/login\?next=/);
		});
	}

	test('the sign-in page is accessible and answers a wrong password generically', async ({ page }) => {
		await gotoReady(page, '/login');
		await expectAccessible(page);
		await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
		await page.getByLabel('Adres e-mail').fill('nikt@akademia.test');
		await page.getByLabel('Hasło', { exact: true }).fill('jakies-haslo-123');
		await page.getByRole('button', { name: 'Zaloguj się' }).click();
		await expect(page.getByRole('alert')).toHaveText('Nieprawidłowy adres e-mail lub hasło.');
		await expect(page.getByLabel('Adres e-mail')).toHaveValue('nikt@akademia.test');
		const unknownEmailAnswer = await page.getByRole('alert').innerText();

		// An existing account with a wrong password gets the very same answer, so the form reveals no account.
		// One attempt only: five failures would block the demo trainer for everyone (throttle per account).
		await gotoReady(page, '/login');
		await page.getByLabel('Adres e-mail').fill(DEMO.trainer);
		await page.getByLabel('Hasło', { exact: true }).fill('zle-haslo-trenera-1');
		await page.getByRole('button', { name: 'Zaloguj się' }).click();
		await expect(page.getByRole('alert')).toHaveText(unknownEmailAnswer);
		await expect(page).toHaveURL(/\/login/);
		await expect(page.getByLabel('Adres e-mail')).toHaveValue(DEMO.trainer);
	});

	test('a learner gets 403 on admin and trainer pages, not a redirect loop', async ({ page }) => {
		await signIn(page, DEMO.learner);
		for (const path of ['/admin', '/admin/outbox', '/trainer']) {
			const response = await page.goto(path);
			expect(response?.status()).toBe(403);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Błąd 403');
		}
	});

	test('a trainer gets 403 on admin pages', async ({ page }) => {
		await signIn(page, DEMO.trainer);
		const response = await page.goto('/admin/invitations');
		expect(response?.status()).toBe(403);
	});

	test('the language switch changes the UI and persists after signing in again', async ({ page }) => {
		await signIn(page, DEMO.trainer);
		await page.getByRole('button', { name: 'Switch to English' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'My groups' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.getByRole('button', { name: 'Sign out' }).click();
		// The signed-out page writes the language cookie again as it hydrates (Paraglide's client sets the locale it
		// resolved): a new browser is simulated only once that page is done. Cleared earlier, the cookie came back
		// as "en" and the next page was English (seen in CI once the sign-in page was answered from memory).
		await page.waitForURL(/\/login\?signed_out/);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.context().clearCookies();
		await gotoReady(page, '/login');
		await page.getByLabel('Adres e-mail').fill(DEMO.trainer);
		await page.getByLabel('Hasło', { exact: true }).fill('akademia-demo');
		await page.getByRole('button', { name: 'Zaloguj się' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'My groups' })).toBeVisible();
		await page.getByRole('button', { name: 'Przełącz na język polski' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Moje grupy' })).toBeVisible();
	});

	test('an admin invites a trainer who sets up the account; the link then works no more', async ({ page, browser }) => {
		const email = `trener.${Date.now()}@akademia.test`;
		await signIn(page, DEMO.admin);
		await gotoReady(page, '/admin/invitations');
		await expectAccessible(page);
		await page.getByLabel('Adres e-mail').fill('zly-adres');
		await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
		await expect(page.getByRole('alert')).toContainText('Proszę wpisać poprawny adres e-mail');
		await page.getByLabel('Adres e-mail').fill(email);
		await page.getByLabel('Rola').selectOption('trainer');
		await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
		await expect(page.getByRole('status')).toContainText(email);
		const link = await latestOutboxLink(page, email, '/invitation/');
		await expectAccessible(page);

		const guest = await (await browser.newContext()).newPage();
		await gotoReady(guest, link);
		await expectAccessible(guest);
		await guest.getByLabel('Imię i nazwisko').fill('<script>alert(1)</script>');
		await guest.getByLabel('Urząd lub instytucja').fill('Starostwo Powiatowe w Gorlicach');
		await guest.getByLabel('Hasło', { exact: true }).fill('krotkie');
		await guest.getByLabel('Powtórz hasło').fill('krotkie');
		await guest.getByRole('button', { name: 'Załóż konto' }).click();
		await expect(guest.getByRole('alert')).toContainText('tylko litery');
		await expect(guest.getByRole('alert')).toContainText('co najmniej 12 znaków');
		await expect(guest.getByLabel('Urząd lub instytucja')).toHaveValue('Starostwo Powiatowe w Gorlicach');
		await guest.getByLabel('Imię i nazwisko').fill('Grzegorz Brzęczyszczykiewicz');
		await guest.getByLabel('Hasło', { exact: true }).fill('bardzo-dlugie-haslo');
		await guest.getByLabel('Powtórz hasło').fill('bardzo-dlugie-haslo');
		await guest.getByRole('button', { name: 'Załóż konto' }).click();
		await expect(guest).toHaveURL('/trainer');

		const again = await (await browser.newContext()).newPage();
		await gotoReady(again, link);
		await expect(again.getByRole('alert')).toContainText('wygasło albo zostało już użyte');
	});

	test('a password reset through the outbox, without revealing which emails exist', async ({ page, browser }) => {
		const email = `kursant.${Date.now()}@akademia.test`;
		await signIn(page, DEMO.admin);
		await gotoReady(page, '/admin/invitations');
		await page.getByLabel('Adres e-mail').fill(email);
		await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
		await expect(page.getByRole('status')).toContainText(email);
		const invitation = await latestOutboxLink(page, email, '/invitation/');
		const learner = await (await browser.newContext()).newPage();
		await gotoReady(learner, invitation);
		await learner.getByLabel('Imię i nazwisko').fill('Żaneta Ćwikła');
		await learner.getByLabel('Urząd lub instytucja').fill('Urząd Miasta Krakowa');
		await learner.getByLabel('Hasło', { exact: true }).fill('pierwsze-haslo-123');
		await learner.getByLabel('Powtórz hasło').fill('pierwsze-haslo-123');
		await learner.getByRole('button', { name: 'Załóż konto' }).click();
		await expect(learner).toHaveURL('/dashboard');

		const anonymous = await (await browser.newContext()).newPage();
		for (const address of [email, 'nie-istnieje@akademia.test']) {
			await gotoReady(anonymous, '/reset-password');
			await expectAccessible(anonymous);
			await anonymous.getByLabel('Adres e-mail').fill(address);
			await anonymous.getByRole('button', { name: 'Wyślij link' }).click();
			await expect(anonymous.getByRole('status')).toHaveText(
				'Jeśli konto z tym adresem istnieje, wysłaliśmy na niego link do ustawienia nowego hasła. Proszę sprawdzić skrzynkę.'
			);
		}
		const reset = await latestOutboxLink(page, email, '/reset-password/');
		await gotoReady(anonymous, reset);
		await anonymous.getByLabel('Nowe hasło').fill('nowe-haslo-456789');
		await anonymous.getByLabel('Powtórz hasło').fill('nowe-haslo-456789');
		await anonymous.getByRole('button', { name: 'Zapisz nowe hasło' }).click();
		await expect(anonymous.getByRole('status')).toContainText('Hasło zmienione');

		// The reset ended the learner's old session.
		await learner.reload();
		await expect(learner).toHaveURL(/\/login/);
		await signIn(anonymous, email, 'nowe-haslo-456789');
		await expect(anonymous).toHaveURL('/dashboard');
	});

	test('changing the password needs the current one and signs out other sessions', async ({ page, browser }) => {
		const email = `zmiana.${Date.now()}@akademia.test`;
		await signIn(page, DEMO.admin);
		await gotoReady(page, '/admin/invitations');
		await page.getByLabel('Adres e-mail').fill(email);
		await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
		await expect(page.getByRole('status')).toContainText(email);
		const invitation = await latestOutboxLink(page, email, '/invitation/');
		const first = await (await browser.newContext()).newPage();
		await gotoReady(first, invitation);
		await first.getByLabel('Imię i nazwisko').fill('Józef Śliwa');
		await first.getByLabel('Urząd lub instytucja').fill('Urząd Gminy Łososina Dolna');
		await first.getByLabel('Hasło', { exact: true }).fill('stare-haslo-1234');
		await first.getByLabel('Powtórz hasło').fill('stare-haslo-1234');
		await first.getByRole('button', { name: 'Załóż konto' }).click();
		await expect(first).toHaveURL('/dashboard');
		const second = await (await browser.newContext()).newPage();
		await signIn(second, email, 'stare-haslo-1234');

		await gotoReady(first, '/account');
		await expectAccessible(first);
		await first.getByLabel('Obecne hasło').fill('zle-haslo-000000');
		await first.getByLabel('Nowe hasło').fill('nowe-haslo-1234');
		await first.getByLabel('Powtórz hasło').fill('nowe-haslo-1234');
		await first.getByRole('button', { name: 'Zmień hasło' }).click();
		await expect(first.getByRole('alert')).toContainText('Obecne hasło jest nieprawidłowe');
		await first.getByLabel('Obecne hasło').fill('stare-haslo-1234');
		await first.getByLabel('Nowe hasło').fill('stare-haslo-1234');
		await first.getByLabel('Powtórz hasło').fill('stare-haslo-1234');
		await first.getByRole('button', { name: 'Zmień hasło' }).click();
		await expect(first.getByRole('alert')).toContainText('Nowe hasło musi różnić się od obecnego');
		await first.getByLabel('Obecne hasło').fill('stare-haslo-1234');
		await first.getByLabel('Nowe hasło').fill('nowe-haslo-1234');
		await first.getByLabel('Powtórz hasło').fill('nowe-haslo-1234');
		await first.getByRole('button', { name: 'Zmień hasło' }).click();
		await expect(first.getByRole('status')).toContainText('Hasło zmienione');
		await first.reload();
		await expect(first).toHaveURL('/account');
		await second.reload();
		await expect(second).toHaveURL(/\/login/);
	});
});
