// The authorisation matrix: every route from src/routes x every kind of person, against tests/e2e/authz-table.ts.
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { AUTHZ_TABLE, type Outcome } from './authz-table';
import { ACTORS, actorContext, createFixtures, type Actor, type Fixtures } from './fixtures';
import { enumerateRoutes, fillRoute, type RouteEntry } from './routes';

const routes = enumerateRoutes();

test('every route in src/routes has a row in the authorisation table, and every row a route', () => {
	const keys = new Set(routes.map((r) => r.key));
	const missing = routes.filter((r) => !(r.key in AUTHZ_TABLE)).map((r) => `${r.key}   (${r.file})`);
	const stale = Object.keys(AUTHZ_TABLE).filter((k) => !keys.has(k) && !AUTHZ_TABLE[k].pending);
	expect(missing, 'add these rows to tests/e2e/authz-table.ts').toEqual([]);
	expect(stale, 'these rows name routes that no longer exist').toEqual([]);
});

test('the route reader finds pages, named actions and endpoints', () => {
	const keys = routes.map((r) => r.key);
	expect(keys).toContain('GET /admin/invitations');
	expect(keys).toContain('POST /account?/password');
	expect(keys).toContain('GET /account/export.json');
});

function describeOutcome(res: APIResponse): string {
	const location = res.headers()['location'];
	return res.status() >= 300 && res.status() < 400 && location
		? `${res.status()} -> ${location}`
		: String(res.status());
}

function matches(res: APIResponse, outcome: Outcome): boolean {
	const status = res.status();
	const location = res.headers()['location'] ?? '';
	if (typeof outcome === 'number') return status === outcome;
	if (outcome === 'login') return status === 303 && location.startsWith('/login?next=');
	return status === 303 && location.startsWith(outcome.slice(2));
}

test.describe('authorisation matrix', () => {
	let fx: Fixtures;
	const contexts = new Map<Actor, APIRequestContext>();

	test.beforeAll(async () => {
		fx = createFixtures();
		for (const actor of ACTORS)
			contexts.set(actor, await actorContext(actor === 'anonymous' ? null : fx.people[actor]));
	});
	test.afterAll(async () => {
		for (const ctx of contexts.values()) await ctx.dispose();
	});

	async function send(ctx: APIRequestContext, route: RouteEntry, url: string) {
		const options = { method: route.method, maxRedirects: 0 } as const;
		if (route.kind === 'action') {
			const target = route.action === 'default' ? url : `${url}?/${route.action}`;
			return ctx.fetch(target, { ...options, form: {} });
		}
		if (route.method === 'GET' || route.method === 'HEAD') return ctx.fetch(url, options);
		return ctx.fetch(url, { ...options, data: {} });
	}

	async function tryEveryActor(route: RouteEntry, url: string, outcomes: Record<Actor, Outcome>, endsSession = false) {
		const wrong: string[] = [];
		for (const actor of ACTORS) {
			const ctx = contexts.get(actor)!;
			const res = await send(ctx, route, url);
			const expected = outcomes[actor];
			if (!matches(res, expected)) wrong.push(`${actor}: expected ${expected}, got ${describeOutcome(res)}`);
			// A server error is never an acceptable answer to anyone.
			expect(res.status(), `${actor} got a server error`).toBeLessThan(500);
			if (endsSession && actor !== 'anonymous') {
				await ctx.dispose();
				contexts.set(actor, await actorContext(fx.people[actor]));
			}
		}
		return wrong;
	}

	for (const route of routes) {
		test(route.key, async () => {
			const row = AUTHZ_TABLE[route.key];
			test.skip(!row, 'no row: the table test above fails');
			const url = fillRoute(route.routeId, row.params?.(fx));
			const wrong = await tryEveryActor(route, url, row.expect, row.endsSession);
			expect(wrong, `${route.key} at ${url}`).toEqual([]);
			for (const extra of row.also ?? []) {
				const extraUrl = fillRoute(route.routeId, extra.params(fx));
				const extraWrong = await tryEveryActor(route, extraUrl, extra.expect, row.endsSession);
				expect(extraWrong, `${route.key} (${extra.why}) at ${extraUrl}`).toEqual([]);
			}
		});
	}

	test('the export holds only the signed-in person’s data, whoever asks', async () => {
		for (const actor of ['learner', 'otherLearner', 'trainerOfGroup', 'admin'] as const) {
			const res = await contexts.get(actor)!.get('/account/export.json');
			expect(res.status()).toBe(200);
			const body = await res.json();
			expect(body.profile.id).toBe(fx.people[actor].id);
			expect(JSON.stringify(body)).not.toMatch(/password|token|"sessions"|argon2/i);
		}
		const learner = await (await contexts.get('learner')!.get('/account/export.json')).json();
		expect(learner.certificates.map((c: { code: string }) => c.code)).toEqual([fx.certificateCode]);
		expect(learner.groupMemberships.map((g: { id: string }) => g.id)).toEqual([fx.groupId]);
		// The matrix may have started more attempts (POST ?/start); the fixture attempt is among them.
		if (fx.course.quizzes.length > 0)
			expect(learner.quizAttempts.map((a: { id: string }) => a.id)).toContain(fx.attemptId);
		// Every attempt in the export is the learner's own: none of the other fixture people's.
		const others = await (await contexts.get('otherLearner')!.get('/account/export.json')).json();
		for (const a of others.quizAttempts as { id: string }[])
			expect(learner.quizAttempts.map((b: { id: string }) => b.id)).not.toContain(a.id);
	});
});
