import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, gotoReady, newLearner, signIn, signOut } from './helpers';
import { openServerDb } from './fixtures';
import { creditReadingTime, pretendPageServedAgo } from './server-levers';

/** The learner's lesson_progress rows, as the server wrote them. */
function progressRows(email: string) {
	const db = openServerDb();
	try {
		return db
			.prepare(
				`select lesson_slug, completed_at is not null as completed, end_reached_at is not null as end_reached
				 from lesson_progress where user_id = (select id from users where email = ?) order by lesson_slug`
			)
			.all(email.toLowerCase());
	} finally {
		db.close();
	}
}

const COURSE = '/courses/dyplomacja-ekonomiczna';
const LESSONS = [
	'Partnerstwo miast – od uchwały do porozumienia',
	'Misja gospodarcza za granicą',
	'Inwestor z Zatoki w ratuszu – studium przypadku'
];

async function expectAccessibleAlsoNarrow(page: Page) {
	await expectAccessible(page);
	await page.setViewportSize({ width: 360, height: 800 });
	await expectAccessible(page);
	await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe('lessons and progress', () => {
	test('the demo learner completes two lessons, signs out and back in, and resumes at the third', async ({ page }) => {
		await signIn(page, DEMO.learner);
		await expect(page.getByRole('heading', { level: 1, name: 'Mój pulpit' })).toBeVisible();
		await expect(page.getByRole('progressbar', { name: /Oddolna dyplomacja ekonomiczna/ })).toBeVisible();
		await expectAccessibleAlsoNarrow(page);

		await page.getByRole('link', { name: 'Oddolna dyplomacja ekonomiczna' }).click();
		await page.waitForURL(COURSE);
		await expect(page.getByRole('heading', { level: 1, name: 'Oddolna dyplomacja ekonomiczna' })).toBeVisible();
		await expect(page.getByText('0 % ukończone')).toBeVisible();
		await expectAccessibleAlsoNarrow(page);

		// The lesson is linked from the module list and from the checklist of what the certificate still needs.
		await expect(page.getByRole('region', { name: 'Do zaświadczenia brakuje' })).toContainText(LESSONS[0]);
		await page.getByRole('link', { name: LESSONS[0], exact: true }).last().click();
		await expect(page.getByRole('heading', { level: 1, name: LESSONS[0] })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'W tej lekcji' })).toBeAttached();
		await expectAccessibleAlsoNarrow(page);
		// Reading time as heartbeats would have recorded it (issue 13: completion needs a third of the minutes).
		creditReadingTime(DEMO.learner, 'dyplomacja-ekonomiczna', 'partnerstwo-miast');
		await page.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' }).click();
		await expect(page.getByRole('status')).toContainText('Lekcja ukończona');

		await page.getByRole('link', { name: /Następna lekcja/ }).click();
		await expect(page.getByRole('heading', { level: 1, name: LESSONS[1] })).toBeVisible();
		creditReadingTime(DEMO.learner, 'dyplomacja-ekonomiczna', 'misja-gospodarcza');
		await page.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' }).click();
		await expect(page.getByRole('status')).toContainText('Lekcja ukończona');

		await signOut(page);
		await signIn(page, DEMO.learner);
		await expect(page).toHaveURL('/dashboard');
		await page.getByRole('link', { name: `Kontynuuj: ${LESSONS[2]}` }).click();
		await expect(page.getByRole('heading', { level: 1, name: LESSONS[2] })).toBeVisible();
		await expect(page).toHaveURL(new RegExp(`${COURSE}/inwestor-z-zatoki`));

		await gotoReady(page, COURSE);
		await expect(page.getByText('66 % ukończone')).toBeVisible();
		await expect(page.getByText('lekcje: 2 z 3')).toBeVisible();
	});

	test('the lesson page works without JavaScript: completing is a plain form', async ({ browser }) => {
		const { page, email } = await newLearner(browser);
		const context = await browser.newContext({
			javaScriptEnabled: false,
			storageState: await page.context().storageState()
		});
		const noJs = await context.newPage();
		await noJs.goto(`${COURSE}/misja-gospodarcza`);
		await expect(noJs.getByRole('heading', { level: 1, name: LESSONS[1] })).toBeVisible();
		// The page's GET wrote nothing: without the script the lesson is not even opened yet.
		expect(progressRows(email)).toEqual([]);
		await expect(
			noJs.getByText(/Lekcja zostanie zaliczona po dotarciu do jej końca i co najmniej \d+ min/)
		).toBeVisible();
		// Pressed at once: refused quietly, and the page says what is missing.
		await noJs.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' }).click();
		await expect(noJs.getByRole('status')).toContainText(/Lekcja nie jest jeszcze zaliczona: .* brakuje około \d+ min/);
		// The press recorded the opening at the time the page was served (its signed field), and the end reached.
		expect(progressRows(email)).toEqual([{ lesson_slug: 'misja-gospodarcza', completed: 0, end_reached: 1 }]);
		// Pressed again after reading long enough (the page served 10 minutes ago): completed.
		await pretendPageServedAgo(noJs, email, 'dyplomacja-ekonomiczna', 'misja-gospodarcza', 600);
		await noJs.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' }).click();
		await expect(noJs.getByRole('status')).toContainText('Lekcja ukończona');
		await noJs.goto(COURSE);
		await expect(noJs.getByText('33 % ukończone')).toBeVisible();
		await context.close();
	});

	test('a locked lesson of a sequential course answers 403 with the reason', async ({ browser }) => {
		const { page } = await newLearner(browser);
		await gotoReady(page, '/courses/protokol-dyplomatyczny');
		await expect(page.getByText(/zablokowany: najpierw trzeba zaliczyć test modułu/).first()).toBeVisible();
		const response = await page.goto('/courses/protokol-dyplomatyczny/zasady-pierwszenstwa');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1, name: 'Lekcja zablokowana' })).toBeVisible();
		await expect(page.getByText(/Otworzy się po zaliczeniu testu/)).toBeVisible();
	});

	test('a learner enrols from the catalogue and the course appears on the dashboard', async ({ browser }) => {
		const { page } = await newLearner(browser);
		await gotoReady(page, '/courses');
		await expectAccessible(page);
		await page.getByRole('button', { name: /Zapisz się na kurs: Protokół dyplomatyczny/ }).click();
		await page.waitForURL('/courses/protokol-dyplomatyczny');
		await gotoReady(page, '/dashboard');
		await expect(page.getByRole('progressbar', { name: /Protokół dyplomatyczny/ })).toBeVisible();
	});

	test('the progress endpoint takes heartbeats, refuses bad input and locked lessons', async ({ browser }) => {
		const { page } = await newLearner(browser);
		const post = (path: string, data: unknown) => page.request.post(path, { data });
		// The answer says what the server recorded (issue 13): a heartbeat alone completes nothing.
		const beat = await post(`${COURSE}/partnerstwo-miast/progress`, { position: 'h-sytuacja-w-urzedzie' });
		expect(beat.status()).toBe(200);
		expect(await beat.json()).toMatchObject({ completed: false, endReached: false });
		expect((await post(`${COURSE}/partnerstwo-miast/progress`, { position: '<script>' })).status()).toBe(400);
		expect((await post(`${COURSE}/partnerstwo-miast/progress`, { seconds: 9999 })).status()).toBe(400);
		expect((await post(`${COURSE}/nie-ma-takiej/progress`, {})).status()).toBe(404);
		expect((await post('/courses/protokol-dyplomatyczny/zasady-pierwszenstwa/progress', {})).status()).toBe(403);
		const anonymous = await browser.newContext();
		expect(
			(
				await anonymous.request.post(
					`http://localhost:${process.env.E2E_PORT ?? 4173}${COURSE}/partnerstwo-miast/progress`,
					{ data: {} }
				)
			).status()
		).toBe(401);
		await anonymous.close();
		// The heartbeat's position is offered when the learner comes back to the lesson.
		await gotoReady(page, `${COURSE}/partnerstwo-miast`);
		await expect(page.getByText('Ostatnie miejsce w tej lekcji:')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Sytuacja w urzędzie' }).first()).toHaveAttribute(
			'href',
			'#h-sytuacja-w-urzedzie'
		);
	});

	test('the course glossary lists the terms used in the lessons', async ({ browser }) => {
		const { page } = await newLearner(browser);
		await gotoReady(page, `${COURSE}/glossary`);
		await expect(page.getByRole('heading', { level: 1, name: 'Słowniczek kursu' })).toBeVisible();
		await expect(page.getByText('porozumienie o partnerstwie miast', { exact: true })).toBeVisible();
		await expectAccessible(page);

		// A sequential course: terms of locked modules are listed, but their lessons are not offered as links.
		await gotoReady(page, '/courses/protokol-dyplomatyczny/glossary');
		const entry = (term: string) => page.locator('.entry').filter({ has: page.getByText(term, { exact: true }) });
		await expect(
			entry('Ustawowy skład').getByRole('link', { name: 'Przystąpienie do międzynarodowego zrzeszenia' })
		).toBeVisible();
		await expect(entry('Precedencja')).toContainText('Zasady pierwszeństwa');
		await expect(entry('Precedencja').getByRole('link')).toHaveCount(0);
	});
});
