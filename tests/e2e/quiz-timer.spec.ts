// The countdown of a timed attempt. No quiz in lessons/ has a time limit (and the content is not changed for a
// test): the attempt is started as usual and its deadline_at is then set in the e2e server's database, which is
// exactly what starting a quiz with time_limit_minutes would have stored.
import { expect, test, type Page } from '@playwright/test';
import { openServerDb } from './fixtures';
import { expectAccessible, gotoReady, newLearner } from './helpers';
import { drawWholePool } from './server-levers';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const QUIZ_URL = '/courses/dyplomacja-ekonomiczna/quiz/partnerstwo-i-misja';
/** Questions in the quiz file: what the attempt shows once the whole pool is drawn. */
const POOL = (
	parse(readFileSync('lessons/dyplomacja-ekonomiczna/01-partnerstwo-i-misja/quiz.yaml', 'utf8')) as {
		questions: unknown[];
	}
).questions.length;
const MIN = 60_000;

function setDeadline(attemptId: string, deadline: number) {
	const db = openServerDb();
	try {
		const { changes } = db.prepare('update quiz_attempts set deadline_at = ? where id = ?').run(deadline, attemptId);
		expect(changes).toBe(1);
	} finally {
		db.close();
	}
}

const countdown = (page: Page) => page.getByText(/^(Pozostały czas|Czas minął)/);
const announcer = (page: Page) => page.locator('[data-countdown-announcer]');

test.describe('quiz timer', () => {
	test('a timed attempt counts down quietly, warns at 5 and 1 minutes and shows the graded result when time is up', async ({
		browser
	}) => {
		test.setTimeout(150_000);
		const { page } = await newLearner(browser, 'Tymon Zegarowy');
		await gotoReady(page, QUIZ_URL);
		await page.getByRole('button', { name: 'Rozpocznij test' }).click();
		await page.waitForURL(new RegExp(`${QUIZ_URL}/[a-z0-9]+$`));
		const attemptUrl = new URL(page.url()).pathname;
		const attemptId = attemptUrl.split('/').pop()!;
		// The quiz draws part of its pool; this test names a question, so the attempt gets them all.
		drawWholePool(attemptId);
		await gotoReady(page, attemptUrl);
		// An attempt without a time limit shows no countdown.
		await expect(page.getByRole('group').first()).toBeVisible();
		await expect(countdown(page)).toHaveCount(0);

		// The server's words, for a browser without JavaScript: whole minutes, and the absolute deadline stays.
		setDeadline(attemptId, Date.now() + 12 * MIN + 30_000);
		const html = await (await page.request.get(attemptUrl)).text();
		expect(html).toContain('Pozostały czas: 12 min');
		expect(html).toContain('Limit czasu: odpowiedzi przyjmujemy do');

		// The learner's computer clock is an hour fast: the countdown follows the server's clock, not the browser's.
		await page.clock.install({ time: Date.now() + 60 * MIN });
		await page.clock.resume();
		await gotoReady(page, attemptUrl);
		await expect(countdown(page)).toHaveText(/^Pozostały czas: 12:[0-5]\d$/);
		const first = await countdown(page).innerText();
		await expect(countdown(page)).not.toHaveText(first, { timeout: 3_000 });
		await expect(page.getByText(/Limit czasu: odpowiedzi przyjmujemy do/)).toBeVisible();
		// The ticking text is not a live region (a screen reader would read it every second); the announcer is.
		const inLiveRegion = await countdown(page).evaluate(
			(el) => !!el.closest('[aria-live]:not([aria-live="off"]), [role=status], [role=alert], [role=log], [role=timer]')
		);
		expect(inLiveRegion).toBe(false);
		await expect(announcer(page)).toHaveAttribute('aria-live', 'polite');
		await expect(announcer(page)).toHaveText('');
		await expectAccessible(page);
		await page.setViewportSize({ width: 360, height: 800 });
		await expectAccessible(page);
		await page.screenshot({ path: 'test-results/quiz-timer-360.png' });
		await page.setViewportSize({ width: 1280, height: 800 });

		// One answer saved, then the warnings: each said once when crossed.
		await page
			.getByRole('group', { name: /Kto w gminie decyduje/ })
			.getByRole('radio', { name: 'Rada gminy, w uchwale' })
			.check();
		await expect(page.locator('p.autosave')).toHaveText(/Zapisano/);
		setDeadline(attemptId, Date.now() + 5 * MIN + 2_500);
		await gotoReady(page, attemptUrl);
		await expect(announcer(page)).toHaveText('');
		await expect(announcer(page)).toHaveText('Zostało 5 minut do końca czasu na test.', { timeout: 8_000 });
		await expect(countdown(page)).toHaveText(/^Pozostały czas: 04:5\d$/);
		setDeadline(attemptId, Date.now() + MIN + 2_500);
		await gotoReady(page, attemptUrl);
		await expect(announcer(page)).toHaveText('Została 1 minuta do końca czasu na test.', { timeout: 8_000 });

		// Time is up: the page says so, then (after the server's 5 s grace) shows the graded result by itself.
		setDeadline(attemptId, Date.now() + 2_000);
		await gotoReady(page, attemptUrl);
		await expect(countdown(page)).toHaveText('Czas minął. Za chwilę pojawi się wynik.', { timeout: 6_000 });
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Wynik', { timeout: 20_000 });
		expect(new URL(page.url()).pathname).toBe(attemptUrl);
		// The whole pool was drawn: one right answer out of every question of the quiz file.
		await expect(page.getByText(new RegExp(`Zdobyte punkty: 1 z ${POOL}`))).toBeVisible();
		await expect(countdown(page)).toHaveCount(0);
		await page.context().close();
	});
});
