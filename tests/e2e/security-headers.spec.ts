// Security headers, CSP with hydration, cookies and sessions, on the real build; the https case runs a second
// server behind a simulated reverse proxy (PROTOCOL_HEADER), since the main e2e server has a fixed http ORIGIN.
import { expect, request, test, type APIResponse } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { actorContext, BASE_URL, createFixtures, PORT, type Fixtures } from './fixtures';
import { DEMO, DEMO_PASSWORD, gotoReady, signIn } from './helpers';

function expectBaseHeaders(res: APIResponse) {
	const h = res.headers();
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('same-origin');
	expect(h['x-frame-options']).toBe('DENY');
}

test.describe('headers over http', () => {
	let fx: Fixtures;
	test.beforeAll(() => {
		fx = createFixtures();
	});

	// Hashes, not nonces (svelte.config.js): a page kept for every visitor (kept-pages/) must not repeat a nonce.
	test('a page has CSP without unsafe script sources, and every inline script is allowed by its hash', async () => {
		const ctx = await actorContext(null);
		const res = await ctx.get('/login');
		expectBaseHeaders(res);
		const csp = res.headers()['content-security-policy'];
		expect(csp).toBeTruthy();
		const directives = Object.fromEntries(
			csp.split(';').map((d) => {
				const [name, ...values] = d.trim().split(/\s+/);
				return [name, values];
			})
		);
		expect(directives['default-src']).toEqual(["'self'"]);
		expect(directives['frame-ancestors']).toEqual(["'none'"]);
		expect(directives['object-src']).toEqual(["'none'"]);
		expect(directives['script-src']).toContain("'self'");
		expect(directives['script-src'].join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|nonce-|\*|https?:/);
		const html = await res.text();
		const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]));
		expect(inline.length).toBeGreaterThan(0);
		for (const [, , body] of inline) {
			const hash = createHash('sha256').update(body).digest('base64');
			expect(directives['script-src'], 'an inline script needs its hash in the CSP').toContain(`'sha256-${hash}'`);
		}
		// No HSTS over plain http (it would be ignored, and wrong on localhost).
		expect(res.headers()['strict-transport-security']).toBeUndefined();
		await ctx.dispose();
	});

	test('the sign-in page is kept for visitors without a session, never for one with a session or a query', async () => {
		const anonymous = await actorContext(null);
		const first = await anonymous.get('/login');
		const again = await anonymous.get('/login');
		expect(await again.text()).toBe(await first.text());
		expectBaseHeaders(again);
		expect(again.headers()['content-security-policy']).toBe(first.headers()['content-security-policy']);
		// A query renders afresh: the notice after signing out is on that page only.
		expect(await (await anonymous.get('/login?signed_out')).text()).toContain('role="status"');
		expect(await (await anonymous.get('/login')).text()).not.toContain('role="status"');
		// Each language has its own copy.
		const english = await anonymous.get('/login', { headers: { cookie: 'akademia_lang=en' } });
		expect(await english.text()).toContain('<html lang="en"');
		// A signed-in visitor still goes to their start page, after the page was kept.
		const learner = await actorContext(fx.people.learner);
		const signedIn = await learner.get('/login', { maxRedirects: 0 });
		expect(signedIn.status()).toBe(303);
		// A valid session however its cookie is spelled is never kept for others (a review found " =" slipped by).
		const { cookies } = await learner.storageState();
		const token = cookies.find((c) => c.name === 'akademia_session')!.value;
		const own = await anonymous.get('/verify', { headers: { cookie: `akademia_session =${token}` } });
		expect(await own.text()).toContain('action="/logout"');
		expect(await (await anonymous.get('/verify')).text()).not.toContain('action="/logout"');
		// An expired or forged session cookie renders afresh, so that its deletion reaches the browser.
		const stale = await anonymous.get('/login', { headers: { cookie: 'akademia_session=forged' } });
		expect(stale.headers()['set-cookie']).toMatch(/akademia_session=;/);
		await anonymous.dispose();
		await learner.dispose();
	});

	test('an endpoint answers with the same headers, not cacheable', async () => {
		const anonymous = await actorContext(null);
		const denied = await anonymous.get('/account/export.json');
		expect(denied.status()).toBe(401);
		expectBaseHeaders(denied);
		const learner = await actorContext(fx.people.learner);
		const res = await learner.get('/account/export.json');
		expect(res.status()).toBe(200);
		expectBaseHeaders(res);
		expect(res.headers()['content-type']).toContain('application/json');
		expect(res.headers()['cache-control']).toContain('no-store');
		expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="akademia-moje-dane-/);
		await anonymous.dispose();
		await learner.dispose();
	});

	test('pages still hydrate under the CSP and the browser reports no violation', async ({ page }) => {
		const violations: string[] = [];
		page.on('console', (msg) => {
			if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
		});
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) =>
				console.error(`Refused to: CSP ${e.violatedDirective} ${e.blockedURI}`)
			);
		});
		await gotoReady(page, '/login');
		await gotoReady(page, '/dostepnosc');
		await signIn(page, DEMO.admin);
		await gotoReady(page, '/admin/privacy');
		await gotoReady(page, '/account');
		expect(violations).toEqual([]);
	});

	test('sign-in issues a new token, ignores a planted one, and sign-out ends the session', async () => {
		const ctx = await request.newContext({
			baseURL: BASE_URL,
			extraHTTPHeaders: { origin: BASE_URL, accept: 'text/html' }
		});
		const planted = 'attacker-chosen-token-aaaaaaaaaaaaaaaa';
		await ctx.storageState();
		const login = async () => {
			const res = await ctx.post('/login', {
				form: { email: fx.people.otherLearner.email, password: DEMO_PASSWORD },
				maxRedirects: 0,
				headers: { cookie: `akademia_session=${planted}` }
			});
			expect(res.status()).toBe(303);
			const cookie = res
				.headersArray()
				.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('akademia_session='));
			expect(cookie?.value).toMatch(/HttpOnly/);
			expect(cookie?.value).toMatch(/SameSite=Lax/);
			return cookie!.value.split(';')[0].split('=')[1];
		};
		const first = await login();
		const second = await login();
		expect(first).not.toBe(planted);
		expect(second).not.toBe(first);
		// Both sessions work until signed out; signing out ends exactly that one.
		const withToken = (token: string) => ({ headers: { cookie: `akademia_session=${token}` }, maxRedirects: 0 });
		expect((await ctx.get('/account', withToken(first))).status()).toBe(200);
		const out = await ctx.post('/logout', { ...withToken(first), form: {} });
		expect(out.status()).toBe(303);
		expect((await ctx.get('/account', withToken(first))).status()).toBe(303);
		expect((await ctx.get('/account', withToken(second))).status()).toBe(200);
		await ctx.dispose();
	});
});

