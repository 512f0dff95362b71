// Fixture people and objects for the cross-cutting e2e specs (authorisation matrix, hostile input), written
// straight into the e2e server's database (WAL mode lets the test process and the server share it). Every
// fixture person gets the demo password, so each signs in through the real /login form.
import { request, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { buildCatalogue, type Course } from '../../src/lib/server/content/catalogue';
import { readContentFiles } from '../../src/lib/server/content/files-from-disk';
import { hashToken } from '../../src/lib/server/ids';
import { DEMO, DEMO_PASSWORD } from './helpers';

export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://localhost:${PORT}`;
export const DB_PATH = `test-results/e2e-${PORT}.db`;

/** Who tries each route in the authorisation matrix. */
export const ACTORS = ['anonymous', 'learner', 'otherLearner', 'trainerOther', 'trainerOfGroup', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

export interface Person {
	id: string;
	email: string;
}

export interface Fixtures {
	people: Record<Exclude<Actor, 'anonymous'>, Person>;
	/** The course of both groups, with real module, lesson and quiz slugs from lessons/. */
	course: Course;
	/** The group of `learner`, trained by `trainerOfGroup`. */
	groupId: string;
	/** The group of `otherLearner`, trained by `trainerOther`. */
	otherGroupId: string;
	/** A submitted attempt of `learner` at the course's first module quiz. */
	attemptId: string;
	/** A certificate of `learner`. */
	certificateId: string;
	certificateCode: string;
	/** A live session of `groupId`. */
	liveSessionId: string;
	/** A learner in `groupId` who is no actor: the target of admin actions that change a person (disable, edit). */
	spareUserId: string;
	/**
	 * A live (unused, unexpired) invitation and password-reset link, with the tokens the links carry: forms sent to
	 * them get past the token check and reach field validation. The reset belongs to a person of its own.
	 */
	invitation: { id: string; token: string };
	passwordReset: { id: string; token: string; userId: string };
	/** A good-practice submission of `learner`, waiting for moderation. */
	practiceSubmissionId: string;
	/** The slug of a published (fictitious) submitted case, shown at /practices/<slug>. */
	practiceSlug: string;
	/**
	 * A live training of `groupId` whose day is the fixture live session, with a registration's cancellation token
	 * and a pending registration's approval token (the links in their mails).
	 */
	training: { id: string; slug: string; cancelToken: string; approvalToken: string };
	/**
	 * Programmes: a draft of `learner` shared with `trainerOfGroup` (view: reads and comments, never edits), and a
	 * programme of `otherLearner` published in the gallery.
	 */
	programme: { draftId: string; publishedId: string };
}

/** A fictitious case in the stored shape of a submission (src/lib/server/practices/form.ts). */
export function fictitiousCaseData(title: string) {
	const text = 'Fikcyjny tekst do testów.';
	return {
		frontmatter: {
			title,
			summary: 'Fikcyjny przypadek do testów automatycznych.',
			offices: [{ name: 'Gmina Fikcyjna', type: 'gmina' }],
			partner: { name: 'Miasto Fikcyjne', country: 'VN', region: 'far-east' },
			forms: ['project'],
			lessons: [],
			sources: [{ title: 'Strona testowa', publisher: 'Wydawca testowy', url: 'https://example.org/fikcja' }]
		},
		sections: Object.fromEntries(
			['situation', 'goals', 'actions', 'results', 'difficulties', 'tips', 'transferability'].map((k) => [k, text])
		),
		last_verified: '2026-01-01'
	};
}

export function openServerDb() {
	const db = new Database(DB_PATH);
	db.pragma('busy_timeout = 5000');
	return db;
}

const id = () => randomBytes(12).toString('hex');

export function catalogue() {
	return buildCatalogue(readContentFiles('lessons'));
}

/** Creates the fixture world once per spec file (fresh ids every run, so specs never see each other's rows). */
export function createFixtures(): Fixtures {
	const db = openServerDb();
	try {
		const admin = db.prepare('select id, email, password_hash as hash from users where email = ?').get(DEMO.admin) as
			{ id: string; email: string; hash: string } | undefined;
		if (!admin) throw new Error('the demo admin is missing: is the e2e server running with AKADEMIA_DEMO=1?');
		const course = catalogue().courses.find((c) => c.quizzes.length > 0) ?? catalogue().courses[0];
		const stamp = `${Date.now()}.${id().slice(0, 6)}`;
		const person = (role: string, key: string, name: string): Person => {
			const p = { id: id(), email: `${key}.${stamp}@akademia.test` };
			db.prepare(
				'insert into users (id, email, name, organisation, role, password_hash) values (?, ?, ?, ?, ?, ?)'
			).run(p.id, p.email, name, 'Urząd Gminy Fikcyjna', role, admin.hash);
			return p;
		};
		const people = {
			learner: person('learner', 'authz.learner', 'Lena Właścicielka'),
			otherLearner: person('learner', 'authz.other', 'Olaf Obcy'),
			trainerOther: person('trainer', 'authz.trainer-other', 'Teodor Innej-Grupy'),
			trainerOfGroup: person('trainer', 'authz.trainer', 'Tamara Swojej-Grupy'),
			admin: { id: admin.id, email: admin.email }
		};
		const spare = person('learner', 'authz.spare', 'Sabina Zapasowa');
		const resetOwner = person('learner', 'authz.reset', 'Renata Resetowa');
		// Tokens as src/lib/server/auth/tokens.ts makes them: the link carries the token, the row only its SHA-256.
		const invitation = { id: id(), token: id() };
		const passwordReset = { id: id(), token: id(), userId: resetOwner.id };
		const groupId = id();
		const otherGroupId = id();
		const liveSessionId = id();
		const attemptId = id();
		const certificateId = id();
		const practiceSubmissionId = id();
		const practiceSlug = `fikcja-${id().slice(0, 8)}`;
		// The verification-code format (XXXXX-XXXXX, Crockford base32), so /verify/[code] needs no normalising.
		const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
		const chars = [...randomBytes(10)].map((b) => alphabet[b & 31]).join('');
		const certificateCode = `${chars.slice(0, 5)}-${chars.slice(5)}`;
		const now = Date.now();
		const training = { id: id(), slug: `szkolenie-${id().slice(0, 10)}`, cancelToken: id(), approvalToken: id() };
		const programme = { draftId: id(), publishedId: id() };
		db.transaction(() => {
			for (const [g, learner, trainer] of [
				[groupId, people.learner, people.trainerOfGroup],
				[otherGroupId, people.otherLearner, people.trainerOther]
			] as const) {
				db.prepare('insert into groups (id, name, course_slug) values (?, ?, ?)').run(g, `Grupa ${stamp}`, course.slug);
				db.prepare('insert into group_members (group_id, user_id) values (?, ?)').run(g, learner.id);
				db.prepare('insert into group_trainers (group_id, user_id) values (?, ?)').run(g, trainer.id);
				db.prepare('insert into enrollments (user_id, course_slug) values (?, ?)').run(learner.id, course.slug);
			}
			db.prepare('insert into group_members (group_id, user_id) values (?, ?)').run(groupId, spare.id);
			db.prepare('insert into live_sessions (id, group_id, title, starts_at, place) values (?, ?, ?, ?, ?)').run(
				liveSessionId,
				groupId,
				'Spotkanie testowe',
				now + 86_400_000,
				'Sala 1'
			);
			const quiz = course.quizzes[0];
			if (quiz) {
				const layout = quiz.questions.slice(0, 1).map((q) => ({
					questionId: q.id,
					optionOrder: 'options' in q && Array.isArray(q.options) ? q.options.map((o: { id: string }) => o.id) : []
				}));
				db.prepare(
					`insert into quiz_attempts (id, user_id, course_slug, quiz_slug, content_version, seed, layout, started_at,
					 submitted_at, score, max_score, percent, passed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, 0, 0)`
				).run(
					attemptId,
					people.learner.id,
					course.slug,
					quiz.slug,
					quiz.version,
					1,
					JSON.stringify(layout),
					// A day ago: a counted quiz's wait between attempts is over, so the learner may start another.
					now - 86_400_000,
					now - 86_400_000
				);
			}
			db.prepare(
				`insert into certificates (id, code, user_id, course_slug, name_as_printed, course_title, hours, completed_at,
				 issuer, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
			).run(
				certificateId,
				certificateCode,
				people.learner.id,
				course.slug,
				'Lena Właścicielka',
				course.title,
				4,
				now,
				'Akademia',
				now
			);
			db.prepare(
				`insert into invitations (id, token_hash, email, role, invited_by, expires_at) values (?, ?, ?, ?, ?, ?)`
			).run(
				invitation.id,
				hashToken(invitation.token),
				`authz.invited.${stamp}@akademia.test`,
				'learner',
				admin.id,
				now + 7 * 86_400_000
			);
			const submission = db.prepare(
				`insert into practice_submissions (id, author_id, status, title, data, slug, updated_at, published_at)
				 values (?, ?, ?, ?, ?, ?, ?, ?)`
			);
			submission.run(
				practiceSubmissionId,
				people.learner.id,
				'pending',
				'Zgłoszenie fikcyjne',
				JSON.stringify(fictitiousCaseData('Zgłoszenie fikcyjne')),
				null,
				now,
				null
			);
			submission.run(
				id(),
				people.otherLearner.id,
				'published',
				`Przypadek fikcyjny ${stamp}`,
				JSON.stringify(fictitiousCaseData(`Przypadek fikcyjny ${stamp}`)),
				practiceSlug,
				now,
				now
			);
			db.prepare('insert into password_resets (id, token_hash, user_id, expires_at) values (?, ?, ?, ?)').run(
				passwordReset.id,
				hashToken(passwordReset.token),
				passwordReset.userId,
				now + 3_600_000
			);
			db.prepare(
				`insert into trainings (id, slug, title, invitation, place, seats, registration_deadline, requires_approval,
				 group_id, course_slugs) values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`
			).run(
				training.id,
				training.slug,
				`Szkolenie ${stamp}`,
				'Zapraszamy.',
				'Sala 1',
				10,
				now + 3_600_000,
				groupId,
				JSON.stringify([course.slug])
			);
			db.prepare(
				'insert into training_days (id, training_id, starts_at, ends_at, live_session_id, programme) values (?, ?, ?, ?, ?, ?)'
			).run(id(), training.id, now + 86_400_000, now + 86_400_000 + 6 * 3_600_000, liveSessionId, '[]');
			const registration = db.prepare(
				`insert into training_registrations (id, training_id, email, first_name, last_name, office, office_type,
				 consent_version, consent_at, status, cancel_token_hash, approval_token_hash, superior_email)
				 values (?, ?, ?, 'Rena', 'Rejestrowa', 'Urząd Gminy Fikcyjna', 'gmina', 'test', ?, ?, ?, ?, ?)`
			);
			registration.run(
				id(),
				training.id,
				`authz.reg.${stamp}@akademia.test`,
				now,
				'confirmed',
				hashToken(training.cancelToken),
				null,
				null
			);
			registration.run(
				id(),
				training.id,
				`authz.pending.${stamp}@akademia.test`,
				now,
				'pending_approval',
				hashToken(id()),
				hashToken(training.approvalToken),
				`authz.boss.${stamp}@akademia.test`
			);
			const programmeRow = db.prepare(
				`insert into programme (id, author_id, title_office, year_from, year_to, content, status, published_at, updated_at)
				 values (?, ?, ?, 2026, 2030, ?, ?, ?, ?)`
			);
			programmeRow.run(programme.draftId, people.learner.id, 'Gminy Fikcyjnej', '{}', 'draft', null, now);
			programmeRow.run(programme.publishedId, people.otherLearner.id, 'Gminy Obcej', '{}', 'published', now, now);
			db.prepare('insert into programme_share (programme_id, email, user_id, role) values (?, ?, ?, ?)').run(
				programme.draftId,
				people.trainerOfGroup.email,
				people.trainerOfGroup.id,
				'view'
			);
		})();
		return {
			people,
			course,
			groupId,
			otherGroupId,
			attemptId,
			certificateId,
			certificateCode,
			liveSessionId,
			spareUserId: spare.id,
			invitation,
			passwordReset,
			practiceSubmissionId,
			practiceSlug,
			training,
			programme
		};
	} finally {
		db.close();
	}
}

/** A request context signed in through the real form (or anonymous), sending the Origin SvelteKit's CSRF check wants and
 * accepting HTML, as a browser without JavaScript does (accepting anything, SvelteKit answers actions in JSON). */
export async function actorContext(person: Person | null): Promise<APIRequestContext> {
	const ctx = await request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { origin: BASE_URL, accept: 'text/html' }
	});
	if (person) {
		const res = await ctx.post('/login', {
			form: { email: person.email, password: DEMO_PASSWORD },
			maxRedirects: 0
		});
		if (res.status() !== 303) throw new Error(`sign-in of ${person.email} answered ${res.status()}`);
	}
	return ctx;
}

/**
 * A stable digest of every table except those a request may legitimately touch: auth_throttle (a rejected
 * sign-in counts a failure, by design) and sessions (a valid session's expiry slides forward).
 */
export function databaseDigest(exclude: string[] = ['auth_throttle', 'sessions']): Record<string, string> {
	const db = openServerDb();
	try {
		const tables = (
			db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as {
				name: string;
			}[]
		)
			.map((t) => t.name)
			.filter((t) => !exclude.includes(t))
			.sort();
		const out: Record<string, string> = {};
		for (const table of tables) {
			const rows = db
				.prepare(`select * from "${table}"`)
				.all()
				.map((r) => JSON.stringify(r))
				.sort();
			out[table] = `${rows.length}:${hash(rows.join('\n'))}`;
		}
		return out;
	} finally {
		db.close();
	}
}

function hash(text: string) {
	// FNV-1a is plenty to notice a change; this is not a security hash.
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return h.toString(16);
}
