// Property-based hostile input (fast-check) against every form action and write endpoint on the real build: the
// answer is always a 4xx with a readable message, never a 5xx, and the database is unchanged afterwards (a hash of
// every table except auth_throttle, where a rejected sign-in legitimately counts a failure, and sessions, whose
// expiry may slide forward).
import { expect, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { HOSTILE_TABLE, type HostileRow } from './hostile-table';
import { actorContext, createFixtures, databaseDigest, openServerDb, type Fixtures } from './fixtures';
import { enumerateRoutes, fillRoute, type RouteEntry } from './routes';

const targets = enumerateRoutes().filter((r) => r.kind === 'action' || (r.kind === 'endpoint' && r.method !== 'GET'));

test('every form action and write endpoint has a row in the hostile-input table', () => {
	const missing = targets.filter((r) => !(r.key in HOSTILE_TABLE)).map((r) => `${r.key}   (${r.file})`);
	expect(missing, 'add these rows to tests/e2e/hostile-table.ts').toEqual([]);
});

/**
 * Hostile values. Most break a rule of every field (length, markup, control characters, shape); a few (SQL-like,
 * JSON-like, CRLF) are legal free text that must simply be stored as text: rows whose action would then succeed
 * target an unknown id (see hostile-table.ts).
 */
const hostileString = fc.oneof(
	fc.constant('x'.repeat(10_240)),
	fc.constant('<script>alert(1)</script>'),
	fc.constant('"><img src=x onerror=alert(1)>'),
	fc.constant('a\u0000b'),
	fc.constant('\u0000'),
	fc.constant(''),
	fc.constant('   '),
	fc.constant("' OR 1=1; DROP TABLE users; --"),
	fc.constant('=HYPERLINK("http://example.com")'),
	fc.constant('\r\nSet-Cookie: x=y'),
	fc.constant('😀'.repeat(3000)),
	fc.constant('{"$ne":null}'),
	fc.constant('a@b'),
	fc.string({ maxLength: 40 }).map((s) => `<${s}\u0000`),
	fc.string({ unit: 'binary', minLength: 200, maxLength: 400 }).map((s) => `\u0007${s}`)
);

/** One field: missing, one hostile value, several values, or a file where text is expected. */
const fieldValue = fc.oneof(
	fc.constant({ kind: 'missing' as const }),
	hostileString.map((v) => ({ kind: 'one' as const, v })),
	fc.array(hostileString, { minLength: 2, maxLength: 3 }).map((v) => ({ kind: 'many' as const, v })),
	fc.constant({ kind: 'file' as const })
);

const encoding = fc.constantFrom('urlencoded', 'multipart', 'json', 'text', 'empty');

function buildBody(fields: string[], values: { kind: string; v?: string | string[] }[], enc: string) {
	if (enc === 'empty') return { headers: {}, data: undefined as unknown };
	const pairs: [string, string][] = [['extra<field>', '<b>unexpected</b>']];
	fields.forEach((name, i) => {
		const value = values[i];
		if (value.kind === 'one') pairs.push([name, value.v as string]);
		if (value.kind === 'many') for (const v of value.v as string[]) pairs.push([name, v]);
		if (value.kind === 'file') pairs.push([name, 'FILE']);
	});
	if (enc === 'json')
		return { headers: { 'content-type': 'application/json' }, data: JSON.stringify(Object.fromEntries(pairs)) };
	if (enc === 'text')
		return { headers: { 'content-type': 'text/plain' }, data: pairs.map((p) => p.join('=')).join('\n') };
	if (enc === 'multipart') {
		const form = new FormData();
		for (const [k, v] of pairs) {
			if (v === 'FILE') form.append(k, new Blob(['%PDF-1.4 \u0000 binary'], { type: 'application/pdf' }), 'x.pdf');
			else form.append(k, v);
		}
		return { headers: {}, data: form };
	}
	const params = new URLSearchParams();
	for (const [k, v] of pairs) params.append(k, v === 'FILE' ? '' : v);
	return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: params.toString() };
}

function looksClear(status: number, text: string, kind: RouteEntry['kind']) {
	// No stack trace or internal error text leaks, and there is something a person can read.
	if (/\n\s+at .+\(.+:\d+:\d+\)|SqliteError|TypeError|ReferenceError/.test(text)) return false;
	if (status >= 300 && status < 400) return true; // an accepted redirect (rows list it in alsoAccept)
	if (text.trim().length === 0) return false;
	// Forms show a person the error summary or the error page; endpoints answer scripts, any message will do.
	if (kind === 'action' && status === 400 && text.includes('<html')) return /role="alert"|<h1>[^<]*400/.test(text);
	return true;
}

