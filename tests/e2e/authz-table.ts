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
	/**
	 * Written from a feature branch before its routes reached main: not reported as stale while the route is
	 * missing. Once the route exists the row is checked like any other; drop the flag when it passes.
	 */
	pending?: true;
	/** Builds the route's params from the fixtures; omitted for routes without parameters. */
	params?: (fx: Fixtures) => Record<string, string>;
	expect: Record<Actor, Outcome>;
	/** The request ends the actor's session (sign-out): the matrix signs them in again afterwards. */
	endsSession?: true;
	/**
	 * More id combinations for the same route, each tried by every actor like the row itself (one row per route
	 * key, so cross-object cases live here): e.g. a group the trainer trains with a person from another group.
	 */
	also?: { why: string; params: (fx: Fixtures) => Record<string, string>; expect: Record<Actor, Outcome> }[];
}

const draftProgramme = (fx: Fixtures) => ({ id: fx.programme.draftId });
const publishedProgramme = (fx: Fixtures) => ({ id: fx.programme.publishedId });

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
/** Objects owned by `learner`: everyone else, admins included, is refused with `denied`. */
const ownerOnly = (ok: Outcome, denied: Outcome): Record<Actor, Outcome> => ({
	anonymous: 'login',
	learner: ok,
	otherLearner: denied,
	trainerOther: denied,
	trainerOfGroup: denied,
	admin: denied
});
/** The group's trainers and admins; learners 403, the trainer of another group `other`. */
const groupTrainers = (ok: Outcome, other: Outcome): Record<Actor, Outcome> => ({
	anonymous: 'login',
	learner: 403,
	otherLearner: 403,
	trainerOther: other,
	trainerOfGroup: ok,
	admin: ok
});
const course = (fx: Fixtures) => ({ course: fx.course.slug });
const lesson = (fx: Fixtures) => ({ course: fx.course.slug, lesson: fx.course.lessons[0].slug });
const quiz = (fx: Fixtures) => ({ course: fx.course.slug, quiz: fx.course.quizzes[0]?.slug ?? 'final' });
const attempt = (fx: Fixtures) => ({ ...quiz(fx), attempt: fx.attemptId });
const group = (fx: Fixtures) => ({ group: fx.groupId });
const spare = (fx: Fixtures) => ({ id: fx.spareUserId });
const diagnosis = () => ({ slug: 'diagnoza-wspolpracy-zagranicznej' });

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
	'GET /dostepnosc': { expect: all(200) },

	// --- live trainings: public pages (no account), token links, organiser pages (admins) ---
	'GET /trainings': { expect: all(200) },
	'GET /trainings/[slug]': { params: (fx) => ({ slug: fx.training.slug }), expect: all(200) },
	'POST /trainings/[slug]?/default': { params: (fx) => ({ slug: fx.training.slug }), expect: all(400) },
	'GET /trainings/[slug]/calendar.ics': { params: (fx) => ({ slug: fx.training.slug }), expect: all(200) },
	'GET /trainings/[slug]/programme.pdf': { params: (fx) => ({ slug: fx.training.slug }), expect: all(200) },
	'GET /trainings/[slug]/cancel/[token]': {
		params: (fx) => ({ slug: fx.training.slug, token: fx.training.cancelToken }),
		expect: all(200),
		also: [{ why: 'an unknown token', params: (fx) => ({ slug: fx.training.slug, token: 'nope' }), expect: all(404) }]
	},
	// The token is the key (no account): whoever holds the link may use it; later posts find it used (still 200).
	'POST /trainings/[slug]/cancel/[token]?/default': {
		params: (fx) => ({ slug: fx.training.slug, token: fx.training.cancelToken }),
		expect: all(200),
		also: [{ why: 'an unknown token', params: (fx) => ({ slug: fx.training.slug, token: 'nope' }), expect: all(404) }]
	},
	'GET /trainings/[slug]/approval/[token]': {
		params: (fx) => ({ slug: fx.training.slug, token: fx.training.approvalToken }),
		expect: all(200),
		also: [{ why: 'an unknown token', params: (fx) => ({ slug: fx.training.slug, token: 'nope' }), expect: all(404) }]
	},
	'POST /trainings/[slug]/approval/[token]?/approve': {
		params: (fx) => ({ slug: fx.training.slug, token: fx.training.approvalToken }),
		expect: all(200),
		also: [{ why: 'an unknown token', params: (fx) => ({ slug: fx.training.slug, token: 'nope' }), expect: all(404) }]
	},
	'POST /trainings/[slug]/approval/[token]?/decline': {
		params: (fx) => ({ slug: fx.training.slug, token: fx.training.approvalToken }),
		expect: all(200),
		also: [{ why: 'an unknown token', params: (fx) => ({ slug: fx.training.slug, token: 'nope' }), expect: all(404) }]
	},
	'GET /admin/trainings': { expect: adminOnly() },
	'POST /admin/trainings?/default': { expect: adminOnly(400) },
	'GET /admin/trainings/[id]': { params: (fx) => ({ id: fx.training.id }), expect: adminOnly() },
	'POST /admin/trainings/[id]?/save': { params: (fx) => ({ id: fx.training.id }), expect: adminOnly(400) },
	'POST /admin/trainings/[id]?/addDay': { params: (fx) => ({ id: fx.training.id }), expect: adminOnly(400) },
	'POST /admin/trainings/[id]?/moveDay': { params: (fx) => ({ id: fx.training.id }), expect: adminOnly(400) },
	'POST /admin/trainings/[id]?/saveProgramme': { params: (fx) => ({ id: fx.training.id }), expect: adminOnly(400) },
	'POST /admin/trainings/[id]?/removeDay': { params: (fx) => ({ id: fx.training.id }), expect: adminOnly(400) },
	'POST /admin/trainings/[id]?/confirm': { params: (fx) => ({ id: fx.training.id }), expect: adminOnly(400) },
	'POST /admin/trainings/[id]?/cancel': { params: (fx) => ({ id: fx.training.id }), expect: adminOnly(400) },
	'POST /admin/trainings/[id]?/move': { params: (fx) => ({ id: fx.training.id }), expect: adminOnly(400) },
	// Takes no input: an admin's empty post runs it (confirmed registrants join the group or are invited).
	'POST /admin/trainings/[id]?/enrol': { params: (fx) => ({ id: fx.training.id }), expect: adminOnly(200) },
	'POST /admin/trainings/[id]?/cancelTraining': { params: (fx) => ({ id: fx.training.id }), expect: adminOnly(400) },
	'GET /admin/trainings/[id]/registrations.csv': {
		params: (fx) => ({ id: fx.training.id }),
		expect: { ...adminOnly(), anonymous: 401 }
	},
	'GET /attendance/[sessionId]/sign-in-sheet.pdf': {
		params: (fx) => ({ sessionId: fx.liveSessionId }),
		expect: { ...groupTrainers(200, 403), anonymous: 401 }
	},

	// Rows below were written at 13:45 UTC from the feature branches (guards read, not run): `pending` until
	// their routes land on main and the matrix has checked them.

	// --- lessons + progress ---
	'GET /courses': { expect: signedIn(200) },
	'GET /courses/[course]': { params: course, expect: signedIn(200) },
	'POST /courses/[course]?/enrol': {
		params: course,
		expect: { ...learnerOnly('->/courses/') }
	},
	'GET /courses/[course]/[lesson]': { params: lesson, expect: signedIn(200) },
	'POST /courses/[course]/[lesson]?/complete': { params: lesson, expect: signedIn('->/courses/') },
	// A heartbeat without data is accepted and ignored (204).
	'POST /courses/[course]/[lesson]/progress': { params: lesson, expect: signedIn(200, 401) },
	'GET /courses/[course]/glossary': { params: course, expect: signedIn(200) },

	// --- quizzes: an attempt belongs to `learner` only; everyone else gets 404 ---
	'GET /courses/[course]/quiz/[quiz]': { params: quiz, expect: signedIn(200) },
	// Anyone signed in may try a quiz (trainers and admins too); the first module's quiz is open.
	'POST /courses/[course]/quiz/[quiz]?/start': { params: quiz, expect: signedIn('->/courses/') },
	'GET /courses/[course]/quiz/[quiz]/[attempt]': { params: attempt, expect: ownerOnly(200, 404) },
	// The fixture attempt is submitted: saving is refused with 409, a second submit changes nothing (303 back).
	'POST /courses/[course]/quiz/[quiz]/[attempt]?/save': { params: attempt, expect: ownerOnly(409, 404) },
	'POST /courses/[course]/quiz/[quiz]/[attempt]?/submit': {
		params: attempt,
		expect: ownerOnly('->/courses/', 404)
	},
	'POST /courses/[course]/quiz/[quiz]/[attempt]/answer': {
		params: attempt,
		expect: { ...ownerOnly(400, 404), anonymous: 401 }
	},

	// --- certificates: the learner's certificate; only its owner downloads it ---
	'GET /admin/certificates': { expect: adminOnly() },
	'GET /admin/certificates/[id]': { params: (fx) => ({ id: fx.certificateId }), expect: adminOnly() },
	'POST /admin/certificates/[id]?/revoke': {
		params: (fx) => ({ id: fx.certificateId }),
		expect: adminOnly(400)
	},
	'POST /admin/certificates/[id]?/reissue': {
		params: (fx) => ({ id: fx.certificateId }),
		expect: adminOnly(400)
	},
	'GET /record': { expect: signedIn(200) },
	'GET /search': { expect: signedIn(200) },
	'GET /glossary': { expect: signedIn(200) },
	'GET /record/pdf': { expect: signedIn(200, 401) },
	'GET /admin/name-requests': { expect: adminOnly() },
	'POST /admin/name-requests?/approve': { expect: adminOnly(400) },
	'POST /admin/name-requests?/refuse': { expect: adminOnly(400) },
	'GET /certificates': { expect: signedIn(200) },
	'POST /certificates?/confirm': { expect: signedIn(400) },
	'GET /certificates/[id]/pdf': {
		params: (fx) => ({ id: fx.certificateId }),
		// The owner is first sent to confirm the spelling of the name.
		expect: { ...ownerOnly('->/certificates', 404), anonymous: 401 }
	},
	// Open Badges 3.0 credential of the certificate: the owner's copy (like the PDF, after the name is confirmed),
	// the public copy behind the verification code (the fixture's name is not confirmed yet: 404 for everyone),
	// and what verifiers fetch: the issuer's DID document and the revocation list.
	'GET /certificates/[id]/credential': {
		params: (fx) => ({ id: fx.certificateId }),
		expect: { ...ownerOnly('->/certificates', 404), anonymous: 401 }
	},
	'GET /verify/[code]/credential': { params: (fx) => ({ code: fx.certificateCode }), expect: all(404) },
	'GET /.well-known/did.json': { expect: all(200) },
	'GET /credentials/status/[list]': { params: () => ({ list: '1' }), expect: all(200) },
	'GET /verify': { expect: all(200) },
	'POST /verify?/default': { expect: all(400) },
	'GET /verify/[code]': { params: (fx) => ({ code: fx.certificateCode }), expect: all(200) },
	'GET /trainer/groups/[group]/certificates.zip': {
		params: group,
		expect: { ...groupTrainers(200, 403), anonymous: 401 }
	},

	// --- admin ---
	'GET /admin/users': { expect: adminOnly() },
	// Without an invitation id (or, to cancel, without confirm=yes) each answers 400.
	'POST /admin/users?/resendInvitation': { expect: adminOnly(400) },
	'POST /admin/users?/extendInvitation': { expect: adminOnly(400) },
	'POST /admin/users?/cancelInvitation': { expect: adminOnly(400) },
	'POST /admin/users?/bulkUsers': { expect: adminOnly(400) },
	'POST /admin/users?/resendInvitations': { expect: adminOnly(400) },
	'GET /admin/users/[id]': { params: spare, expect: adminOnly() },
	'POST /admin/users/[id]?/save': { params: spare, expect: adminOnly(400) },
	'POST /admin/users/[id]?/disable': { params: spare, expect: adminOnly('->/admin/users/') },
	'POST /admin/users/[id]?/enable': { params: spare, expect: adminOnly('->/admin/users/') },
	'GET /admin/groups': { expect: adminOnly() },
	'POST /admin/groups?/default': { expect: adminOnly(400) },
	'GET /admin/groups/[id]': { params: (fx) => ({ id: fx.groupId }), expect: adminOnly() },
	...Object.fromEntries(
		['addMember', 'removeMember', 'addTrainer', 'removeTrainer', 'addSession', 'removeSession', 'deadline'].map(
			(action) => [
				`POST /admin/groups/[id]?/${action}`,
				{
					params: (fx: Fixtures) => ({ id: fx.groupId }),
					// Removing a trainer of nobody is a no-op (200); removing a member or a session needs confirm=yes
					// (400 without it); adding needs a valid email or person (400).
					expect: adminOnly(action === 'removeTrainer' ? 200 : 400)
				} satisfies AuthzRow
			]
		)
	),
	'GET /admin/import': { expect: adminOnly() },
	'POST /admin/import?/preview': { expect: adminOnly(400) },
	'POST /admin/import?/confirm': { expect: adminOnly(400) },
	'GET /attendance': { expect: trainerOrAdmin() },
	'GET /attendance/[sessionId]': {
		params: (fx) => ({ sessionId: fx.liveSessionId }),
		expect: groupTrainers(200, 403)
	},
	'POST /attendance/[sessionId]?/default': {
		params: (fx) => ({ sessionId: fx.liveSessionId }),
		// The fixture session starts tomorrow: attendance before a session starts is refused (400) for the group's
		// trainers and admins; the guard answers everyone else first.
		expect: groupTrainers(400, 403)
	},

	// --- trainer: only the trainers of the group (and admins) ---
	'GET /trainer/groups/[group]': { params: group, expect: groupTrainers(200, 403) },
	'GET /trainer/groups/[group]/before-next-session': {
		params: group,
		expect: groupTrainers(200, 403)
	},
	'GET /trainer/groups/[group]/learners/[user]': {
		params: (fx) => ({ group: fx.groupId, user: fx.people.learner.id }),
		expect: groupTrainers(200, 403),
		also: [
			{
				// The group is the trainer's own, the person is not in it: the answers of another group's learner
				// stay hidden (404, as for an unknown id), from admins too since the person is not in this group.
				why: 'a learner of another group, under the trainer’s own group',
				params: (fx) => ({ group: fx.groupId, user: fx.people.otherLearner.id }),
				expect: groupTrainers(404, 403)
			}
		]
	},
	'GET /trainer/groups/[group]/quizzes/[quiz]': {
		params: (fx) => ({ group: fx.groupId, quiz: fx.course.quizzes[0]?.slug ?? 'final' }),
		expect: groupTrainers(200, 403)
	},
	'GET /trainer/groups/[group]/remind': { params: group, expect: groupTrainers(200, 403) },
	'POST /trainer/groups/[group]/remind?/default': { params: group, expect: groupTrainers(400, 403) },
	'GET /trainer/groups/[group]/progress.csv': {
		params: group,
		expect: { ...groupTrainers(200, 403), anonymous: 401 }
	},
	'GET /trainer/groups/[group]/results.csv': {
		params: group,
		expect: { ...groupTrainers(200, 403), anonymous: 401 }
	},
	'GET /trainer/groups/[group]/quizzes/[quiz]/results.csv': {
		params: (fx) => ({ group: fx.groupId, quiz: fx.course.quizzes[0]?.slug ?? 'final' }),
		expect: { ...groupTrainers(200, 403), anonymous: 401 }
	},

	// --- good practices: the library is public; anyone signed in submits; a submission is its author's; admins
	// moderate. Moderation decisions carry the version the admin read, so an empty form is a 400.
	'GET /practices': { expect: all(200) },
	'GET /practices/export.csv': { expect: all(200) },
	'GET /practices/[slug]': { params: (fx) => ({ slug: fx.practiceSlug }), expect: all(200) },
	'GET /practices/submit': { expect: signedIn(200) },
	'POST /practices/submit?/default': { expect: signedIn(400) },
	'GET /practices/submissions': { expect: signedIn(200) },
	'GET /practices/submissions/[id]': {
		params: (fx) => ({ id: fx.practiceSubmissionId }),
		expect: ownerOnly(200, 404)
	},
	'POST /practices/submissions/[id]?/save': {
		params: (fx) => ({ id: fx.practiceSubmissionId }),
		expect: ownerOnly(400, 404)
	},
	'GET /admin/practices': { expect: adminOnly() },
	'GET /admin/practices/[id]': { params: (fx) => ({ id: fx.practiceSubmissionId }), expect: adminOnly() },
	...Object.fromEntries(
		['requestChanges', 'publish', 'reject'].map((action) => [
			`POST /admin/practices/[id]?/${action}`,
			{ params: (fx: Fixtures) => ({ id: fx.practiceSubmissionId }), expect: adminOnly(400) } satisfies AuthzRow
		])
	),
	// --- programme builder: the gallery is public; a draft is its author's and the people it is shared with
	// (trainerOfGroup: view); anyone else, admins and anonymous visitors included, gets 404 as for no such id. A
	// published programme is public, read-only (steps, comments and shares stay with its author).
	'GET /programmes': { expect: all(200) },
	'GET /programmes/new': { expect: signedIn(200) },
	'POST /programmes/new?/default': { expect: signedIn(400) },
	'GET /programmes/[id]': {
		params: draftProgramme,
		expect: { ...all(404), learner: 200, trainerOfGroup: 200 },
		also: [{ why: 'a published programme is public', params: publishedProgramme, expect: all(200) }]
	},
	'POST /programmes/[id]?/share': {
		params: draftProgramme,
		expect: { ...all(404), anonymous: 'login', learner: 400, trainerOfGroup: 403 }
	},
	'POST /programmes/[id]?/unshare': {
		params: draftProgramme,
		expect: { ...all(404), anonymous: 'login', learner: 400, trainerOfGroup: 403 }
	},
	'POST /programmes/[id]?/publish': {
		params: draftProgramme,
		expect: { ...all(404), anonymous: 'login', learner: 400, trainerOfGroup: 403 }
	},
	'POST /programmes/[id]?/unpublish': {
		params: draftProgramme,
		expect: { ...all(404), anonymous: 'login', learner: 403, trainerOfGroup: 403 },
		also: [
			{
				why: 'only an admin takes a published programme out of the gallery (its author too is refused)',
				params: publishedProgramme,
				expect: { ...all(403), anonymous: 'login', admin: 400 }
			}
		]
	},
	'GET /programmes/[id]/[step]': {
		params: (fx) => ({ ...draftProgramme(fx), step: 'goals' }),
		expect: { ...all(404), anonymous: 'login', learner: 200, trainerOfGroup: 200 },
		also: [
			{
				why: "the working view of a published programme stays its author's",
				params: (fx) => ({ ...publishedProgramme(fx), step: 'goals' }),
				expect: { ...all(404), anonymous: 'login', otherLearner: 200 }
			}
		]
	},
	'POST /programmes/[id]/[step]?/save': {
		params: (fx) => ({ ...draftProgramme(fx), step: 'goals' }),
		expect: { ...all(404), anonymous: 'login', learner: 400, trainerOfGroup: 403 }
	},
	'POST /programmes/[id]/[step]?/comment': {
		params: (fx) => ({ ...draftProgramme(fx), step: 'goals' }),
		expect: { ...all(404), anonymous: 'login', learner: 400, trainerOfGroup: 400 }
	},
	'POST /programmes/[id]/save': {
		params: draftProgramme,
		expect: { ...all(404), anonymous: 401, learner: 400, trainerOfGroup: 403 }
	},
	// The downloads (the export helper's functions; 501 from the placeholder until that branch is merged).
	...Object.fromEntries(
		['docx', 'pdf'].map((ext) => [
			`GET /programmes/[id]/export.${ext}`,
			{
				params: draftProgramme,
				expect: { ...all(404), learner: 200, trainerOfGroup: 200 },
				also: [{ why: 'a published programme is public', params: publishedProgramme, expect: all(200) }]
			} satisfies AuthzRow
		])
	),
	// --- surveys: the public form (a token-only survey refuses a post without a token: 403), the report ---
	'GET /surveys': { expect: all(200) },
	'GET /surveys/[slug]': {
		params: diagnosis,
		expect: all(200),
		also: [
			{
				why: 'an evaluation survey needs a signed-in learner and a course they are enrolled in',
				params: () => ({ slug: 'ocena-szkolenia' }),
				expect: signedIn(404)
			}
		]
	},
	'POST /surveys/[slug]?/save': { params: diagnosis, expect: all(403) },
	'POST /surveys/[slug]?/submit': { params: diagnosis, expect: all(403) },
	// The autosave endpoint takes JSON only: anything else is refused before it is read.
	'POST /surveys/[slug]/answer': { params: diagnosis, expect: all(400) },
	'GET /trainer/groups/[group]/evaluation': { params: group, expect: groupTrainers(200, 403) },
	'GET /admin/surveys': { expect: trainerOrAdmin() },
	'GET /admin/surveys/[slug]': {
		params: diagnosis,
		expect: trainerOrAdmin(),
		also: [
			{
				why: 'an evaluation across all groups is for admins; trainers read their groups on the group page',
				params: () => ({ slug: 'ocena-szkolenia' }),
				expect: adminOnly()
			}
		]
	},
	'POST /admin/surveys/[slug]?/anonymous': { params: diagnosis, expect: adminOnly(400) },
	'POST /admin/surveys/[slug]?/close': { params: diagnosis, expect: adminOnly(400) },
	'POST /admin/surveys/[slug]?/tokens': { params: diagnosis, expect: adminOnly(400) },
	'POST /admin/surveys/[slug]?/recommendations': { params: diagnosis, expect: adminOnly(400) },
	'GET /admin/surveys/[slug]/report.pdf': { params: diagnosis, expect: { ...trainerOrAdmin(200), anonymous: 401 } },
	'GET /admin/surveys/[slug]/responses.xlsx': { params: diagnosis, expect: { ...adminOnly(200), anonymous: 401 } },
	'GET /admin/surveys/[slug]/responses.csv': { params: diagnosis, expect: { ...adminOnly(200), anonymous: 401 } }
};

export { all, signedIn, adminOnly, learnerOnly, trainerOrAdmin, ownerOnly, groupTrainers, home };
