import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import { DEMO, expectAccessible, gotoReady, latestOutboxLink, signIn } from './helpers';

const GROUP = 'Grupa pilotażowa — Małopolska';
const SHOTS = 'test-results/trainer-shots';

/** axe at desktop width and at 360 px, with a screenshot of each for a human look. */
async function checkPage(page: Page, name: string) {
	await page.setViewportSize({ width: 1280, height: 900 });
	await expectAccessible(page);
	await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
	await page.screenshot({ path: `${SHOTS}/${name}-desktop-top.png` });
	await page.setViewportSize({ width: 360, height: 800 });
	await expectAccessible(page);
	// Nothing but the wide tables (which scroll inside their own region) may push the page sideways.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await page.screenshot({ path: `${SHOTS}/${name}-360.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function openGroup(page: Page): Promise<string> {
	await signIn(page, DEMO.trainer);
	await gotoReady(page, '/trainer');
	await page.getByRole('link', { name: GROUP }).click();
	await page.waitForURL(/\/trainer\/groups\/[^/]+$/);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	return new URL(page.url()).pathname;
}

/**
 * The group's first submitted attempt per learner at a quiz, read from the e2e database: how many, and per
 * question how many attempts showed it (their layout) and the sum of its scores (an unanswered one scores 0).
 */
function firstAttemptItems(groupId: string, quizSlug: string) {
	const db = new Database(`test-results/e2e-${process.env.E2E_PORT ?? 4173}.db`, { readonly: true });
	try {
		const { course } = db.prepare('SELECT course_slug AS course FROM groups WHERE id = ?').get(groupId) as {
			course: string;
		};
		const attempts = db
			.prepare(
				`SELECT qa.id, qa.layout, qa.content_version AS version FROM quiz_attempts qa
				 JOIN group_members gm ON gm.user_id = qa.user_id AND gm.group_id = ?
				 WHERE qa.course_slug = ? AND qa.quiz_slug = ? AND qa.submitted_at IS NOT NULL
				   AND NOT EXISTS (SELECT 1 FROM quiz_attempts e WHERE e.user_id = qa.user_id
				     AND e.course_slug = qa.course_slug AND e.quiz_slug = qa.quiz_slug AND e.submitted_at IS NOT NULL
				     AND (e.started_at < qa.started_at OR (e.started_at = qa.started_at AND e.id < qa.id)))`
			)
			.all(groupId, course, quizSlug) as { id: string; layout: string; version: string }[];
		// One content version in the demo data, so "first attempt" needs no choice of version.
		expect(new Set(attempts.map((a) => a.version)).size).toBeLessThanOrEqual(1);
		const score = db.prepare('SELECT score FROM quiz_responses WHERE attempt_id = ? AND question_id = ?');
		const item = (questionId: string) => {
			let shown = 0;
			let total = 0;
			for (const a of attempts) {
				if (!(JSON.parse(a.layout) as { questionId: string }[]).some((l) => l.questionId === questionId)) continue;
				shown++;
				total += (score.get(a.id, questionId) as { score: number | null } | undefined)?.score ?? 0;
			}
			return { shown, total };
		};
		// Read every question now: the connection closes when this returns.
		const ids = new Set(
			attempts.flatMap((a) => (JSON.parse(a.layout) as { questionId: string }[]).map((l) => l.questionId))
		);
		const items = new Map([...ids].map((q) => [q, item(q)]));
		return { attempts: attempts.length, item: (q: string) => items.get(q) ?? { shown: 0, total: 0 } };
	} finally {
		db.close();
	}
}

