// What the load generator needs on top of the data set: sessions for known tokens (no argon2 sign-in on the
// hot path: the row is what sign-in would write, id = sha256 hex of the token, see auth/session.ts), open quiz
// attempts to autosave into and submit, and the ids the scenarios' URLs are built from.
import type Database from 'better-sqlite3';
import type { Course, Quiz } from '../src/lib/server/content/catalogue';
import { quizAttempts, quizResponses, sessions, users } from '../src/lib/server/db/schema';
import { hashToken, randomId } from '../src/lib/server/ids';
import { unlockedModules } from '../src/lib/server/progress/unlock';
import { toPublicAnswer } from '../src/lib/server/quiz/public-view';
import { answerFor, attemptLayout, rng } from './answers';
import { BENCH_SURVEY, BURST_TRAINING_SLUG } from './generate-extra';
import { BENCH_EMAIL_DOMAIN } from './generate';
import { insertInto } from './sql';

export interface LessonView {
	token: string;
	course: string;
	lesson: string;
}
export interface OpenAttempt {
	token: string;
	course: string;
	quiz: string;
	attempt: string;
	/**
	 * The questions of the attempt with a plausible answer each: `answer` as stored (docs/CONTENT-FORMAT.md shapes),
	 * `publicAnswer` as the attempt page sends it (opaque per-attempt ids, quiz/public-view.ts).
	 */
	answers: { questionId: string; answer: unknown; publicAnswer: unknown }[];
}
export interface TrainerView {
	token: string;
	group: string;
	course: string;
	quiz: string;
}
export interface CertificateRef {
	token: string;
	id: string;
	code: string;
}

export interface Fixtures {
	lessonViews: LessonView[];
	autosaveAttempts: OpenAttempt[];
	submitAttempts: OpenAttempt[];
	trainerViews: TrainerView[];
	certificates: CertificateRef[];
	/** A learner with an unlocked module and quiz, for the page-weight pages. */
	learner: { token: string; course: string; lesson: string; quiz: string; attempt: string };
	/** An administrator (the survey report is theirs). */
	admin: { token: string };
	/** Slugs of trainings open for registration, and the empty one the registration burst fills. */
	trainings: { open: string[]; burst: { slug: string; seats: number } | null };
	/** The survey whose report is measured. */
	survey: string;
}

export interface FixtureLimits {
	lessonLearners: number;
	autosaveAttempts: number;
	submitAttempts: number;
	trainerGroups: number;
	certificates: number;
}

const DAY = 24 * 60 * 60 * 1000;

