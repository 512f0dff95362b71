// RODO in the browser: a learner downloads their data; an admin anonymises a person, who then cannot sign in and
// whose certificate keeps existing without the name.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createFixtures, openServerDb, type Fixtures } from './fixtures';
import { DEMO, expectAccessible, gotoReady, signIn } from './helpers';

let fx: Fixtures;
test.beforeAll(() => {
	fx = createFixtures();
});

test('a learner downloads all their data as JSON from the account page', async ({ page }) => {
	await signIn(page, fx.people.learner.email);
	await gotoReady(page, '/account');
	await expectAccessible(page);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Pobierz moje dane' }).click();
	const file = await (await download).path();
	const data = JSON.parse(readFileSync(file, 'utf8'));
	expect(data.format).toBe('akademia-personal-data/1');
	expect(data.profile).toMatchObject({ id: fx.people.learner.id, email: fx.people.learner.email });
	expect(data.certificates).toHaveLength(1);
	expect(data.enrolments).toHaveLength(1);
	expect(JSON.stringify(data)).not.toMatch(/argon2|password_hash|passwordHash/);
});

test('an admin anonymises a person after confirming; the person can no longer sign in', async ({ page, browser }) => {
	const person = fx.people.learner;
	await signIn(page, DEMO.admin);
	await gotoReady(page, '/admin/privacy');
	await expectAccessible(page);
	await page.getByLabel('Adres e-mail').fill('nie-ma-takiej@akademia.test');
	await page.getByRole('button', { name: 'Znajdź osobę' }).click();
	await expect(page.getByRole('alert')).toContainText('Nie ma konta z tym adresem e-mail.');

	await page.getByLabel('Adres e-mail').fill(person.email.toUpperCase());
	await page.getByRole('button', { name: 'Znajdź osobę' }).click();
	await expect(page.getByRole('heading', { name: 'Znaleziona osoba' })).toBeVisible();
	await expect(page.getByText('Lena Właścicielka')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Zanonimizuj' }).click();
	await expect(page.getByRole('alert')).toContainText('Proszę zaznaczyć potwierdzenie');
	await page.getByLabel('Potwierdzam, że chcę trwale zanonimizować tę osobę').check();
	await page.getByRole('button', { name: 'Zanonimizuj' }).click();
	await expect(page.getByRole('status')).toContainText('Osoba została zanonimizowana');

	const db = openServerDb();
	try {
		const row = db
			.prepare('select name, email, organisation, password_hash, anonymised_at from users where id = ?')
			.get(person.id);
		expect(row).toMatchObject({ name: 'Osoba zanonimizowana', email: null, organisation: '', password_hash: null });
		expect(db.prepare('select name_as_printed from certificates where id = ?').get(fx.certificateId)).toEqual({
			name_as_printed: ''
		});
		expect(db.prepare('select count(*) as n from group_members where user_id = ?').get(person.id)).toEqual({ n: 1 });
		expect(db.prepare('select count(*) as n from sessions where user_id = ?').get(person.id)).toEqual({ n: 0 });
		expect(
			db.prepare("select actor_id from audit_log where action = 'user.anonymised' and subject_id = ?").get(person.id)
		).toEqual({ actor_id: fx.people.admin.id });
	} finally {
		db.close();
	}

	const guest = await (await browser.newContext()).newPage();
	await gotoReady(guest, '/login');
	await guest.getByLabel('Adres e-mail').fill(person.email);
	await guest.getByLabel('Hasło', { exact: true }).fill('akademia-demo');
	await guest.getByRole('button', { name: 'Zaloguj się' }).click();
	await expect(guest.getByRole('alert')).toHaveText('Nieprawidłowy adres e-mail lub hasło.');
	await guest.context().close();
});

test('the accessibility statement is public and complete with defaults, without placeholders', async ({ page }) => {
	await gotoReady(page, '/login');
	await page.getByRole('link', { name: 'Deklaracja dostępności' }).click();
	await expect(page).toHaveURL('/dostepnosc');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deklaracja dostępności');
	for (const heading of [
		'Daty publikacji i aktualizacji',
		'Status pod względem zgodności z ustawą',
		'Treści niedostępne',
		'Przygotowanie deklaracji dostępności',
		'Informacje zwrotne i dane kontaktowe',
		'Procedura wnioskowo-skargowa',
		'Dostępność architektoniczna',
		'Aplikacje mobilne'
	])
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	await expect(
		page.getByText('ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej', { exact: false })
	).toBeVisible();
	// A complete statement with defaults: the institution's one name, real dates, no placeholders, no setting names.
	await expect(page.locator('#a11y-wstep')).toContainText('Akademia współpracy międzynarodowej samorządów');
	const text = await page.locator('main').innerText();
	expect(text).not.toMatch(/do uzupełnienia|\[|A11Y_|SMTP_URL/);
	await expect(page.getByText(/Data publikacji aplikacji: \d{1,2} [a-ząćęłńóśźż]+ \d{4}/)).toBeVisible();
	await expectAccessible(page);
});
