// Issue 13: certificates that certify. The 0.6-second path, scripted with HTTP requests, ends with no
// certificate; an empty attempt's review holds no key; an honest run (read, pass) ends with the finish line on
// the page, the course page, the dashboard and in the outbox; a name that is not the account's needs an admin.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { bindSingleLetterWords } from '../../src/lib/typography.js';
import { openServerDb } from './fixtures';
import { DEMO, expectAccessible, gotoReady, newLearner, signIn } from './helpers';
import { answerQuizCorrectly, readQuiz } from './quiz-answers';
import { creditCurrentLesson } from './server-levers';

const SLUG = 'dyplomacja-ekonomiczna';
const COURSE = `/courses/${SLUG}`;
const COURSE_TITLE = 'Oddolna dyplomacja ekonomiczna';
const LESSONS = ['partnerstwo-miast', 'misja-gospodarcza', 'inwestor-z-zatoki'];
const QUIZ_URL = `${COURSE}/quiz/partnerstwo-i-misja`;
const quizFile = parse(readFileSync('lessons/dyplomacja-ekonomiczna/01-partnerstwo-i-misja/quiz.yaml', 'utf8')) as {
	questions: { explanation: string; options?: { correct?: boolean; score?: number; feedback?: string }[] }[];
};
// The explanations of right answers (each question's explanation, and the feedback of its right options), as
// written and as typeset by the server.
const RIGHT_EXPLANATIONS = quizFile.questions
	.flatMap((q) => [
		q.explanation,
		...(q.options ?? []).flatMap((o) => ((o.correct || o.score === 1) && o.feedback ? [o.feedback] : []))
	])
	.flatMap((t) => [...new Set([t, bindSingleLetterWords(t)])]);

function serverRows(email: string) {
	const db = openServerDb();
	try {
		const user = db.prepare('select id from users where email = ?').get(email) as { id: string };
		return {
			certificates: db.prepare('select * from certificates where user_id = ?').all(user.id),
			completed: db
				.prepare('select lesson_slug from lesson_progress where user_id = ? and completed_at is not null')
				.all(user.id),
			enrolled: db.prepare('select course_slug from enrollments where user_id = ?').all(user.id)
		};
	} finally {
		db.close();
	}
}

