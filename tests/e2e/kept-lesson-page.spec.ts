// The lesson page is rendered once per lesson, locale and learner state and then served from memory, with the
// learner's name and signed field filled in per view (src/lib/server/kept-pages/lesson.ts). What must hold: each
// learner sees their own name and field, a change of state shows on the next view, the field of a kept page still
// completes the lesson, and a view that renews the session still sends its cookie.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { actorContext, catalogue, createFixtures, openServerDb, type Fixtures } from './fixtures';

let fx: Fixtures;
test.beforeAll(() => {
	fx = createFixtures();
});

// Not the course of the fixtures' certificate and attempts: both learners start it from nothing, in the same state.
const fixtureCourse = catalogue().courses.find((c) => c.quizzes.length > 0) ?? catalogue().courses[0];
const course = catalogue().courses.findLast((c) => c.slug !== fixtureCourse.slug)!;
const lessonPath = `/courses/${course.slug}/${course.lessons[0].slug}`;
const openedOf = (html: string) => /name="opened" value="([^"]+)"/.exec(html)![1];

async function view(ctx: APIRequestContext) {
	const res = await ctx.get(lessonPath);
	expect(res.status()).toBe(200);
	return { res, html: await res.text() };
}

test('each learner gets their own name and signed field; a change of state shows on the next view', async () => {
	const db = openServerDb();
	// A name that must be escaped, to see that a filled-in slot is HTML-safe.
	db.prepare('update users set name = ? where id = ?').run('Olaf <Obcy> & "syn"', fx.people.otherLearner.id);
	db.close();
	const lena = await actorContext(fx.people.learner);
	const olaf = await actorContext(fx.people.otherLearner);

	const first = await view(lena);
	const again = await view(lena);
	expect(first.html).toContain('Lena Właścicielka');
	expect(openedOf(again.html)).not.toBe(openedOf(first.html));
	expect(again.html.replace(openedOf(again.html), '')).toBe(first.html.replace(openedOf(first.html), ''));
	expect(first.res.headers()['cache-control']).toBe('private, no-store');
	expect(first.res.headers()['etag']).toBeUndefined();

	const other = (await view(olaf)).html;
	expect(other).not.toContain('Lena');
	expect(other).not.toContain('<Obcy>');
	expect(other).toMatch(/Olaf &(lt|#60);Obcy&(gt|#62); &(amp|#38); &(quot|#34);syn&(quot|#34);/);
	// Same state, same page: only the name and the field differ.
	const normalise = (html: string, name: RegExp) => html.replace(openedOf(html), '').replace(name, 'NAME');
	expect(normalise(other, /Olaf [^<]*syn&[^<]*?;/)).toBe(normalise(first.html, /Lena Właścicielka/));

	// Lena presses "mark as completed" (no JavaScript) with the field of the kept page: the press is accepted
	// (the end is reached, the reading time is still missing), and her next view says so; Olaf's does not.
	expect(first.html).toContain('data-rule');
	const press = await lena.post(`${lessonPath}?/complete`, { form: { opened: openedOf(again.html) }, maxRedirects: 0 });
	expect(press.status()).toBe(303);
	const after = (await view(lena)).html;
	expect(after).toContain('data-missing');
	expect(after).not.toContain('data-rule');
	expect((await view(olaf)).html).toContain('data-rule');
	await lena.dispose();
	await olaf.dispose();
});

test('a view that renews the session sends the cookie again, and the next one is served as before', async () => {
	const ctx = await actorContext(fx.people.learner);
	// Seen once, so that the state is kept whatever ran before: the renewing view would be answered from memory.
	const before = await view(ctx);
	const db = openServerDb();
	// Less than half the session's life left: this view slides the expiry and must send the cookie.
	db.prepare('update sessions set expires_at = ? where user_id = ?').run(
		Date.now() + 24 * 3600 * 1000,
		fx.people.learner.id
	);
	db.close();
	const renewing = await view(ctx);
	expect(renewing.res.headers()['set-cookie']).toMatch(/akademia_session=/);
	expect(renewing.html.replace(openedOf(renewing.html), '')).toBe(before.html.replace(openedOf(before.html), ''));
	const next = await view(ctx);
	expect(next.res.headers()['set-cookie']).toBeUndefined();
	expect(next.html.replace(openedOf(next.html), '')).toBe(renewing.html.replace(openedOf(renewing.html), ''));
	await ctx.dispose();
});
