// Live trainings end to end: an organiser creates a training with one seat, two people register from the public
// page, the confirmation comes through the outbox, the first cancels with the link from their mail and the
// waitlisted person is promoted, the organiser turns confirmed registrants into the group's learners, and the
// trainer downloads the session's sign-in sheet.
import { expect, test, type Browser } from '@playwright/test';
import { DEMO, gotoReady, latestOutboxLink, signIn } from './helpers';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function adminPage(browser: Browser) {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, DEMO.admin);
	return page;
}

test('register, confirm by mail, cancel and promote, enrol into the group, print the sign-in sheet', async ({
	browser
}) => {
	const stamp = Date.now();
	const title = `Szkolenie e2e ${stamp}`;
	const first = `pierwsza.${stamp}@gmina.test`;
	const second = `druga.${stamp}@gmina.test`;

	// The organiser creates the training (1 seat) and its day.
	const admin = await adminPage(browser);
	await gotoReady(admin, '/admin/trainings');
	await admin.getByLabel('Tytuł').fill(title);
	await admin.getByLabel('Treść zaproszenia').fill('Zapraszamy na szkolenie testowe.');
	await admin.getByLabel('Miejsce (adres)').fill('Kraków, sala 3');
	await admin.getByLabel('Liczba miejsc').fill('1');
	await admin.getByLabel('Termin zgłoszeń: dzień').fill(isoDate(Date.now() + 20 * DAY));
	await admin.getByRole('checkbox', { name: /Protokół dyplomatyczny/ }).check();
	await admin.getByLabel('Trener grupy').selectOption({ label: 'Tomasz Trenerski (trener@akademia.test)' });
	await admin.getByRole('button', { name: 'Utwórz szkolenie' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const trainingPath = new URL(admin.url()).pathname;
	await admin.getByLabel('Dzień', { exact: true }).fill(isoDate(Date.now() + 30 * DAY));
	await admin.getByLabel('Początek').fill('09:00');
	await admin.getByLabel('Koniec').fill('15:00');
	await admin.locator('#field-programme').fill('09:00-10:30 | Precedencja w praktyce | Tomasz Trenerski');
	await admin.getByRole('button', { name: 'Dodaj dzień' }).click();
	await expect(admin.getByRole('status')).toContainText('Dzień dodany');
	const slug = (await admin.getByRole('link', { name: 'Strona publiczna' }).getAttribute('href'))!.split('/').pop()!;

	// Two people register from the public page, without an account.
	const visitor = await (await browser.newContext()).newPage();
	for (const [email, last] of [
		[first, 'Pierwsza'],
		[second, 'Druga']
	]) {
		await gotoReady(visitor, '/trainings');
		await visitor.getByRole('link', { name: title }).click();
		await expect(visitor.getByRole('cell', { name: 'Precedencja w praktyce' })).toBeVisible();
		await visitor.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await visitor.getByLabel('Imię').fill('Anna');
		await visitor.getByLabel('Nazwisko').fill(last);
		await visitor.getByLabel('Urząd (nazwa jednostki samorządu)').fill('Urząd Gminy Testowo');
		await visitor.getByRole('radio', { name: 'gmina' }).check();
		await visitor.getByLabel('Służbowy adres e-mail').fill(email);
		// Without consent nothing is written.
		await visitor.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect(visitor.getByRole('alert')).toContainText('Bez zgody na przetwarzanie danych');
		await visitor.getByRole('checkbox', { name: /Wyrażam zgodę/ }).check();
		await visitor.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
		await expect(visitor.getByRole('status')).toContainText(
			email === first ? 'Miejsce jest potwierdzone' : 'na pozycji 1'
		);
		// The answer replaces the card and takes the focus, so nobody is left on the top of the page.
		await expect(visitor.getByRole('status')).toBeFocused();
	}

	// The same address cannot register twice.
	await gotoReady(visitor, `/trainings/${slug}`);
	await visitor.getByLabel('Imię').fill('Anna');
	await visitor.getByLabel('Nazwisko').fill('Pierwsza');
	await visitor.getByLabel('Urząd (nazwa jednostki samorządu)').fill('Urząd Gminy Testowo');
	await visitor.getByRole('radio', { name: 'gmina' }).check();
	await visitor.getByLabel('Służbowy adres e-mail').fill(first);
	await visitor.getByRole('checkbox', { name: /Wyrażam zgodę/ }).check();
	await visitor.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
	await expect(visitor.getByRole('alert')).toContainText('już zgłoszony');

	// The confirmation is in the outbox with its calendar invitation; its link cancels.
	await gotoReady(admin, '/admin/outbox');
	const confirmation = admin.locator('article', { hasText: first }).filter({ hasText: 'Potwierdzenie udziału' });
	await expect(confirmation).toContainText('invite.ics');
	const cancelPath = await latestOutboxLink(admin, first, '/cancel/');
	await gotoReady(visitor, cancelPath);
	await visitor.getByRole('button', { name: 'Tak, rezygnuję' }).click();
	await expect(visitor.getByRole('status')).toContainText('Rezygnacja została przyjęta');

	// The waitlisted person was promoted in the same step, and told.
	await gotoReady(admin, '/admin/outbox');
	await expect(
		admin.locator('article', { hasText: second }).filter({ hasText: 'zwolniło się miejsce' }).first()
	).toContainText('invite.ics');
	await gotoReady(admin, trainingPath);
	const table = admin.getByRole('table', { name: 'Zgłoszenia na szkolenie' });
	await expect(table.getByRole('row', { name: /Druga/ })).toContainText('potwierdzone');
	await expect(table.getByRole('row', { name: /Pierwsza/ })).toContainText('anulowane');

	// The organiser turns confirmed registrants into the group's learners: no account yet, so an invitation.
	await admin.getByRole('button', { name: 'Zrób z potwierdzonych uczestników kursantów grupy' }).click();
	await expect(admin.getByRole('status')).toContainText('zaproszono: 1');
	const invitation = await latestOutboxLink(admin, second, '/invitation/');
	expect(invitation).toMatch(/^\/invitation\//);

	// The group's trainer prints the sign-in sheet of the session.
	await gotoReady(admin, trainingPath);
	const sheetHref = (await admin.getByRole('link', { name: 'Lista obecności (PDF)' }).getAttribute('href'))!;
	const trainer = await (await browser.newContext()).newPage();
	await signIn(trainer, DEMO.trainer);
	const attendancePath = sheetHref.replace('/sign-in-sheet.pdf', '');
	await gotoReady(trainer, attendancePath);
	await expect(trainer.getByText('Obecność można zapisać dopiero po rozpoczęciu spotkania.')).toBeVisible();
	const download = trainer.waitForEvent('download');
	await trainer.getByRole('link', { name: 'Lista obecności do podpisu (PDF)' }).click();
	const file = await download;
	const path = await file.path();
	const { readFileSync } = await import('node:fs');
	const bytes = readFileSync(path);
	expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

	// The public calendar carries the day with a stable UID.
	const ics = await visitor.request.get(`/trainings/${slug}/calendar.ics`);
	expect(ics.status()).toBe(200);
	const text = await ics.text();
	expect(text).toContain('METHOD:PUBLISH\r\n');
	expect(text).toMatch(/UID:training-day-[a-z0-9]+@akademia/);
});
