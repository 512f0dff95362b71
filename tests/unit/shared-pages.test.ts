import type { RequestEvent } from '@sveltejs/kit';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
	forgetSharedPages,
	keepSharedPage,
	keptSharedPage,
	SHARED_PAGE_ROUTES,
	sharedPageKey
} from '$lib/server/shared-pages';

function eventFor(path: string, routeId: string | null, init: { method?: string; data?: boolean } = {}) {
	const url = new URL(path, 'http://localhost');
	return {
		request: new Request(url, { method: init.method ?? 'GET' }),
		route: { id: routeId },
		url,
		isDataRequest: init.data ?? false
	} as unknown as RequestEvent;
}

const page = (body: string, headers: Record<string, string> = {}, status = 200) =>
	new Response(body, { status, headers: { 'content-type': 'text/html', etag: '"x"', ...headers } });

afterEach(() => forgetSharedPages());

describe('which requests may be answered from memory', () => {
	it('is a listed page, asked for without a query, a session cookie or a data request, keyed by locale', () => {
		expect(sharedPageKey(eventFor('/login', '/(public)/login'), 'pl', false)).toBe('pl /login');
		expect(sharedPageKey(eventFor('/login', '/(public)/login'), 'en', false)).toBe('en /login');
		expect(sharedPageKey(eventFor('/login?signed_out', '/(public)/login'), 'pl', false)).toBeNull();
		expect(sharedPageKey(eventFor('/login?next=/courses', '/(public)/login'), 'pl', false)).toBeNull();
		expect(sharedPageKey(eventFor('/login', '/(public)/login'), 'pl', true)).toBeNull();
		expect(sharedPageKey(eventFor('/login', '/(public)/login', { method: 'POST' }), 'pl', false)).toBeNull();
		expect(sharedPageKey(eventFor('/login/__data.json', '/(public)/login', { data: true }), 'pl', false)).toBeNull();
		expect(sharedPageKey(eventFor('/dostepnosc', '/(public)/dostepnosc'), 'pl', false)).toBeNull();
		expect(sharedPageKey(eventFor('/nowhere', null), 'pl', false)).toBeNull();
	});

	it('lists only routes that exist', () => {
		for (const id of SHARED_PAGE_ROUTES) expect(existsSync(`src/routes${id}/+page.svelte`), id).toBe(true);
	});
});

describe('keeping a rendered page', () => {
	it('keeps a 200 page and serves the same body and headers again', async () => {
		expect(keptSharedPage('pl /login')).toBeNull();
		const first = await keepSharedPage('pl /login', page('<h1>Logowanie</h1>', { 'content-security-policy': 'a' }));
		expect(await first.text()).toBe('<h1>Logowanie</h1>');
		const again = keptSharedPage('pl /login')!;
		expect(again.status).toBe(200);
		expect(await again.text()).toBe('<h1>Logowanie</h1>');
		expect(again.headers.get('content-security-policy')).toBe('a');
		expect(again.headers.get('etag')).toBe('"x"');
		// Each answer has its own headers: the security-header hook sets them on every response.
		again.headers.set('x-frame-options', 'DENY');
		expect(keptSharedPage('pl /login')!.headers.has('x-frame-options')).toBe(false);
		expect(keptSharedPage('en /login')).toBeNull();
	});

	it('passes redirects, errors, cookies and non-HTML through without keeping them', async () => {
		const passing = [
			page('', { location: '/dashboard' }, 303),
			page('error', {}, 500),
			page('<h1>x</h1>', { 'set-cookie': 'a=b' }),
			new Response('{}', { headers: { 'content-type': 'application/json' } })
		];
		for (const response of passing) {
			expect(await keepSharedPage('pl /login', response)).toBe(response);
			expect(keptSharedPage('pl /login')).toBeNull();
		}
	});
});