test.describe('certificates that certify', () => {
	test('the 0.6-second path, scripted with HTTP requests, ends with no certificate and no key', async ({ browser }) => {
		test.setTimeout(120_000);
		const { page, email } = await newLearner(browser, 'Szybka Kursantka');
		const origin = new URL(page.url()).origin;
		const form = (url: string, data: Record<string, string> = {}) =>
			page.request.post(url, { form: data, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
		const started = Date.now();

		for (const lesson of LESSONS) {
			expect((await page.request.get(`${COURSE}/${lesson}`)).status()).toBe(200);
			// The browser's word alone: refused quietly, with what is missing.
			const claim = await page.request.post(`${COURSE}/${lesson}/progress`, {
				data: { position: '', complete: true }
			});
			expect(claim.status()).toBe(200);
			const body = await claim.json();
			expect(body).toMatchObject({ completed: false, endReached: true, certificate: null });
			expect(body.missingMinutes).toBeGreaterThan(0);
			// The "mark as completed" form at once: refused too.
			const pressed = await form(`${COURSE}/${lesson}?/complete`);
			expect(pressed.status(), await pressed.text()).toBe(303);
		}

		// The quiz: started and submitted empty (the page asks first; the script says yes).
		const start = await form(`${QUIZ_URL}?/start`);
		expect(start.status()).toBe(303);
		const attemptUrl = start.headers()['location'];
		expect(attemptUrl).toMatch(new RegExp(`^${QUIZ_URL}/[a-z0-9]+$`));
		const asked = await page.request.post(`${attemptUrl}?/submit`, {
			form: {},
			headers: { origin, 'x-sveltekit-action': 'true' }
		});
		expect(await asked.text()).toContain('unanswered');
		expect((await form(`${attemptUrl}?/submit`, { confirm: 'unanswered' })).status()).toBe(303);
		// A retry at once is refused: a counted quiz makes the learner wait.
		expect((await form(`${QUIZ_URL}?/start`)).status()).toBe(403);
		expect(Date.now() - started).toBeLessThan(60_000);

		// No lesson completed, no certificate, and the empty attempt's review explains no right answer.
		const rows = serverRows(email);
		expect(rows.completed).toEqual([]);
		expect(rows.certificates).toEqual([]);
		expect(await (await page.request.get('/certificates')).text()).toContain('Brak zaświadczeń.');
		const review = await (await page.request.get(attemptUrl)).text();
		expect(review).toContain('Test niezaliczony.');
		expect(review).toContain('Do powtórki');
		for (const text of RIGHT_EXPLANATIONS)
			expect(review.includes(text), `the review explains: ${text.slice(0, 50)}`).toBe(false);
		expect(review).not.toContain('poprawna odpowiedź');

		// The lesson page says what is missing.
		await gotoReady(page, `${COURSE}/${LESSONS[0]}`);
		await expect(page.getByRole('status')).toContainText(/Lekcja nie jest jeszcze zaliczona: .* brakuje około \d+ min/);
		await page.context().close();
	});

	test('an honest run ends with the finish line on the page, the course page, the dashboard and in the outbox; a foreign name needs an admin', async ({
		browser
	}) => {
		test.setTimeout(240_000);
		const { page, email } = await newLearner(browser, 'Grażyna Łęcka-Wójcik');
		await gotoReady(page, COURSE);
		await expect(page.getByRole('button', { name: 'Zapisz się na kurs' })).toBeVisible();

		// Read every lesson (the reading time, as heartbeats would record it, is credited on the server).
		await page
			.getByRole('link', { name: /Zacznij|Rozpocznij/ })
			.first()
			.click();
		for (const [i, lesson] of LESSONS.entries()) {
			await page.waitForURL(new RegExp(`${COURSE}/${lesson}`));
			await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
			creditCurrentLesson(page, email);
			await page.getByRole('button', { name: 'Oznacz lekcję jako ukończoną' }).click();
			await expect(page.getByRole('status')).toContainText('Lekcja ukończona');
			if (i < LESSONS.length - 1) await page.getByRole('link', { name: /Następna lekcja/ }).click();
		}
		// A learner with progress is enrolled; the course page lists what is still missing, with links.
		expect(serverRows(email).enrolled).toEqual([{ course_slug: SLUG }]);
		await gotoReady(page, COURSE);
		const checklist = page.getByRole('region', { name: 'Do zaświadczenia brakuje' });
		await expect(checklist).toContainText('Test do zaliczenia:');
		await expect(checklist.getByRole('link')).toHaveCount(1);
		await expect(page.getByRole('button', { name: 'Zapisz się na kurs' })).toHaveCount(0);
		await expectAccessible(page);

		// Pass the quiz: the review page says the course is complete, with the certificate.
		await checklist.getByRole('link').click();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.getByRole('button', { name: 'Rozpocznij test' }).click();
		await page.waitForURL(/\/quiz\/[^/]+\/[a-z0-9]+$/);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await answerQuizCorrectly(page, readQuiz(SLUG));
		await page.getByRole('button', { name: 'Wyślij test do oceny' }).click();
		await expect(page.getByText('Test zaliczony. Gratulacje!')).toBeVisible();
		await expect(page.getByText('Kurs ukończony. Zaświadczenie jest gotowe.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Przejdź do zaświadczenia' })).toHaveAttribute('href', '/certificates');
		await expectAccessible(page);

		// The course page: "Kurs ukończony", no enrolment offered; the dashboard lists the course as completed.
		await gotoReady(page, COURSE);
		await expect(page.getByRole('heading', { level: 2, name: 'Kurs ukończony' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Zapisz się na kurs' })).toHaveCount(0);
		await expect(page.getByRole('region', { name: 'Do zaświadczenia brakuje' })).toHaveCount(0);
		await gotoReady(page, `${COURSE}/${LESSONS[2]}`);
		await expect(page.getByText('Kurs ukończony. Zaświadczenie jest gotowe.')).toBeVisible();
		await gotoReady(page, '/dashboard');
		const completed = page.locator('[data-completed-courses]');
		await expect(page.getByRole('heading', { level: 2, name: 'Ukończone kursy' })).toBeVisible();
		await expect(completed).toContainText(COURSE_TITLE);
		await expect(page.getByText('Brak kursów na pulpicie.')).toHaveCount(0);
		await expectAccessible(page);

		// The outbox holds the mail.
		const admin = await (await browser.newContext()).newPage();
		await signIn(admin, DEMO.admin);
		await gotoReady(admin, '/admin/outbox');
		const mail = admin.locator('article', { hasText: email }).first();
		await expect(mail).toContainText(`Zaświadczenie jest gotowe: ${COURSE_TITLE}`);
		await expect(mail).toContainText('/certificates');

		// Another person's name is not a spelling correction: it goes to an admin, who sees both names.
		await gotoReady(page, '/certificates');
		await page.getByLabel('Imię i nazwisko na zaświadczeniu').fill('Jan Kowalski');
		await page.getByRole('button', { name: 'Potwierdź pisownię' }).click();
		await expect(page.getByRole('status')).toContainText('trafiło do administratora jako prośba');
		await expect(page.getByText('Prośba o wydrukowanie nazwiska „Jan Kowalski” czeka na decyzję')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Pobierz zaświadczenie (PDF)' })).toHaveCount(0);

		await gotoReady(admin, '/admin/name-requests');
		const request = admin.getByRole('listitem').filter({ hasText: 'Jan Kowalski' });
		await expect(request).toContainText('Grażyna Łęcka-Wójcik');
		await expectAccessible(admin);
		await request.getByRole('button', { name: 'Odrzuć prośbę' }).click();
		await expect(admin.getByRole('status')).toContainText('Prośba odrzucona');
		await admin.context().close();

		// Refused: the learner confirms the account's name, spelled differently (allowed without an admin).
		await gotoReady(page, '/certificates');
		await expect(page.getByText('Administrator nie zatwierdził nazwiska „Jan Kowalski”')).toBeVisible();
		await page.getByLabel('Imię i nazwisko na zaświadczeniu').fill('Grażyna Łęcka Wójcik');
		await page.getByRole('button', { name: 'Potwierdź pisownię' }).click();
		await expect(page.getByRole('status')).toHaveText('Pisownia potwierdzona. Zaświadczenie można już pobrać.');
		await expect(page.getByText('Imię i nazwisko na zaświadczeniu: Grażyna Łęcka Wójcik')).toBeVisible();
		await page.context().close();
	});
});
