// THE authorisation table: one row per page, form action and endpoint under src/routes, with what each kind of
// person must get. security-authz.spec.ts enumerates src/routes and fails on any route without a row here.
//
// Row keys: "GET /path" for a page or GET endpoint, "POST /path?/action" for a form action ("?/default" for the
// default action), "POST /path" (or PUT/PATCH/DELETE) for an endpoint method. Paths are route ids without
// (groups): "/courses/[course]/quiz/[quiz]".
//
// Outcomes: a status code (200, 400, 401, 403, 404, ...), 'login' (303 to /login?next=...), or '->/path' (303 to
// a path starting with /path). For actions the matrix posts an EMPTY form: an allowed person then gets the
// action's own validation answer (usually 400), a denied one the guard's answer. Ids in URLs come from
// `params(fx)`, using the fixture objects (tests/e2e/fixtures.ts): `learner` owns them, `trainerOfGroup` trains
// the learner's group, `otherLearner` and `trainerOther` belong to another group and must be refused.
import type { Actor, Fixtures } from './fixtures';

export type Outcome = number | 'login' | `->${string}`;

export interface AuthzRow {
	/** Builds the route's params from the fixtures; omitted for routes without parameters. */
	params?: (fx: Fixtures) => Record<string, string>;
	expect: Record<Actor, Outcome>;
	/** The request ends the actor's session (sign-out): the matrix signs them in again afterwards. */
	endsSession?: true;
}

/** Shorthands for the common shapes. */
const all = (o: Outcome): Record<Actor, Outcome> => ({
	anonymous: o,
	learner: o,
	otherLearner: o,
	trainerOther: o,
	trainerOfGroup: o,
	admin: o
});
const signedIn = (o: Outcome, anonymous: Outcome = 'login'): Record<Actor, Outcome> => ({ ...all(o), anonymous });
const adminOnly = (ok: Outcome = 200): Record<Actor, Outcome> => ({
	anonymous: 'login',
	learner: 403,
	otherLearner: 403,
	trainerOther: 403,
	trainerOfGroup: 403,
	admin: ok
});
const learnerOnly = (ok: Outcome = 200): Record<Actor, Outcome> => ({
	anonymous: 'login',
	learner: ok,
	otherLearner: ok,
	trainerOther: 403,
	trainerOfGroup: 403,
	admin: 403
});
const trainerOrAdmin = (ok: Outcome = 200): Record<Actor, Outcome> => ({
	anonymous: 'login',
	learner: 403,
	otherLearner: 403,
	trainerOther: ok,
	trainerOfGroup: ok,
	admin: ok
});
const home = {
	learner: '->/dashboard',
	otherLearner: '->/dashboard',
	trainerOther: '->/trainer',
	trainerOfGroup: '->/trainer',
	admin: '->/admin'
} as const;

export const AUTHZ_TABLE: Record<string, AuthzRow> = {
	// --- foundation ---
	'GET /': { expect: { anonymous: '->/login', ...home } },
	'GET /login': { expect: { anonymous: 200, ...home } },
	// The action fails validation (400), then the page's load sends a signed-in person home.
	'POST /login?/default': { expect: { anonymous: 400, ...home } },
	'GET /logout': { expect: signedIn(200, '->/login') },
	'POST /logout?/default': { expect: all('->/login?signed_out'), endsSession: true },
	'GET /language': { expect: all('->/') },
	'POST /language?/default': { expect: all(400) },
	'GET /invitation/[token]': { params: () => ({ token: 'no-such-invitation' }), expect: all(200) },
	'POST /invitation/[token]?/default': { params: () => ({ token: 'no-such-invitation' }), expect: all(400) },
	'GET /reset-password': { expect: all(200) },
	'POST /reset-password?/default': { expect: all(400) },
	'GET /reset-password/[token]': { params: () => ({ token: 'no-such-reset' }), expect: all(200) },
	'POST /reset-password/[token]?/default': { params: () => ({ token: 'no-such-reset' }), expect: all(400) },
	'GET /account': { expect: signedIn(200) },
	'POST /account?/password': { expect: signedIn(400) },
	'GET /dashboard': { expect: learnerOnly() },
	'GET /trainer': { expect: trainerOrAdmin() },
	'GET /admin': { expect: adminOnly() },
	'GET /admin/invitations': { expect: adminOnly() },
	'POST /admin/invitations?/default': { expect: adminOnly(400) },
	'GET /admin/outbox': { expect: adminOnly() },

	// --- reliability: privacy, accessibility ---
	'GET /account/export.json': { expect: signedIn(200, 401) },
	'GET /admin/privacy': { expect: adminOnly() },
	'POST /admin/privacy?/find': { expect: adminOnly(400) },
	'POST /admin/privacy?/anonymise': { expect: adminOnly(400) },
	'GET /dostepnosc': { expect: all(200) }

	// --- lessons + progress: add rows here ---
	// --- quizzes: add rows here (attempt ids: params: (fx) => ({ attempt: fx.attemptId }), otherLearner 403/404) ---
	// --- certificates: add rows here ---
	// --- admin: add rows here ---
	// --- trainer: add rows here (group ids: params: (fx) => ({ group: fx.groupId }), trainerOther 403/404) ---
};

export { all, signedIn, adminOnly, learnerOnly, trainerOrAdmin, home };
