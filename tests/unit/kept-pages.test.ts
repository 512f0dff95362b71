import type { RequestEvent } from '@sveltejs/kit';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARED_PAGE_ROUTES, sharedPageKey } from '$lib/server/kept-pages/shared';
import { forgetKeptPages, keepPage, keptPage, MAX_KEPT_PAGES, slotMark } from '$lib/server/kept-pages/store';

function eventFor(
	path: string,
	routeId: string | null,
	init: { method?: string; data?: boolean; cookie?: string; signedIn?: boolean } = {}
) {
	const url = new URL(path, 'http://localhost');
	const headers = init.cookie ? { cookie: init.cookie } : undefined;
	return {
		request: new Request(url, { method: init.method ?? 'GET', headers }),
		route: { id: routeId },
		url,
		isDataRequest: init.data ?? false,
		locals: { user: init.signedIn ? { id: 'u1' } : null }
	} as unknown as RequestEvent;
}

const page = (body: string, headers: Record<string, string> = {}, status = 200) =>
	new Response(body, { status, headers: { 'content-type': 'text/html', etag: '"x"', ...headers } });

afterEach(() => forgetKeptPages());

describe('which public requests may be answered from memory', () => {
	const login = (path = '/login', init = {}) => eventFor(path, '/(public)/login', init);

	it('is a listed page at its own path, without a query or a data request, keyed by route and locale', () => {
		expect(sharedPageKey(login(), 'pl')).toBe('pl /(public)/login');
		expect(sharedPageKey(login(), 'en')).toBe('en /(public)/login');
		expect(sharedPageKey(login('/login', { cookie: 'akademia_lang=en' }), 'en')).toBe('en /(public)/login');
		expect(sharedPageKey(login('/login?signed_out'), 'pl')).toBeNull();
		expect(sharedPageKey(login('/login?next=/courses'), 'pl')).toBeNull();
		expect(sharedPageKey(login('/login', { method: 'POST' }), 'pl')).toBeNull();
		expect(sharedPageKey(login('/login/__data.json', { data: true }), 'pl')).toBeNull();
		expect(sharedPageKey(eventFor('/dostepnosc', '/(public)/dostepnosc'), 'pl')).toBeNull();
		expect(sharedPageKey(eventFor('/nowhere', null), 'pl')).toBeNull();
	});

	it('never for a signed-in visitor or one sending any cookie but the language, however it is spelled', () => {
		expect(sharedPageKey(login('/login', { signedIn: true }), 'pl')).toBeNull();
		for (const cookie of [
			'akademia_session=abc',
			'akademia_session =abc',
			' akademia_lang=pl;  akademia_session\t=abc',
			'__Host-akademia_session=abc',
			'other=1'
		])
			expect(sharedPageKey(login('/login', { cookie }), 'pl'), cookie).toBeNull();
	});

	it('not for another spelling of the path, so that the kept pages stay one per route and locale', () => {
		// SvelteKit decodes the path before matching routes: "/%6cogin" is the login page too.
		expect(sharedPageKey(login('/%6cogin'), 'pl')).toBeNull();
		expect(sharedPageKey(login('/l%6Fgin'), 'pl')).toBeNull();
	});

	it('lists only routes that exist', () => {
		for (const id of SHARED_PAGE_ROUTES) expect(existsSync(`src/routes${id}/+page.svelte`), id).toBe(true);
	});
});

describe('keeping a rendered page', () => {
	it('keeps a 200 page and serves the same body and headers again', async () => {
		expect(keptPage('pl /(public)/login')).toBeNull();
		const first = await keepPage('pl /(public)/login', page('<h1>Logowanie</h1>', { 'content-security-policy': 'a' }));
		expect(await first.text()).toBe('<h1>Logowanie</h1>');
		const again = keptPage('pl /(public)/login')!;
		expect(again.status).toBe(200);
		expect(await again.text()).toBe('<h1>Logowanie</h1>');
		expect(again.headers.get('content-security-policy')).toBe('a');
		expect(again.headers.get('etag')).toBe('"x"');
		// Each answer has its own headers: the security-header hook sets them on every response.
		again.headers.set('x-frame-options', 'DENY');
		expect(keptPage('pl /(public)/login')!.headers.has('x-frame-options')).toBe(false);
		expect(keptPage('en /(public)/login')).toBeNull();
	});

	it('passes redirects, errors, cookies and non-HTML through without keeping them', async () => {
		const passing = [
			page('', { location: '/dashboard' }, 303),
			page('error', {}, 500),
			page('<h1>x</h1>', { 'set-cookie': 'a=b' }),
			new Response('{}', { headers: { 'content-type': 'application/json' } })
		];
		for (const response of passing) {
			expect(await keepPage('pl /(public)/login', response)).toBe(response);
			expect(keptPage('pl /(public)/login')).toBeNull();
		}
	});
});