export function prepareFixtures(
	client: Database.Database,
	courses: Course[],
	limits: FixtureLimits,
	now = Date.now()
): Fixtures {
	const random = rng(7);
	const courseBySlug = new Map(courses.map((c) => [c.slug, c]));
	const insertSession = insertInto(client, sessions, ['id', 'userId', 'expiresAt']);
	const insertAttempt = insertInto(client, quizAttempts, [
		'id',
		'userId',
		'courseSlug',
		'quizSlug',
		'contentVersion',
		'seed',
		'layout',
		'startedAt'
	]);
	const insertResponse = insertInto(client, quizResponses, ['attemptId', 'questionId', 'answer', 'answeredAt']);
	const tokens = new Map<string, string>();
	const tokenFor = (userId: string) => {
		let token = tokens.get(userId);
		if (!token) {
			token = randomId(20);
			insertSession.run(hashToken(token), userId, now + 30 * DAY);
			tokens.set(userId, token);
		}
		return token;
	};

	const passedOf = client.prepare(
		'SELECT DISTINCT quiz_slug AS q FROM quiz_attempts WHERE user_id = ? AND course_slug = ? AND passed = 1'
	);
	const latestLesson = client.prepare(
		'SELECT lesson_slug AS l FROM lesson_progress WHERE user_id = ? AND course_slug = ? ORDER BY last_opened_at DESC LIMIT 1'
	);
	const openAttempt = (userId: string, quiz: Quiz, withAnswers: boolean): OpenAttempt => {
		const id = randomId();
		const seed = Math.floor(random() * 2 ** 32);
		const layout = attemptLayout(quiz, seed);
		insertAttempt.run(id, userId, quiz.courseSlug, quiz.slug, quiz.version, seed, JSON.stringify(layout), now);
		const answers = layout.map((l) => {
			const question = quiz.questions.find((q) => q.id === l.questionId)!;
			const answer = answerFor(question, 0.8, random);
			return { questionId: question.id, answer, publicAnswer: toPublicAnswer(question, l, answer) };
		});
		if (withAnswers) for (const a of answers) insertResponse.run(id, a.questionId, JSON.stringify(a.answer), now);
		return { token: tokenFor(userId), course: quiz.courseSlug, quiz: quiz.slug, attempt: id, answers };
	};

	const fixtures: Fixtures = {
		lessonViews: [],
		autosaveAttempts: [],
		submitAttempts: [],
		trainerViews: [],
		certificates: [],
		learner: { token: '', course: '', lesson: '', quiz: '', attempt: '' },
		admin: { token: '' },
		trainings: { open: [], burst: null },
		survey: BENCH_SURVEY
	};

	client.transaction(() => {
		// Learners in order of their (random) ids: a spread over groups, courses and progress.
		const learners = client
			.prepare(
				"SELECT e.user_id AS userId, e.course_slug AS course FROM enrollments e JOIN users u ON u.id = e.user_id WHERE u.role = 'learner' ORDER BY e.user_id"
			)
			.all() as { userId: string; course: string }[];
		for (const { userId, course: courseSlug } of learners) {
			const course = courseBySlug.get(courseSlug);
			if (!course) continue;
			const wantLesson = fixtures.lessonViews.length < limits.lessonLearners;
			const wantAttempt =
				fixtures.autosaveAttempts.length < limits.autosaveAttempts ||
				fixtures.submitAttempts.length < limits.submitAttempts;
			if (!wantLesson && !wantAttempt) break;
			const lesson = (latestLesson.get(userId, courseSlug) as { l: string } | undefined)?.l;
			if (!lesson) continue; // not started
			const passed = new Set((passedOf.all(userId, courseSlug) as { q: string }[]).map((r) => r.q));
			const open = unlockedModules(course, passed);
			// The quiz of the furthest open module, if not passed yet: where this learner is heading next.
			const current = course.modules.filter((m) => open.has(m.slug)).pop();
			const quiz = current?.quiz && !passed.has(current.quiz.slug) ? current.quiz : undefined;
			if (wantLesson) fixtures.lessonViews.push({ token: tokenFor(userId), course: courseSlug, lesson });
			if (!quiz) continue;
			if (!fixtures.learner.token) {
				const attempt = openAttempt(userId, quiz, false);
				fixtures.learner = {
					token: attempt.token,
					course: courseSlug,
					lesson,
					quiz: quiz.slug,
					attempt: attempt.attempt
				};
				continue;
			}
			// Shared out in proportion to the limits, so a small data set still has some of each.
			const autosaveShare = fixtures.autosaveAttempts.length / limits.autosaveAttempts;
			const submitShare = fixtures.submitAttempts.length / Math.max(1, limits.submitAttempts);
			if (autosaveShare <= submitShare && fixtures.autosaveAttempts.length < limits.autosaveAttempts)
				fixtures.autosaveAttempts.push(openAttempt(userId, quiz, false));
			else if (fixtures.submitAttempts.length < limits.submitAttempts)
				fixtures.submitAttempts.push(openAttempt(userId, quiz, true));
		}

		const groups = client
			.prepare(
				`SELECT gt.user_id AS trainerId, g.id AS groupId, g.course_slug AS course
				 FROM groups g JOIN group_trainers gt ON gt.group_id = g.id ORDER BY g.id LIMIT ?`
			)
			.all(limits.trainerGroups) as { trainerId: string; groupId: string; course: string }[];
		for (const g of groups) {
			const course = courseBySlug.get(g.course);
			const quiz = course?.quizzes[0];
			if (!quiz) continue;
			fixtures.trainerViews.push({ token: tokenFor(g.trainerId), group: g.groupId, course: g.course, quiz: quiz.slug });
		}

		const certificates = client
			.prepare('SELECT id, code, user_id AS userId FROM certificates WHERE revoked_at IS NULL ORDER BY id LIMIT ?')
			.all(limits.certificates) as { id: string; code: string; userId: string }[];
		for (const c of certificates) fixtures.certificates.push({ token: tokenFor(c.userId), id: c.id, code: c.code });

		const adminId = randomId();
		insertInto(client, users, ['id', 'email', 'name', 'organisation', 'role', 'locale', 'createdAt']).run(
			adminId,
			`admin@${BENCH_EMAIL_DOMAIN}`,
			'Administrator Akademii',
			'Akademia',
			'admin',
			'pl',
			now - 400 * DAY
		);
		fixtures.admin.token = tokenFor(adminId);

		// Open for registration: published, deadline ahead, first day ahead (trainings/catalogue.ts registrationOpen).
		const open = client
			.prepare(
				`SELECT t.slug, t.seats FROM trainings t
				 WHERE t.status = 'published' AND t.registration_deadline > ?
					AND NOT EXISTS (SELECT 1 FROM training_days d WHERE d.training_id = t.id AND d.starts_at <= ?)
				 ORDER BY t.slug`
			)
			.all(now, now) as { slug: string; seats: number }[];
		fixtures.trainings.open = open.filter((t) => t.slug !== BURST_TRAINING_SLUG).map((t) => t.slug);
		const burst = open.find((t) => t.slug === BURST_TRAINING_SLUG);
		fixtures.trainings.burst = burst ? { slug: burst.slug, seats: burst.seats } : null;
	})();
	return fixtures;
}

/** Rows written into the autosave attempts: compared with the 2xx autosaves sent (no lost write). */
export function countResponses(client: Database.Database, attemptIds: string[]): number {
	const count = client.prepare('SELECT count(*) AS n FROM quiz_responses WHERE attempt_id = ?');
	return attemptIds.reduce((n, id) => n + (count.get(id) as { n: number }).n, 0);
}

/** Registrations of a training by status (the registration burst's check). */
export function registrationCounts(client: Database.Database, slug: string): Record<string, number> {
	const rows = client
		.prepare(
			`SELECT r.status, count(*) AS n FROM training_registrations r JOIN trainings t ON t.id = r.training_id
			 WHERE t.slug = ? GROUP BY r.status`
		)
		.all(slug) as { status: string; n: number }[];
	return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Attempts of the given ids that are marked submitted. */
export function countSubmitted(client: Database.Database, attemptIds: string[]): number {
	const row = client.prepare('SELECT submitted_at AS s FROM quiz_attempts WHERE id = ?');
	return attemptIds.filter((id) => (row.get(id) as { s: number | null } | undefined)?.s != null).length;
}
