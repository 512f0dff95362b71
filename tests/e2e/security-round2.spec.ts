// Security round two (issue 14) on the real build: throttling under parallel requests, `next` redirects,
// malformed bodies, token pages not cached.
import { expect, test, type Route } from '@playwright/test';
import { actorContext, createFixtures, databaseDigest, type Fixtures } from './fixtures';
import { gotoReady, newLearner } from './helpers';
import { drawWholePool } from './server-levers';

let fx: Fixtures;
test.beforeAll(() => {
	fx = createFixtures();
});

test('30 parallel wrong passwords for one account: at most 5 are checked, the rest get 429', async () => {
	const ctx = await actorContext(null);
	// An unknown address: the rules are the same for every email (a block reveals nothing), and no real
	// account of the other specs gets blocked.
	const statuses = await Promise.all(
		Array.from({ length: 30 }, (_, i) =>
			ctx
				.post('/login', { form: { email: 'rownolegle@example.test', password: `zle-haslo-${i}` }, maxRedirects: 0 })
				.then((r) => r.status())
		)
	);
	expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(5);
	expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
	expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);
	await ctx.dispose();
});

test('`next` never leads to another host, and a control character in it is a 400', async () => {
	const learner = await actorContext(fx.people.learner);
	const go = (next: string) => learner.get(`/login?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
	for (const next of ['/\t/evil.example', '/\r\nSet-Cookie: a=b', '/\u202E/evil.example']) {
		const res = await go(next);
		expect(res.status(), JSON.stringify(next)).toBe(400);
		expect(res.headers()['location']).toBeUndefined();
	}
	for (const next of [
		'/.//evil.example',
		'//evil.example',
		'/\\evil.example',
		'/ /evil.example',
		'https://evil.example'
	]) {
		const res = await go(next);
		expect(res.status(), JSON.stringify(next)).toBe(303);
		expect(res.headers()['location'], JSON.stringify(next)).toBe('/dashboard');
	}
	expect((await go('/courses')).headers()['location']).toBe('/courses');
	await learner.dispose();
});

test('the language switch with CR/LF in `next` is a 400 and changes nothing', async () => {
	const learner = await actorContext(fx.people.learner);
	const before = databaseDigest();
	const res = await learner.post('/language', {
		form: { locale: 'en', next: '/\r\nSet-Cookie: x=y' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(400);
	expect(res.headers()['set-cookie'] ?? '').not.toContain('locale');
	expect(databaseDigest()).toEqual(before);
	await learner.dispose();
});

test('a multipart body with a broken or missing boundary is a 400 at any form action, with nothing written', async () => {
	const anonymous = await actorContext(null);
	const learner = await actorContext(fx.people.learner);
	const admin = await actorContext(fx.people.admin);
	const before = databaseDigest();
	const bodies = [
		{ type: 'multipart/form-data; boundary=xyz', body: '--abc\r\nContent-Disposition: form-data; name="a"\r\n\r\nb' },
		{ type: 'multipart/form-data', body: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nx\r\n--xyz--' },
		{ type: 'multipart/form-data; boundary=', body: 'garbage' }
	];
	const targets = [
		{ ctx: anonymous, url: '/login' },
		{ ctx: anonymous, url: '/reset-password' },
		{ ctx: anonymous, url: `/invitation/${fx.invitation.token}` },
		{ ctx: learner, url: '/account?/password' },
		{ ctx: learner, url: '/language' },
		{ ctx: admin, url: '/admin/groups' }
	];
	for (const { ctx, url } of targets)
		for (const { type, body } of bodies) {
			const res = await ctx.post(url, { headers: { 'content-type': type }, data: body, maxRedirects: 0 });
			expect(res.status(), `${url} ${type}`).toBe(400);
		}
	expect(databaseDigest()).toEqual(before);
	for (const ctx of [anonymous, learner, admin]) await ctx.dispose();
});

test('pages behind a secret link are never cached', async () => {
	const anonymous = await actorContext(null);
	for (const url of [
		`/invitation/${fx.invitation.token}`,
		`/reset-password/${fx.passwordReset.token}`,
		'/invitation/unknown-token',
		'/reset-password/unknown-token'
	]) {
		const res = await anonymous.get(url);
		expect(res.status(), url).toBe(200);
		expect(res.headers()['cache-control'], url).toContain('no-store');
	}
	await anonymous.dispose();
});

test('autosave: saves of one question go out one after another, so the newest answer is the one kept', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const { page } = await newLearner(browser, 'Olga Kolejka');
	await gotoReady(page, '/courses/dyplomacja-ekonomiczna/quiz/partnerstwo-i-misja');
	await page.getByRole('button', { name: 'Rozpocznij test' }).click();
	await page.waitForURL(/\/quiz\/partnerstwo-i-misja\/[a-z0-9]+$/);
	// The quiz draws part of its pool; this test names a question, so the attempt gets them all.
	drawWholePool(new URL(page.url()).pathname.split('/').pop()!);
	await gotoReady(page, new URL(page.url()).pathname);

	// The first save is held back on its way, as a slow network would.
	const sent: { seq: number; answer: unknown; whileFirstOpen: boolean }[] = [];
	let first: Route | undefined;
	let firstOpen = false;
	await page.route('**/answer', async (route) => {
		const body = route.request().postDataJSON() as { seq: number; answer: unknown };
		sent.push({ ...body, whileFirstOpen: firstOpen });
		if (!first) {
			first = route;
			firstOpen = true;
			return;
		}
		await route.continue();
	});
	const question = page.getByRole('group', { name: /Kto w gminie decyduje/ });
	await question.getByRole('radio', { name: 'Burmistrz, w zarządzeniu' }).check();
	await expect.poll(() => sent.length).toBe(1);
	await question.getByRole('radio', { name: 'Rada gminy, w uchwale' }).check();
	await question.getByRole('radio', { name: 'Minister spraw zagranicznych, na wniosek gminy' }).check();
	// Nothing else leaves while the first save is open; then only the newest change follows.
	firstOpen = false;
	await first!.continue();
	await expect.poll(() => sent.length).toBe(2);
	await expect(page.locator('p.autosave')).toHaveText(/Zapisano/);
	expect(sent.map((s) => s.whileFirstOpen)).toEqual([false, false]);
	expect(sent[1].seq).toBeGreaterThan(sent[0].seq);
	expect(sent[0].answer).not.toEqual(sent[1].answer);

	await page.unroute('**/answer');
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(
		page
			.getByRole('group', { name: /Kto w gminie decyduje/ })
			.getByRole('radio', { name: 'Minister spraw zagranicznych, na wniosek gminy' })
	).toBeChecked();
	await page.context().close();
});

test('a download opened by a person without access gets a Polish page, a script gets JSON', async ({ request }) => {
	const html = await request.get('/trainer/groups/unknown/progress.csv', { headers: { accept: 'text/html' } });
	expect(html.status()).toBe(401);
	expect(await html.text()).toContain('Nie udało się otworzyć tej strony ani pliku (błąd 401)');
	const json = await request.get('/trainer/groups/unknown/progress.csv', { headers: { accept: 'application/json' } });
	expect(json.status()).toBe(401);
	expect(await json.json()).toEqual({ message: 'unauthorised' });
});