test.describe('trainer reports', () => {
	test('the demo trainer sees their group with course, members and the next session', async ({ page }) => {
		await signIn(page, DEMO.trainer);
		await gotoReady(page, '/trainer');
		const row = page.getByRole('row', { name: new RegExp(GROUP) });
		await expect(row).toContainText('Protokół dyplomatyczny');
		await expect(row.getByRole('cell').nth(1)).toHaveText(/^\d+$/);
		await checkPage(page, 'groups');
	});

	test('the progress matrix shows who is behind, in words, and sorts without JavaScript', async ({ page }) => {
		const path = await openGroup(page);
		await expect(page.getByRole('heading', { level: 1, name: GROUP })).toBeVisible();
		const matrix = page.getByRole('table', { name: /Postępy uczestników/ });
		await expect(matrix).toBeVisible();
		const anna = matrix.getByRole('row', { name: /Anna Kowalczyk/ });
		await expect(anna).toContainText('Na bieżąco');
		await expect(anna).toContainText('lekcje: 3 z 3');
		await expect(anna).toContainText('zaliczony');
		const katarzyna = matrix.getByRole('row', { name: /Katarzyna Dąbrowska/ });
		await expect(katarzyna).toContainText('Zaległości');
		await expect(katarzyna).toContainText('test: brak podejścia');
		await expect(page.getByText(/Uczestnicy z zaległościami przed spotkaniem: \d+ z \d+\./)).toBeVisible();
		await checkPage(page, 'group');
		// Printed (A4 landscape is about 1123 px wide), nothing scrolls away: every module column is on the page.
		const viewport = page.viewportSize()!;
		await page.setViewportSize({ width: 1123, height: 794 });
		await page.emulateMedia({ media: 'print' });
		const region = page.getByRole('region', { name: 'Postępy grupy' });
		const { scroll, client } = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
		expect(scroll).toBeLessThanOrEqual(client);
		await page.emulateMedia({ media: 'screen' });
		await page.setViewportSize(viewport);

		await page.getByRole('link', { name: 'Przed spotkaniem' }).click();
		await page.waitForURL(/sort=behind&dir=desc/);
		await expect(matrix.getByRole('columnheader', { name: 'Przed spotkaniem' })).toHaveAttribute(
			'aria-sort',
			'descending'
		);
		await expect(matrix.locator('tbody tr').first()).toContainText('Zaległości');
		await expect(matrix.locator('tbody tr').last()).toContainText('Na bieżąco');

		// Without JavaScript the sort is the same (the server sorts).
		const context = await page
			.context()
			.browser()!
			.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
		const plain = await context.newPage();
		await plain.goto(`${path}?sort=name&dir=desc`);
		const names = await plain.locator('table tbody th a').allInnerTexts();
		// By surname, then first name, in Polish alphabetical order (descending here).
		const surnameFirst = (name: string) => `${name.split(' ').at(-1)} ${name}`;
		expect(names).toEqual([...names].sort((a, b) => surnameFirst(b).localeCompare(surnameFirst(a), 'pl')));
		await context.close();
	});

	test('those behind get one reminder mail, previewed first, at most once a day', async ({ page }) => {
		await openGroup(page);
		await page.getByRole('link', { name: 'Przypomnij zaległym' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Przypomnienie dla osób z zaległościami' })).toBeVisible();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expect(page.getByRole('listitem').filter({ hasText: 'Katarzyna Dąbrowska' })).toBeVisible();
		await expect(page.getByText('Temat:')).toBeVisible();
		const send = page.getByRole('button', { name: /Wyślij przypomnienia \(liczba adresatów: (\d+)\)/ });
		const count = Number(/(\d+)\)$/.exec((await send.textContent())!.trim())![1]);
		await send.click();
		await expect(page.getByRole('status')).toHaveText(`Wysłano przypomnienia (liczba adresatów: ${count}).`);
		// The same day nobody is due again.
		await expect(page.getByText(/Nikt nie czeka teraz na przypomnienie/)).toBeVisible();
		const db = new Database(`test-results/e2e-${process.env.E2E_PORT ?? 4173}.db`, { readonly: true });
		const mails = db
			.prepare(
				"SELECT count(*) AS n FROM mail_outbox WHERE \"to\" = 'katarzyna.demo@akademia.test' AND subject LIKE 'Akademia: moduły do ukończenia%'"
			)
			.get() as { n: number };
		db.close();
		expect(mails.n).toBe(1);
	});

	test('the item analysis of the first module quiz shows the numbers, a chart and its table', async ({ page }) => {
		const groupId = (await openGroup(page)).split('/').pop()!;
		await page.getByRole('link', { name: '1. Podstawy prawne współpracy zagranicznej – sprawdź się' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Podstawy prawne');
		await expect(page.getByText('Pokazujemy pierwsze podejście każdej osoby.')).toBeVisible();
		await expect(page.getByRole('img', { name: 'Rozkład wyników' })).toBeVisible();
		await page.getByText('Rozkład wyników w tabeli').click();
		await expect(page.getByRole('table', { name: 'Rozkład wyników' })).toBeVisible();
		await expect(page.getByText('Wskaźnik łatwości').first()).toBeVisible();
		await expect(page.getByText('Wskaźnik różnicujący').first()).toBeVisible();
		// One heading per question of the module pool (the demo learners answered every question of it).
		await expect(page.getByRole('heading', { level: 3 })).toHaveCount(15);
		// Ten demo learners took it once: enough for no reliability warning.
		await expect(page.getByText(/wskaźniki są mało wiarygodne/)).toHaveCount(0);

		// Every question's facility (mean score / max score, 1 point each, first attempts) recomputed from the
		// database and shown as the page formats it ("72,5 %").
		const expected = firstAttemptItems(groupId, 'podstawy-prawne');
		expect(expected.attempts).toBeGreaterThanOrEqual(10);
		const headings = page.getByRole('heading', { level: 3 });
		let between = 0;
		for (let i = 0; i < (await headings.count()); i++) {
			const questionId = (await headings.nth(i).getAttribute('id'))!.replace(/^q-/, '');
			const { shown, total } = expected.item(questionId);
			expect(shown, `question ${questionId} was shown`).toBeGreaterThan(0);
			const facility = total / shown;
			if (facility > 0 && facility < 1) between++;
			const card = page.locator(`section[aria-labelledby="q-${questionId}"]`);
			await expect(card.locator('dt:text-is("Odpowiedzi") + dd')).toHaveText(String(shown));
			await expect(card.locator('dt:text-is("Wskaźnik łatwości") + dd')).toHaveText(
				`${new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 1 }).format(facility * 100)} %`
			);
		}
		// Not only 0 % and 100 %: the averaging itself is checked.
		expect(between).toBeGreaterThan(0);
		const firstCount = await page.locator('dt:text-is("Liczba podejść") + dd').innerText();
		await checkPage(page, 'quiz');
		await page.getByRole('link', { name: 'Pokaż wszystkie podejścia' }).click();
		await page.waitForURL(/attempts=all/);
		const allCount = await page.locator('dt:text-is("Liczba podejść") + dd').innerText();
		expect(Number(allCount)).toBeGreaterThan(Number(firstCount));
	});

	test('a quiz fewer than 10 people took carries the reliability warning', async ({ page }) => {
		const groupId = (await openGroup(page)).split('/').pop()!;
		// Only the four demo learners who reached module 2 took its quiz.
		await page.getByRole('link', { name: /^2\. .* – sprawdź się$/ }).click();
		await page.waitForURL(/\/quizzes\//);
		const quizSlug = new URL(page.url()).pathname.split('/').pop()!;
		const { attempts } = firstAttemptItems(groupId, quizSlug);
		expect(attempts).toBeGreaterThan(0);
		expect(attempts).toBeLessThan(10);
		await expect(page.getByRole('note')).toHaveText(
			`⚠ Liczba podejść: ${attempts}. Przy mniej niż 10 podejściach wskaźniki są mało wiarygodne, więc strona nie oznacza pytań do przejrzenia.`
		);
		// Below the minimum no question is flagged for review.
		await expect(page.getByText('wartość ujemna: warto sprawdzić treść pytania')).toHaveCount(0);
		// First-attempt and final pass rates, side by side.
		await expect(page.locator('dt:text-is("Zaliczenie przy pierwszym podejściu")')).toBeVisible();
		await expect(page.locator('dt:text-is("Zaliczenie ostatecznie (w dowolnym podejściu)")')).toBeVisible();
		await expect(page.locator('dt:text-is("Liczba podejść") + dd')).toHaveText(String(attempts));
	});

	test('the CSV exports open in Polish Excel: BOM, semicolons, CRLF, Polish letters intact', async ({ page }) => {
		await openGroup(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Pobierz postępy (CSV)' }).click()
		]);
		const bytes = await readFile((await download.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.toString('utf8').slice(1);
		const lines = text.split('\r\n');
		expect(lines[0].startsWith('Imię i nazwisko;E-mail;Urząd lub instytucja;')).toBe(true);
		expect(text).toContain('Łucja Żółkiewska-Gęślak;kursant@akademia.test');
		expect(text).toContain('Katarzyna Dąbrowska');
		// Lesson counts as "3 z 3": a "3/3" cell turns into a date in Excel.
		expect(text).toMatch(/;\d+ z \d+;/);
		expect(text).not.toMatch(/;\d+\/\d+;/);
		expect(download.suggestedFilename()).toMatch(/\.csv$/);

		await page.getByRole('link', { name: '1. Podstawy prawne współpracy zagranicznej – sprawdź się' }).click();
		const [results] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Pobierz wyniki testu (CSV)' }).click()
		]);
		const resultText = (await readFile((await results.path())!)).toString('utf8');
		expect(resultText.startsWith('\uFEFFImię i nazwisko;')).toBe(true);
		expect(resultText).toMatch(/\r\nAnna Kowalczyk;anna\.demo@akademia\.test;Urząd Miasta Nowy Sącz;/);
	});

	test('a learner’s answers are shown in words and the viewing is audited', async ({ page }) => {
		const path = await openGroup(page);
		// A mouse passing over a name is not a view of the answers: it writes nothing to the audit log.
		const views = () => {
			const db = new Database(`test-results/e2e-${process.env.E2E_PORT ?? 4173}.db`, { readonly: true });
			const row = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'trainer.view_answers'").get();
			db.close();
			return (row as { n: number }).n;
		};
		const before = views();
		await page.getByRole('link', { name: 'Anna Kowalczyk' }).hover();
		await page.getByRole('link', { name: 'Henryk Kępa' }).hover();
		await page.waitForTimeout(500);
		expect(views()).toBe(before);
		await page.getByRole('link', { name: 'Henryk Kępa' }).click();
		await page.waitForURL(/\/learners\//);
		await expect(page.getByRole('heading', { level: 1, name: 'Henryk Kępa' })).toBeVisible();
		const learnerId = new URL(page.url()).pathname.split('/').pop()!;
		const firstAttempt = page.getByRole('table').first();
		await expect(firstAttempt.getByRole('columnheader', { name: 'Odpowiedź uczestnika' })).toBeVisible();
		// A question's answer in words from the quiz file, not an option id.
		await expect(firstAttempt.getByRole('row', { name: /Kto uchwala „Priorytety/ })).toContainText(
			/Sejmik województwa|Marszałek województwa|Minister spraw zagranicznych|Wojewoda/
		);
		await checkPage(page, 'learner');

		const db = new Database(`test-results/e2e-${process.env.E2E_PORT ?? 4173}.db`, { readonly: true });
		const entry = db
			.prepare(
				"SELECT action, subject_id AS subjectId, details FROM audit_log WHERE action = 'trainer.view_answers' ORDER BY id DESC LIMIT 1"
			)
			.get() as { action: string; subjectId: string; details: string };
		db.close();
		expect(entry.subjectId).toBe(learnerId);
		expect(JSON.parse(entry.details).groupId).toBe(path.split('/').pop());
	});

	test('before the next session: the questions missed most with explanations, printable', async ({ page }) => {
		await openGroup(page);
		await page.getByRole('link', { name: 'Przed następnym spotkaniem' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Przed następnym spotkaniem' })).toBeVisible();
		await expect(page.getByRole('table', { name: 'Tematy do powtórzenia' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Wyjaśnienie' }).first()).toBeVisible();
		await checkPage(page, 'before');
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('header.site')).toBeHidden();
		await expect(page.getByRole('button', { name: 'Drukuj' })).toBeHidden();
		await page.screenshot({ path: `${SHOTS}/before-print.png`, fullPage: true });
	});

	test('another trainer gets 403 for the group, its learners and its exports', async ({ page, browser }) => {
		const groupPath = await openGroup(page);
		const learnerHref = await page.getByRole('link', { name: 'Anna Kowalczyk' }).getAttribute('href');

		const email = `trener.${Date.now()}@akademia.test`;
		const admin = await (await browser.newContext()).newPage();
		await signIn(admin, DEMO.admin);
		await gotoReady(admin, '/admin/invitations');
		await admin.getByLabel('Adres e-mail').fill(email);
		await admin.getByLabel('Rola').selectOption('trainer');
		await admin.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
		await expect(admin.getByRole('status')).toContainText(email);
		const link = await latestOutboxLink(admin, email, '/invitation/');
		await admin.context().close();

		const other = await (await browser.newContext()).newPage();
		await gotoReady(other, link);
		await other.getByLabel('Imię i nazwisko').fill('Zofia Źdźbło');
		await other.getByLabel('Urząd lub instytucja').fill('Akademia');
		await other.getByLabel('Hasło', { exact: true }).fill('haslo-trenera-123');
		await other.getByLabel('Powtórz hasło').fill('haslo-trenera-123');
		await other.getByRole('button', { name: 'Załóż konto' }).click();
		await other.waitForURL('/trainer');
		await expect(other.getByText('Brak prowadzonych grup.', { exact: false })).toBeVisible();
		await expect(other.getByRole('link', { name: GROUP })).toHaveCount(0);
		for (const path of [
			groupPath,
			learnerHref!,
			`${groupPath}/quizzes/podstawy-prawne`,
			`${groupPath}/before-next-session`,
			`${groupPath}/progress.csv`,
			`${groupPath}/results.csv`,
			`${groupPath}/quizzes/podstawy-prawne/results.csv`
		]) {
			const response = await other.request.get(path, { maxRedirects: 0 });
			expect(response.status(), path).toBe(403);
		}
		const response = await other.goto(groupPath);
		expect(response?.status()).toBe(403);
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Błąd 403');
	});
});