test.describe('behind an https reverse proxy', () => {
	const port = PORT + 1000;
	const db = `test-results/e2e-https-${port}.db`;
	let server: ChildProcess | undefined;

	test.beforeAll(async () => {
		for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
		// No ORIGIN: the scheme and host come from the proxy's headers, as in a PROTOCOL_HEADER deployment.
		const { ORIGIN: _origin, ...env } = process.env;
		server = spawn(process.execPath, ['build/index.js'], {
			env: {
				...env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_URL: db,
				AKADEMIA_DEMO: '1',
				PROTOCOL_HEADER: 'x-forwarded-proto',
				HOST_HEADER: 'x-forwarded-host'
			},
			stdio: 'ignore'
		});
		for (let i = 0; i < 100; i++) {
			try {
				if ((await fetch(`http://127.0.0.1:${port}/login`)).ok) return;
			} catch {
				/* not up yet */
			}
			await new Promise((r) => setTimeout(r, 200));
		}
		throw new Error('the https-proxy test server did not start');
	});
	test.afterAll(() => {
		if (server?.exitCode === null) server.kill('SIGTERM');
	});

	const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': `localhost:${port}`, accept: 'text/html' };

	test('HSTS and a __Host- cookie that is Secure, HttpOnly and SameSite=Lax', async () => {
		const ctx = await request.newContext({ baseURL: `http://127.0.0.1:${port}` });
		const page = await ctx.get('/login', { headers: proxied });
		expect(page.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
		expectBaseHeaders(page);
		const res = await ctx.post('/login', {
			headers: { ...proxied, origin: `https://localhost:${port}` },
			form: { email: DEMO.admin, password: DEMO_PASSWORD },
			maxRedirects: 0
		});
		expect(res.status()).toBe(303);
		const cookie = res
			.headersArray()
			.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('session='));
		expect(cookie?.value).toMatch(/^__Host-akademia_session=[a-z0-9]+;/);
		for (const flag of ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']) expect(cookie?.value).toContain(flag);
		expect(cookie?.value).not.toMatch(/Domain=/i);
		expect(res.headers()['strict-transport-security']).toBeTruthy();
		// The same server over plain http: no HSTS, no Secure cookie.
		const plain = await ctx.get('/login', {
			headers: { 'x-forwarded-proto': 'http', 'x-forwarded-host': `localhost:${port}` }
		});
		expect(plain.headers()['strict-transport-security']).toBeUndefined();
		await ctx.dispose();
	});

	test('sign-in throttling: the 6th attempt within 15 minutes is refused, even with the right password (ASVS 2.2.1)', async () => {
		const ctx = await request.newContext({ baseURL: `http://127.0.0.1:${port}` });
		const attempt = (password: string) =>
			ctx.post('/login', {
				headers: { ...proxied, origin: `https://localhost:${port}` },
				form: { email: DEMO.trainer, password },
				maxRedirects: 0
			});
		for (let i = 0; i < 5; i++) expect((await attempt(`wrong-password-${i}`)).status()).toBe(400);
		const blocked = await attempt(DEMO_PASSWORD);
		expect(blocked.status()).toBe(429);
		expect(await blocked.text()).toContain('Zbyt wiele');
		await ctx.dispose();
	});
});