test.describe('hostile input', () => {
	let fx: Fixtures;
	const contexts = new Map<string, APIRequestContext>();
	test.beforeAll(async ({ browser }) => {
		// Pages that earlier spec files left open (same worker, same browser) keep sending lesson heartbeats, which
		// would change the database between a digest and its check: close them first.
		for (const context of browser.contexts()) await context.close();
		fx = createFixtures();
	});
	test.afterAll(async () => {
		for (const ctx of contexts.values()) await ctx.dispose();
	});
	async function contextFor(row: HostileRow) {
		if (!contexts.has(row.actor))
			contexts.set(row.actor, await actorContext(row.actor === 'anonymous' ? null : fx.people[row.actor]));
		return contexts.get(row.actor)!;
	}

	for (const route of targets) {
		const row = HOSTILE_TABLE[route.key];
		if (!row || row.skip) continue;
		test(route.key, async () => {
			const ctx = await contextFor(row);
			const url = targetUrl(route, fillRoute(route.routeId, row.params?.(fx)));
			const accepted = [400, 413, 415, ...(row.alsoAccept ?? [])];
			const before = databaseDigest();
			const problems: string[] = [];
			const run = fc.assert(
				fc.asyncProperty(
					fc.array(fieldValue, { minLength: row.fields.length, maxLength: row.fields.length }),
					encoding,
					async (values, enc) => {
						fc.pre(!row.validInput?.(fieldMap(row.fields, values)));
						const { headers, data } = buildBody(row.fields, values, enc);
						const res = await ctx.fetch(url, {
							method: route.method,
							headers,
							...(data instanceof FormData ? { multipart: data } : { data }),
							maxRedirects: 0
						} as Parameters<APIRequestContext['fetch']>[1]);
						const text = await res.text();
						const clear =
							looksClear(res.status(), text, route.kind) || (!!row.knownUnclearMessage && res.status() < 500);
						const reachedFields = !row.refusedBeforeFields || !text.includes(row.refusedBeforeFields);
						const ok = accepted.includes(res.status()) && clear && reachedFields;
						if (!ok)
							problems.push(`${enc} ${JSON.stringify(values).slice(0, 200)} -> ${res.status()} ${text.slice(0, 200)}`);
						return ok;
					}
				),
				{ numRuns: 25, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31), endOnFailure: true }
			);
			await run.catch(() => undefined);
			// The first counter-example, readable (fast-check's own report is on the property, not the request).
			expect(problems).toEqual([]);
			await run;
			// A body far over the limit is refused (413), or never read because the request fails earlier (400).
			const huge = await ctx.fetch(url, {
				method: route.method,
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				data: `${row.fields[0] ?? 'x'}=${'A'.repeat(2_000_000)}`,
				maxRedirects: 0
			});
			expect([400, 413, ...(row.alsoAccept ?? [])]).toContain(huge.status());
			expect(databaseDigest()).toEqual(before);
		});
	}

	test('the live invitation and reset link are still unused and open after the hostile input', async () => {
		const db = openServerDb();
		try {
			const invitation = db.prepare('select used_at from invitations where id = ?').get(fx.invitation.id);
			const reset = db.prepare('select used_at from password_resets where id = ?').get(fx.passwordReset.id);
			expect(invitation).toEqual({ used_at: null });
			expect(reset).toEqual({ used_at: null });
		} finally {
			db.close();
		}
		const ctx = await actorContext(null);
		const invitationPage = await ctx.get(`/invitation/${fx.invitation.token}`);
		expect(await invitationPage.text()).toContain('Załóż konto');
		const resetPage = await ctx.get(`/reset-password/${fx.passwordReset.token}`);
		expect(await resetPage.text()).toContain('Zapisz nowe hasło');
		// The link reads its fields: a short password gets the field's own message, not the link's.
		const invalidShort = await ctx.post(`/reset-password/${fx.passwordReset.token}`, {
			form: { password: 'krotkie', password_repeat: 'krotkie' },
			maxRedirects: 0
		});
		expect(invalidShort.status()).toBe(400);
		expect(await invalidShort.text()).toContain('co najmniej 12 znaków');
		await ctx.dispose();
	});

	test('a POST naming the reserved action "default" gets a 400, not a server error', async () => {
		const ctx = await actorContext(null);
		const res = await ctx.post('/login?/default', { form: { email: 'a' }, maxRedirects: 0 });
		expect(res.status()).toBe(400);
		await ctx.dispose();
	});
});

/** The generated values by field name, as the action would read them (a file or a missing field: undefined). */
function fieldMap(fields: string[], values: { kind: string; v?: string | string[] }[]) {
	return Object.fromEntries(fields.map((name, i) => [name, values[i].kind === 'file' ? undefined : values[i].v]));
}

function targetUrl(route: RouteEntry, path: string) {
	return route.kind === 'action' && route.action !== 'default' ? `${path}?/${route.action}` : path;
}
