import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { DEMO, expectAccessible, gotoReady, latestOutboxLink, newLearner, signIn } from './helpers';

const GROUP = 'Kraków – grudzień';
const SCREENS = 'test-results/screens';

async function asAdmin(browser: Browser): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, DEMO.admin);
	return page;
}

/** Invitations and outbox mails for one address, read straight from the e2e server's database. */
function importTraces(email: string) {
	const db = new Database(`test-results/e2e-${process.env.E2E_PORT ?? 4173}.db`, { readonly: true });
	try {
		const count = (sql: string) => (db.prepare(sql).get(email) as { n: number }).n;
		return {
			invitations: count('SELECT count(*) AS n FROM invitations WHERE email = ?'),
			mails: count(`SELECT count(*) AS n FROM mail_outbox WHERE "to" LIKE '%' || ? || '%'`)
		};
	} finally {
		db.close();
	}
}

/** Axe at desktop width and at 360 px, with a screenshot of each for a human look. */
async function checkPage(page: Page, name: string) {
	await page.setViewportSize({ width: 1280, height: 900 });
	await expectAccessible(page);
	await page.screenshot({ path: `${SCREENS}/admin-${name}-desktop.png`, fullPage: true });
	await page.setViewportSize({ width: 360, height: 800 });
	await expectAccessible(page);
	await page.screenshot({ path: `${SCREENS}/admin-${name}-360.png`, fullPage: true });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
	expect(overflow, `${name} scrolls sideways at 360 px`).toBe(false);
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function acceptInvitation(browser: Browser, admin: Page, email: string, name: string) {
	const link = await latestOutboxLink(admin, email, '/invitation/');
	const page = await (await browser.newContext()).newPage();
	await gotoReady(page, link);
	await page.getByLabel('Imię i nazwisko').fill(name);
	await page.getByLabel('Urząd lub instytucja').fill('Urząd Gminy Testowo');
	await page.getByLabel('Hasło', { exact: true }).fill('haslo-testowe-123');
	await page.getByLabel('Powtórz hasło').fill('haslo-testowe-123');
	await page.getByRole('button', { name: 'Załóż konto' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/invitation'));
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	return page;
}

test.describe.serial('administration', () => {
	// Axe and two full-page screenshots per page take a while on a shared 2-core machine.
	test.setTimeout(120_000);
	let sessionPath = '';

	test('the admin creates a group with a trainer', async ({ browser }) => {
		const admin = await asAdmin(browser);
		await gotoReady(admin, '/admin');
		// The state of the academy: the demo graduate's certificate counts this month, chart and table agree.
		await expect(admin.getByRole('heading', { level: 2, name: 'Stan Akademii' })).toBeVisible();
		await expect(admin.getByRole('heading', { level: 3, name: 'Najbliższe szkolenia' })).toBeVisible();
		// The demo's upcoming trainings are listed with their seats.
		await expect(admin.getByText(/wolne miejsca: \d+/).first()).toBeVisible();
		await expect(admin.getByRole('img', { name: 'Zaświadczenia wydane w kolejnych miesiącach' })).toBeVisible();
		const months = admin.getByRole('table', {
			name: 'Zaświadczenia wydane w kolejnych miesiącach',
			includeHidden: true
		});
		// The table sits in a closed <details>: read its text content, not the rendered text.
		const issued = await months.locator('tbody tr td:nth-child(3)').allTextContents();
		expect(issued.reduce((sum, n) => sum + Number(n), 0)).toBeGreaterThan(0);
		await checkPage(admin, 'home');
		await admin.getByRole('link', { name: 'Grupy', exact: true }).click();
		await expect(admin.getByRole('heading', { level: 1, name: 'Grupy' })).toBeVisible();
		await admin.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expect(admin.getByRole('rowheader', { name: 'Grupa pilotażowa — Małopolska' })).toBeVisible();
		await checkPage(admin, 'groups');

		// Empty form: translated errors, nothing created.
		await admin.getByRole('button', { name: 'Utwórz grupę' }).click();
		await expect(admin.getByRole('alert')).toContainText('To pole jest wymagane.');

		await admin.getByLabel('Nazwa grupy').fill(GROUP);
		await admin.getByLabel('Kurs').selectOption('protokol-dyplomatyczny');
		// A group needs someone to run it.
		await admin.getByRole('button', { name: 'Utwórz grupę' }).click();
		await expect(admin.getByRole('alert')).toContainText('Proszę wybrać co najmniej jednego trenera');
		await expect(admin.getByLabel('Nazwa grupy')).toHaveValue(GROUP);
		await admin.getByLabel(/Tomasz Trenerski/).check();
		await admin.getByRole('button', { name: 'Utwórz grupę' }).click();
		await expect(admin.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
		await expect(admin.getByRole('button', { name: 'Usuń: Tomasz Trenerski' })).toBeVisible();
		await checkPage(admin, 'group');
	});

	test('a file with problems is previewed row by row and writes nothing; the fixed file imports', async ({
		browser
	}) => {
		const admin = await asAdmin(browser);
		await gotoReady(admin, '/admin/import');
		await checkPage(admin, 'import');
		await admin.getByLabel('Plik CSV').setInputFiles('tests/fixtures/staff-with-problems.csv');
		await admin.getByRole('button', { name: 'Pokaż podgląd' }).click();
		const table = admin.getByRole('table', { name: /Wiersze pliku: 5/ });
		await expect(table).toBeVisible();
		await expect(admin.getByText('Wiersze z problemami: 4 z 5. Nic nie zostało zapisane.')).toBeVisible();
		const row = (n: number) =>
			table.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: String(n), exact: true }) });
		await expect(row(2)).toContainText('Nieprawidłowy adres e-mail.');
		await expect(row(3)).toContainText('formuła arkusza');
		await expect(row(4)).toContainText('Brak grupy.');
		await expect(row(5)).toContainText('bez problemów');
		await expect(row(6)).toContainText('Powtórzony adres e-mail (jak w wierszu 5).');
		await expect(admin.getByRole('button', { name: /Zaproś osoby z pliku/ })).toHaveCount(0);
		await checkPage(admin, 'import-problems');

		await gotoReady(admin, '/admin/users?q=urzad.test');
		await expect(admin.getByText('Brak oczekujących zaproszeń.')).toBeVisible();
		// Nothing written, checked in the database too: no invitation and no mail for any address of the file.
		const problemFile = readFileSync('tests/fixtures/staff-with-problems.csv', 'utf8');
		const problemEmails = ['nie-email', 'x@urzad.test', 'j.brak@urzad.test', 'l.zolkiewska@gmina-przykladowa.test'];
		for (const email of problemEmails) expect(problemFile).toContain(`;${email};`);
		for (const email of problemEmails)
			expect({ email, ...importTraces(email) }).toEqual({ email, invitations: 0, mails: 0 });

		// The same list fixed, saved as plain "CSV" from Polish Excel (Windows-1250).
		const fixed = readFileSync('tests/fixtures/staff-with-problems.csv', 'utf8')
			.replace('nie-email', 'm.kowalska@urzad.test')
			.replace(
				'"=HYPERLINK(""http://urzad.test"";""klik"")";x@urzad.test;=1+1;',
				'Xawery Nowicki;x@urzad.test;Urząd Miasta Testowo;'
			)
			.replace(
				'j.brak@urzad.test;Urząd Gminy Przykładowa;\r\n',
				`j.brak@urzad.test;Urząd Gminy Przykładowa;${GROUP}\r\n`
			)
			.replace(/(Łucja[^\r\n]*\r\n)\1/, '$1');
		await gotoReady(admin, '/admin/import');
		await admin.getByLabel('Plik CSV').setInputFiles({
			name: 'lista.csv',
			mimeType: 'text/csv',
			buffer: iconv.encode(fixed, 'win1250')
		});
		await admin.getByRole('button', { name: 'Pokaż podgląd' }).click();
		await expect(admin.getByText('Rozpoznano: kodowanie Windows-1250, separator średnik (;).')).toBeVisible();
		await expect(admin.getByText('Wszystkie wiersze są poprawne (4).')).toBeVisible();
		await checkPage(admin, 'import-ready');
		await admin.getByRole('button', { name: 'Zaproś osoby z pliku (4)' }).click();
		await expect(admin.getByText('Utworzono zaproszenia: 4.')).toBeVisible();
		// The same database queries do see a real import, so their zeros above mean something.
		await expect.poll(() => importTraces('x@urzad.test')).toEqual({ invitations: 1, mails: 1 });

		await gotoReady(admin, '/admin/users?q=urzad.test');
		const pending = admin.getByRole('table', { name: /Oczekujące zaproszenia: 3/ });
		await expect(pending.getByRole('rowheader', { name: 'Maria Kowalska' })).toBeVisible();
		await expect(pending.getByRole('row', { name: /Jan Brak Grupy/ })).toContainText(GROUP);

		// One of them accepts: an account in the users list.
		const maria = await acceptInvitation(browser, admin, 'm.kowalska@urzad.test', 'Maria Kowalska');
		await expect(maria).toHaveURL('/dashboard');
		await gotoReady(admin, '/admin/users?q=kowalska');
		await expect(
			admin.getByRole('table', { name: /Konta/ }).getByRole('link', { name: 'Maria Kowalska' })
		).toBeVisible();
		await checkPage(admin, 'users');
	});

	test('members and a live session are added; the trainer marks attendance', async ({ browser }) => {
		const { email } = await newLearner(browser, 'Zofia Członkowska');
		const admin = await asAdmin(browser);
		await gotoReady(admin, '/admin/groups');
		await admin.getByRole('link', { name: GROUP }).click();
		await expect(admin.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
		await admin.getByLabel('Adresy e-mail uczestników').fill('nikt@akademia.test');
		await admin.getByRole('button', { name: 'Dodaj do grupy' }).click();
		await expect(admin.getByRole('alert')).toContainText('Nie ma kont z tymi adresami: nikt@akademia.test');
		await admin.getByLabel('Adresy e-mail uczestników').fill(email);
		await admin.getByRole('button', { name: 'Dodaj do grupy' }).click();
		await expect(admin.getByRole('status')).toContainText('Dodano do grupy i zapisano na kurs: 1.');
		await expect(admin.getByRole('table', { name: 'Uczestnicy grupy' })).toContainText('Zofia Członkowska');

		await admin.getByLabel('Tytuł spotkania').fill('Spotkanie 1: ceremoniał');
		await admin.getByLabel('Data').fill('2026-01-15');
		await admin.getByLabel('Godzina').fill('10:00');
		await admin.getByLabel('Miejsce').fill('Kraków, sala 12');
		await admin
			.getByRole('group', { name: /Moduły do ukończenia/ })
			.getByRole('checkbox')
			.first()
			.check();
		await admin.getByRole('button', { name: 'Dodaj spotkanie' }).click();
		await expect(admin.getByRole('status')).toContainText('Dodano spotkanie.');
		await expect(admin.getByRole('heading', { name: 'Spotkanie 1: ceremoniał' })).toBeVisible();
		await expect(admin.getByText(/15 stycznia 2026.*10:00/)).toBeVisible();
		sessionPath = (await admin.getByRole('link', { name: 'Obecność: Spotkanie 1: ceremoniał' }).getAttribute('href'))!;
		expect(sessionPath).toMatch(/^\/attendance\//);
		await checkPage(admin, 'group-filled');

		const trainer = await (await browser.newContext()).newPage();
		await signIn(trainer, DEMO.trainer);
		await gotoReady(trainer, '/attendance');
		await checkPage(trainer, 'attendance-list');
		await trainer.getByRole('link', { name: 'Spotkanie 1: ceremoniał' }).click();
		await expect(trainer.getByRole('heading', { level: 1 })).toHaveText('Obecność: Spotkanie 1: ceremoniał');
		await trainer.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await checkPage(trainer, 'attendance');
		await trainer.getByLabel(/Zofia Członkowska/).check();
		await trainer.getByRole('button', { name: 'Zapisz obecność' }).click();
		await expect(trainer.getByRole('status')).toHaveText('Zapisano obecność. Obecnych: 1.');
		await gotoReady(trainer, sessionPath);
		await expect(trainer.getByLabel(/Zofia Członkowska/)).toBeChecked();
	});

	test('a trainer of another group gets 403 on that attendance page', async ({ browser }) => {
		const admin = await asAdmin(browser);
		const email = `trener.${Date.now()}@akademia.test`;
		await gotoReady(admin, '/admin/invitations');
		await admin.getByLabel('Adres e-mail').fill(email);
		await admin.getByLabel('Rola').selectOption('trainer');
		await admin.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
		await expect(admin.getByRole('status')).toContainText(email);
		await checkPage(admin, 'invite');
		const other = await acceptInvitation(browser, admin, email, 'Olga Obca');
		const response = await other.goto(sessionPath);
		expect(response?.status()).toBe(403);
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Błąd 403');
		const origin = new URL(other.url()).origin;
		const save = await other.request.post(sessionPath, { form: { attended: 'x' }, headers: { origin } });
		expect(save.status()).toBe(403);
	});

	test('removing a member asks first and says what it removes, without JavaScript too', async ({ browser }) => {
		const { email } = await newLearner(browser, 'Wiesława Wypisana');
		const admin = await asAdmin(browser);
		await gotoReady(admin, '/admin/groups');
		await admin.getByRole('link', { name: GROUP }).click();
		await admin.getByLabel('Adresy e-mail uczestników').fill(email);
		await admin.getByRole('button', { name: 'Dodaj do grupy' }).click();
		await expect(admin.getByRole('table', { name: 'Uczestnicy grupy' })).toContainText('Wiesława Wypisana');
		const groupUrl = admin.url();

		const context = await browser.newContext({
			javaScriptEnabled: false,
			storageState: await admin.context().storageState()
		});
		const plain = await context.newPage();
		await plain.goto(groupUrl);
		const row = plain.getByRole('row', { name: /Wiesława Wypisana/ });
		// The first click only asks, naming the person and what stays.
		await row.locator('summary').click();
		const question = row.getByRole('group', { name: 'Usuń: Wiesława Wypisana' });
		await expect(question).toContainText('zostanie usunięta z grupy');
		await expect(question).toContainText('postępy w kursie i zaświadczenia zostają');
		await question.getByRole('button', { name: 'Tak, usuń' }).click();
		await expect(plain.getByRole('status')).toContainText('Usunięto osobę z grupy');
		await expect(plain.getByRole('table', { name: 'Uczestnicy grupy' })).not.toContainText('Wiesława Wypisana');
		await context.close();
	});

	test('people ticked on the users list join a group in one step', async ({ browser }) => {
		const { email } = await newLearner(browser, 'Barbara Zbiorcza');
		const admin = await asAdmin(browser);
		await gotoReady(admin, `/admin/users?q=${encodeURIComponent('Barbara Zbiorcza')}`);
		await admin.getByLabel('Zaznacz: Barbara Zbiorcza').check();
		await admin.getByLabel('Co zrobić').selectOption('group');
		await admin.getByRole('group', { name: 'Zaznaczone osoby' }).getByLabel('Grupa').selectOption({ label: GROUP });
		await admin.getByRole('button', { name: 'Wykonaj dla zaznaczonych' }).click();
		await expect(admin.getByRole('status').filter({ hasText: 'Dodano do grupy' })).toContainText(
			'Dodano do grupy i zapisano na kurs: 1.'
		);
		await gotoReady(admin, '/admin/groups');
		await admin.getByRole('link', { name: GROUP }).click();
		await expect(admin.getByRole('table', { name: 'Uczestnicy grupy' })).toContainText(email);
	});

	test('a course deadline shows on the dashboard and, once passed, in the trainer’s table', async ({ browser }) => {
		const learner = await newLearner(browser, 'Teresa Terminowa');
		const admin = await asAdmin(browser);
		await gotoReady(admin, '/admin/groups');
		await admin.getByRole('link', { name: GROUP }).click();
		await admin.getByLabel('Adresy e-mail uczestników').fill(learner.email);
		await admin.getByRole('button', { name: 'Dodaj do grupy' }).click();
		await expect(admin.getByRole('table', { name: 'Uczestnicy grupy' })).toContainText('Teresa Terminowa');
		// A date field cannot hold 30 February; a hand-made request can, and gets a clear 400 that changes nothing.
		const origin = new URL(admin.url()).origin;
		const bad = await admin.request.post(`${new URL(admin.url()).pathname}?/deadline`, {
			form: { finish_by: '2030-02-30' },
			headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		const answer = await bad.json();
		expect(answer).toMatchObject({ type: 'failure', status: 400 });
		expect(JSON.stringify(answer)).toContain('Proszę podać prawdziwą datę');
		await admin.getByLabel('Ukończyć do (włącznie)').fill('2026-01-31');
		await admin.getByRole('button', { name: 'Zapisz termin' }).click();
		await expect(admin.getByRole('status')).toContainText('Zapisano termin ukończenia kursu.');

		await gotoReady(learner.page, '/dashboard');
		await expect(learner.page.getByText('Termin ukończenia minął 31.01.2026')).toBeVisible();

		const trainer = await (await browser.newContext()).newPage();
		await signIn(trainer, DEMO.trainer);
		await gotoReady(trainer, '/trainer');
		await trainer.getByRole('link', { name: GROUP }).click();
		await expect(trainer.getByText('Termin ukończenia kursu: 31.01.2026')).toBeVisible();
		const row = trainer.getByRole('row', { name: /Teresa Terminowa/ });
		await expect(row).toContainText('Po terminie ukończenia');
	});

	test('a disabled user is signed out and cannot sign in; enabling restores access', async ({ browser }) => {
		const learner = await newLearner(browser, 'Wiktor Wyłączony');
		const admin = await asAdmin(browser);
		await gotoReady(admin, `/admin/users?q=${encodeURIComponent(learner.email)}`);
		await admin.getByRole('link', { name: 'Wiktor Wyłączony' }).click();
		await expect(admin.getByRole('heading', { level: 1, name: 'Wiktor Wyłączony' })).toBeVisible();
		await admin.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await checkPage(admin, 'user');
		await admin.getByRole('button', { name: 'Wyłącz konto' }).click();
		await expect(admin.getByRole('status')).toContainText('Konto wyłączone.');

		await gotoReady(learner.page, '/dashboard');
		await expect(learner.page).toHaveURL(/\/login\?next=/);
		await learner.page.getByLabel('Adres e-mail').fill(learner.email);
		await learner.page.getByLabel('Hasło', { exact: true }).fill(learner.password);
		await learner.page.getByRole('button', { name: 'Zaloguj się' }).click();
		await expect(learner.page.getByRole('alert')).toHaveText('Nieprawidłowy adres e-mail lub hasło.');

		// Details are edited on the same page.
		await admin.getByLabel('Urząd lub instytucja').fill('Urząd Miasta Nowy Sącz');
		await admin.getByRole('button', { name: 'Zapisz zmiany' }).click();
		await expect(admin.getByRole('status')).toHaveText('Zapisano zmiany.');
		await admin.getByRole('button', { name: 'Włącz konto' }).click();
		await expect(admin.getByRole('status')).toContainText('Konto włączone.');
		await signIn(learner.page, learner.email, learner.password);
		await expect(learner.page).toHaveURL('/dashboard');
	});

	test('admin pages refuse trainers; attendance pages refuse learners', async ({ browser }) => {
		const trainer = await (await browser.newContext()).newPage();
		await signIn(trainer, DEMO.trainer);
		for (const path of ['/admin/users', '/admin/import', '/admin/groups', '/admin/invitations']) {
			const response = await trainer.goto(path);
			expect(response?.status(), path).toBe(403);
		}
		const learner = await newLearner(browser);
		for (const path of ['/attendance', sessionPath]) {
			const response = await learner.page.goto(path);
			expect(response?.status(), path).toBe(403);
		}
	});
});
