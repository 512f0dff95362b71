import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, gotoReady, newLearner, signIn, signOut } from './helpers';

const COURSE = '/courses/dyplomacja-ekonomiczna';
const LESSONS = [
	'Partnerstwo miast — od uchwały do porozumienia',
	'Misja gospodarcza za granicą',
	'Inwestor z Zatoki w ratuszu — studium przypadku'
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
		await expect(page.getByText('0% ukończone')).toBeVisible();
		await expectAccessibleAlsoNarrow(page);

		await page.getByRole('link', { name: LESSONS[0], exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: LESSONS[0] })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'W tej lekcji' })).toBeAttached();
		await expectAccessibleAlsoNarrow(page);
		await page.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' }).click();
		await expect(page.getByRole('status')).toContainText('Lekcja ukończona');

		await page.getByRole('link', { name: /Następna lekcja/ }).click();
		await expect(page.getByRole('heading', { level: 1, name: LESSONS[1] })).toBeVisible();
		await page.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' }).click();
		await expect(page.getByRole('status')).toContainText('Lekcja ukończona');

		await signOut(page);
		await signIn(page, DEMO.learner);
		await expect(page).toHaveURL('/dashboard');
		await page.getByRole('link', { name: `Kontynuuj: ${LESSONS[2]}` }).click();
		await expect(page.getByRole('heading', { level: 1, name: LESSONS[2] })).toBeVisible();
		await expect(page).toHaveURL(new RegExp(`${COURSE}/inwestor-z-zatoki`));

		await gotoReady(page, COURSE);
		await expect(page.getByText('66% ukończone')).toBeVisible();
		await expect(page.getByText('ukończone lekcje: 2 z 3')).toBeVisible();
	});

	test('the lesson page works without JavaScript: completing is a plain form', async ({ browser }) => {
		const { page } = await newLearner(browser);
		const context = await browser.newContext({
			javaScriptEnabled: false,
			storageState: await page.context().storageState()
		});
		const noJs = await context.newPage();
		await noJs.goto(`${COURSE}/misja-gospodarcza`);
		await expect(noJs.getByRole('heading', { level: 1, name: LESSONS[1] })).toBeVisible();
		await noJs.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' }).click();
		await expect(noJs.getByRole('status')).toContainText('Lekcja ukończona');
		await noJs.goto(COURSE);
		await expect(noJs.getByText('33% ukończone')).toBeVisible();
		await context.close();
	});

	test('a locked lesson of a sequential course answers 403 with the reason', async ({ browser }) => {
		const { page } = await newLearner(browser);
		await gotoReady(page, '/courses/protokol-dyplomatyczny');
		await expect(page.getByText(/zablokowany: najpierw zalicz test modułu/).first()).toBeVisible();
		const response = await page.goto('/courses/protokol-dyplomatyczny/zasady-pierwszenstwa');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1, name: 'Lekcja zablokowana' })).toBeVisible();
		await expect(page.getByText(/Otworzy się, gdy zaliczysz test/)).toBeVisible();
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
});