describe('a kept page with slots', () => {
	const template = `<p>${slotMark('name')}</p><input value="${slotMark('opened')}">`;

	it('fills each answer with its own values, escaped, and keeps no ETag, and gives each answer its own length', async () => {
		const first = await keepPage('k', page(template, { 'content-length': '99' }), { name: 'Ala', opened: '1.a' });
		expect(await first.text()).toBe('<p>Ala</p><input value="1.a">');
		expect(first.headers.has('etag')).toBe(false);
		expect(first.headers.get('content-length')).toBe('29'); // its own length, not the render's

		const other = keptPage('k', { name: '<b>Ola</b> & "syn"', opened: '2.b' })!;
		expect(await other.text()).toBe('<p>&#60;b&#62;Ola&#60;/b&#62; &#38; &#34;syn&#34;</p><input value="2.b">');
		expect(other.headers.get('content-type')).toBe('text/html');
		const expected = '<p>&#60;b&#62;Ola&#60;/b&#62; &#38; &#34;syn&#34;</p><input value="2.b">';
		expect(other.headers.get('content-length')).toBe(String(Buffer.byteLength(expected)));
	});

	it('fills but never keeps a render with a slot twice or a slot missing (its value may have gone in unmarked)', async () => {
		for (const body of [template + slotMark('name'), `<p>Ala</p><input value="${slotMark('opened')}">`]) {
			const sent = await keepPage('k', page(body), { name: 'Ala', opened: '1.a' });
			expect(await sent.text()).not.toContain('\u{E000}');
			expect(keptPage('k', { name: 'Ala', opened: '1.a' })).toBeNull();
		}
	});

	it('leaves text that only looks like a mark as it is: a typed title cannot make a slot', async () => {
		// A review found "\u{E000}constructor\u{E000}" in a case title broke every view of its lesson.
		const typed = ['\u{E000}constructor\u{E000}', '\u{E000}name\u{E000}', '\u{E000}AAAAAAAAAAAA:name\u{E000}'];
		const body = `${template}<p>${typed.join(' ')}</p>`;
		await keepPage('k', page(body), { name: 'Ala', opened: '1.a' });
		const again = await keptPage('k', { name: 'Ola', opened: '2.b' })!.text();
		expect(again).toBe(`<p>Ola</p><input value="2.b"><p>${typed.join(' ')}</p>`);
	});

	it('fills an answer it does not keep (an error page, a cookie) and keeps its status', async () => {
		const error = await keepPage('k', page(template, {}, 404), { name: 'Ala', opened: '1.a' });
		expect(error.status).toBe(404);
		expect(await error.text()).toBe('<p>Ala</p><input value="1.a">');
		const cookie = await keepPage('k', page(template, { 'set-cookie': 'a=b' }), { name: 'Ala', opened: '1.a' });
		expect(cookie.headers.get('set-cookie')).toBe('a=b');
		expect(keptPage('k', { name: 'Ala', opened: '1.a' })).toBeNull();
	});

	it('keeps at most MAX_KEPT_PAGES, forgetting the least recently served', async () => {
		for (let i = 0; i < MAX_KEPT_PAGES; i++) await keepPage(`p${i}`, page(`<p>${i}</p>`));
		expect(keptPage('p0')).not.toBeNull(); // now the most recently served
		await keepPage('one more', page('<p>+</p>'));
		expect(keptPage('p0')).not.toBeNull();
		expect(keptPage('p1')).toBeNull();
		expect(keptPage('one more')).not.toBeNull();
	});

	it('refuses a slot name that could not be found again', () => {
		expect(() => slotMark('Name')).toThrow();
		expect(() => slotMark('')).toThrow();
	});
});
