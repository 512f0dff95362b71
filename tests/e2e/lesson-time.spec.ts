// Lesson time counts only while someone is there, and a lesson that fits the screen completes by itself.
// page.clock drives static/lesson-progress.js's 30 s interval and 2 s "end stays in view" timer.
import { expect, test, type Page, type Request } from '@playwright/test';
import { expectAccessible, gotoReady, newLearner } from './helpers';
import { creditReadingTime } from './server-levers';

const COURSE = 'dyplomacja-ekonomiczna';
const LESSON = `/courses/${COURSE}/partnerstwo-miast`;

interface Beat {
	position: string;
	complete: boolean;
}

const isProgress = (request: Request) =>
	request.method() === 'POST' && new URL(request.url()).pathname === `${LESSON}/progress`;

/**
 * Every heartbeat and end report the page sent to the lesson's progress endpoint, in order. The one report of
 * the opening, sent as the page loads (it adds no time: the page's GET writes nothing), is left out.
 */
function recordBeats(page: Page): Beat[] {
	const beats: Beat[] = [];
	page.on('request', (request) => {
		if (isProgress(request) && !(request.postDataJSON() as { open?: boolean }).open)
			beats.push(request.postDataJSON() as Beat);
	});
	return beats;
}

test.describe('lesson time', () => {
	test('an idle open lesson sends no heartbeat; activity makes the next interval send one', async ({ browser }) => {
		const { page } = await newLearner(browser);
		const beats = recordBeats(page);
		await page.clock.install();
		const opening = page.waitForRequest((r) => isProgress(r) && (r.postDataJSON() as { open?: boolean }).open === true);
		await gotoReady(page, LESSON);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// The page reports its opening once, as it loads: a report, not a heartbeat (it adds no time).
		expect((await opening).postDataJSON()).toEqual({ open: true });

		// Five idle minutes: ten intervals pass, the tab stays visible, nobody touches it.
		await page.clock.runFor(31_000);
		await page.clock.runFor('04:30');

		// A mouse move, then the next interval sends exactly one beat ...
		let next = page.waitForRequest(isProgress);
		await page.mouse.move(200, 300);
		await page.mouse.move(260, 340, { steps: 3 });
		await page.clock.runFor(30_000);
		await next;
		// ... and it is the first: had any idle interval sent one, it would have been recorded before it.
		expect(beats).toEqual([{ position: expect.any(String), complete: false }]);

		// Activity counts once: the interval after that, idle again, sends nothing.
		await page.clock.runFor(60_000);
		// A key press counts as activity too.
		next = page.waitForRequest(isProgress);
		await page.keyboard.press('ArrowDown');
		await page.clock.runFor(30_000);
		await next;
		expect(beats).toHaveLength(2);
		expect(beats.every((b) => !b.complete)).toBe(true);
		await page.context().close();
	});

	test('a lesson that fits the screen: its end in view at once completes nothing until the reading time is there', async ({
		browser
	}) => {
		const { page, email } = await newLearner(browser);
		const beats = recordBeats(page);
		await page.clock.install();
		await gotoReady(page, LESSON);
		await expect(page.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' })).toBeVisible();
		// A screen tall enough for the whole lesson: its end is in view without any scrolling.
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		await page.setViewportSize({ width: 1280, height: height + 200 });
		await expect(page.locator('#lesson-end')).toBeInViewport();
		expect(await page.evaluate(() => window.scrollY)).toBe(0);

		// The end is reported after 2 s; the server refuses quietly (no reading time yet) and the page says why.
		const claim = page.waitForResponse((r) => isProgress(r.request()) && (r.request().postDataJSON() as Beat).complete);
		await page.clock.runFor(2500);
		expect(await (await claim).json()).toMatchObject({ completed: false, endReached: true });
		await expect(page.getByRole('status')).toContainText(/Lekcja nie jest jeszcze zaliczona: .* brakuje około \d+ min/);
		await expect(page.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' })).toBeVisible();
		expect(beats.filter((b) => b.complete)).toHaveLength(1);

		// The learner reads on (the time heartbeats would have recorded is credited on the server); the next
		// heartbeat completes the lesson without another visit to its end.
		creditReadingTime(email, COURSE, 'partnerstwo-miast');
		const beat = page.waitForResponse((r) => isProgress(r.request()));
		await page.mouse.move(200, 300);
		await page.mouse.move(260, 340, { steps: 3 });
		await page.clock.runFor(30_000);
		expect(await (await beat).json()).toMatchObject({ completed: true });
		await expect(page.getByRole('status')).toContainText('Lekcja ukończona');
		await expectAccessible(page);

		// The server recorded it: the page now opens as completed.
		await gotoReady(page, LESSON);
		await expect(page.getByText('✓ ukończona')).toBeVisible();
		await expect(page.getByRole('status')).toContainText('Lekcja ukończona');
		await expect(page.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' })).toHaveCount(0);
		await page.context().close();
	});

	test('a long lesson does not complete at the top, and does once the learner who read it scrolls to its end', async ({
		browser
	}) => {
		const { page, email } = await newLearner(browser);
		const beats = recordBeats(page);
		await page.clock.install();
		await gotoReady(page, LESSON);
		expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true);
		await page.clock.runFor(5000);
		expect(beats).toEqual([]);

		creditReadingTime(email, COURSE, 'partnerstwo-miast');
		const completion = page.waitForRequest((r) => isProgress(r) && (r.postDataJSON() as Beat).complete);
		await page.keyboard.press('End');
		await expect(page.locator('#lesson-end')).toBeInViewport();
		await page.clock.runFor(2500);
		await completion;
		await expect(page.getByRole('status')).toContainText('Lekcja ukończona');
		await page.context().close();
	});

	test('"Następna lekcja" right at the end completes a lesson read long enough', async ({ browser }) => {
		const { page, email } = await newLearner(browser);
		await page.clock.install();
		await gotoReady(page, LESSON);
		creditReadingTime(email, COURSE, 'partnerstwo-miast');
		await page.keyboard.press('End');
		await expect(page.locator('#lesson-end')).toBeInViewport();
		// Straight on, before the 2 s "end in view" timer: the link itself reports the end.
		const report = page.waitForRequest((r) => isProgress(r) && (r.postDataJSON() as Beat).complete);
		await page.getByRole('link', { name: /Następna lekcja/ }).click();
		await report;
		await page.waitForURL(/misja-gospodarcza/);
		await expect
			.poll(async () => {
				await gotoReady(page, `/courses/${COURSE}`);
				return page.getByText('lekcje: 1 z 3').count();
			})
			.toBe(1);
		await page.context().close();
	});
});
