// Smoke test of the benchmark's data generator (the benchmark itself is not a test and does not run in CI):
// a tiny data set in a temp file, its row counts, answers in the documented shapes and scores consistent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '$lib/server/db';
import { hashToken } from '$lib/server/ids';
import { unlockedModules } from '$lib/server/progress/unlock';
import { gradeAttempt, parseAnswer } from '$lib/server/quiz/grading';
import { fromPublicAnswer } from '$lib/server/quiz/public-view';
import { type Answer } from '../../bench/answers';
import { prepareFixtures } from '../../bench/fixtures';
import { generateDataset, GROUP_SIZE, loadCourses } from '../../bench/generate';
import { scenarios, tracedPages } from '../../bench/scenarios';
import {
	BENCH_CONSENT_VERSION,
	BENCH_SURVEY,
	BURST_SEATS,
	BURST_TRAINING_SLUG,
	loadSurvey
} from '../../bench/generate-extra';
import { CONSENT_VERSION } from '$lib/server/trainings/registrations';
import { answersToFields, missingRequired, readAnswers } from '$lib/server/surveys/answers';
import { lessonRefsOf } from '$lib/server/practices/catalogue';
import { submissionAsCase } from '$lib/server/practices/submissions';
import { seatsLeft } from '$lib/server/trainings/seats';

const courses = loadCourses();
const questions = new Map(courses.flatMap((c) => c.quizzes.flatMap((q) => q.questions.map((x) => [x.id, x]))));
const quizzes = new Map(courses.flatMap((c) => c.quizzes.map((q) => [`${c.slug}/${q.slug}`, q])));

let dir: string;
let db: DB;
const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
	db = openDatabase(join(dir, 'bench.db'));
});

afterAll(() => {
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('benchmark data generator', () => {
	let result: ReturnType<typeof generateDataset>;
	beforeAll(() => {
		result = generateDataset(db.$client, {
			size: 120,
			seed: 42,
			now: Date.UTC(2026, 10, 1),
			surveyResponses: 40,
			practiceSubmissions: 25
		});
	});

	it('writes the learners in groups of about 25, with trainers and enrolments', () => {
		expect(result.learners).toBe(120);
		expect(count("users WHERE role = 'learner'")).toBe(120);
		expect(result.groups).toBe(Math.ceil(120 / GROUP_SIZE));
		// Each training has its own group (no members until the organiser makes participants learners).
		expect(count('groups')).toBe(result.groups + result.trainings);
		expect(count('group_members')).toBe(120);
		expect(count('enrollments')).toBe(120);
		expect(count("users WHERE role = 'trainer'")).toBe(result.trainers);
		expect(count('group_trainers')).toBe(result.groups + result.trainings);
		const sizes = db.$client.prepare('SELECT count(*) AS n FROM group_members GROUP BY group_id').all() as {
			n: number;
		}[];
		expect(Math.max(...sizes.map((s) => s.n))).toBeLessThanOrEqual(GROUP_SIZE);
	});

	it('reports the rows it wrote', () => {
		expect(count('lesson_progress')).toBe(result.lessonProgress);
		expect(count('quiz_attempts')).toBe(result.attempts);
		expect(count('quiz_responses')).toBe(result.responses);
		expect(count('certificates')).toBe(result.certificates);
		expect(count('attendance')).toBe(result.attendance);
		expect(result.attempts).toBeGreaterThan(0);
		expect(result.certificates).toBeGreaterThan(0);
	});

	it('writes trainings as the trainings feature does: a group each, days as its live sessions, seats kept', () => {
		expect(BENCH_CONSENT_VERSION).toBe(CONSENT_VERSION);
		expect(count('trainings')).toBe(result.trainings);
		expect(result.trainings).toBe(5); // at least 4, plus the empty one of the registration burst
		expect(count('training_days')).toBe(result.trainingDays);
		expect(count('training_registrations')).toBe(result.registrations);
		expect(result.registrations).toBeGreaterThan(0);
		expect(count('training_days d JOIN live_sessions ls ON ls.id = d.live_session_id')).toBe(result.trainingDays);
		expect(
			count(
				'training_days d JOIN trainings t ON t.id = d.training_id JOIN live_sessions ls ON ls.id = d.live_session_id WHERE ls.group_id <> t.group_id'
			)
		).toBe(0);
		const seats = db.$client
			.prepare(
				`SELECT t.seats, sum(r.status = 'confirmed') AS confirmed, sum(r.status = 'waitlisted') AS waitlisted,
					count(DISTINCT r.waitlist_seq) AS seqs
				 FROM trainings t LEFT JOIN training_registrations r ON r.training_id = t.id GROUP BY t.id`
			)
			.all() as { seats: number; confirmed: number | null; waitlisted: number | null; seqs: number }[];
		for (const t of seats) {
			expect(t.confirmed ?? 0).toBeLessThanOrEqual(t.seats);
			// Nobody waits while a seat is free, and every waiting person has their own place.
			if ((t.waitlisted ?? 0) > 0) expect(seatsLeft(t.seats, t.confirmed ?? 0)).toBe(0);
			expect(t.seqs).toBe(t.waitlisted ?? 0);
		}
		expect(
			db.$client.prepare('SELECT seats FROM trainings WHERE slug = ?').get(BURST_TRAINING_SLUG) as { seats: number }
		).toEqual({ seats: BURST_SEATS });
		expect(
			count(`training_registrations r JOIN trainings t ON t.id = r.training_id WHERE t.slug = '${BURST_TRAINING_SLUG}'`)
		).toBe(0);
	});

	it('writes survey responses through token links, each complete as the survey form would accept it', () => {
		expect(result.surveyResponses).toBe(40);
		expect(count(`survey_responses WHERE submitted_at IS NOT NULL AND survey_slug = '${BENCH_SURVEY}'`)).toBe(40);
		expect(count('survey_responses WHERE token_id IS NULL')).toBe(0);
		expect(count('survey_tokens')).toBe(result.surveyTokens);
		expect(count('survey_answers')).toBe(result.surveyAnswers);
		const survey = loadSurvey(courses);
		const rows = db.$client
			.prepare(
				'SELECT r.id, a.question_id AS q, a.value FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id WHERE r.submitted_at IS NOT NULL'
			)
			.all() as { id: string; q: string; value: string }[];
		const byResponse = new Map<string, Record<string, unknown>>();
		for (const r of rows) byResponse.set(r.id, { ...byResponse.get(r.id), [r.q]: JSON.parse(r.value) });
		expect(byResponse.size).toBe(40);
		for (const answers of byResponse.values()) {
			expect(missingRequired(survey.questions, answers)).toEqual({});
			// Read back through the form's own parser, the answers come out unchanged and without an error.
			const fields = answersToFields(survey.questions, answers);
			const read = readAnswers(survey.questions, (name) => fields[name] ?? []);
			expect(read.errors).toEqual({});
			const kept = Object.fromEntries(Object.entries(read.values).filter(([, v]) => v !== null));
			expect(kept).toEqual(answers);
		}
	});

	it('publishes good-practice submissions that validate as cases', () => {
		expect(count("practice_submissions WHERE status = 'published'")).toBe(25);
		const refs = lessonRefsOf(courses);
		const rows = db.$client.prepare('SELECT id, data, slug FROM practice_submissions').all() as {
			id: string;
			data: string;
			slug: string;
		}[];
		for (const row of rows) {
			const checked = submissionAsCase({ ...row, data: JSON.parse(row.data) }, refs);
			expect(checked.problems).toEqual([]);
		}
	});

	it('stores answers in the documented shapes, each one the quiz feature accepts', () => {
		const rows = db.$client.prepare('SELECT question_id AS q, answer, score FROM quiz_responses').all() as {
			q: string;
			answer: string;
			score: number;
		}[];
		for (const row of rows) {
			const question = questions.get(row.q)!;
			expect(question).toBeDefined();
			const answer = JSON.parse(row.answer) as Answer;
			if (question.type === 'single' || question.type === 'judgement') expect(typeof answer).toBe('string');
			if (question.type === 'truefalse') expect(typeof answer).toBe('boolean');
			if (question.type === 'multiple' || question.type === 'ordering') expect(Array.isArray(answer)).toBe(true);
			if (question.type === 'matching') {
				expect(Object.keys(answer as object).sort()).toEqual(question.pairs.map((p) => p.id).sort());
			}
			// The quiz feature would have accepted it from a learner.
			expect(parseAnswer(question, answer)).not.toBeNull();
		}
	});

	it('keeps every attempt consistent with the quiz feature’s grader: score, percent and passed', () => {
		const attempts = db.$client
			.prepare(
				'SELECT id, course_slug AS course, quiz_slug AS quiz, score, max_score AS max, percent, passed, layout FROM quiz_attempts'
			)
			.all() as {
			id: string;
			course: string;
			quiz: string;
			score: number;
			max: number;
			percent: number;
			passed: number;
			layout: string;
		}[];
		const responses = db.$client.prepare(
			'SELECT question_id AS q, answer, score FROM quiz_responses WHERE attempt_id = ?'
		);
		for (const a of attempts) {
			const quiz = quizzes.get(`${a.course}/${a.quiz}`)!;
			const layout = JSON.parse(a.layout) as { questionId: string }[];
			const rows = responses.all(a.id) as { q: string; answer: string; score: number }[];
			expect(rows.map((r) => r.q).sort()).toEqual(layout.map((l) => l.questionId).sort());
			const grade = gradeAttempt(
				layout.map((l) => l.questionId),
				quiz.questions,
				new Map(rows.map((r) => [r.q, JSON.parse(r.answer)])),
				quiz.pass_mark
			);
			expect(a.score).toBeCloseTo(grade.score, 9);
			expect(a.max).toBe(grade.maxScore);
			expect(a.percent).toBe(grade.percent);
			expect(a.passed === 1).toBe(grade.passed);
			for (const r of rows) expect(r.score).toBeCloseTo(grade.perQuestion.get(r.q)!, 9);
		}
	});

	it('gives certificates only to learners who passed every quiz of the course', () => {
		const holders = db.$client.prepare('SELECT user_id AS u, course_slug AS c FROM certificates').all() as {
			u: string;
			c: string;
		}[];
		const passed = db.$client.prepare(
			'SELECT DISTINCT quiz_slug AS q FROM quiz_attempts WHERE user_id = ? AND course_slug = ? AND passed = 1'
		);
		for (const h of holders) {
			const course = courses.find((c) => c.slug === h.c)!;
			const slugs = (passed.all(h.u, h.c) as { q: string }[]).map((r) => r.q).sort();
			expect(slugs).toEqual(course.quizzes.map((q) => q.slug).sort());
		}
	});

	it('prepares sessions and open attempts the scenarios can use', () => {
		const fixtures = prepareFixtures(
			db.$client,
			courses,
			{
				lessonLearners: 20,
				autosaveAttempts: 5,
				submitAttempts: 5,
				trainerGroups: 3,
				certificates: 3
			},
			Date.UTC(2026, 10, 1)
		);
		expect(fixtures.lessonViews.length).toBe(20);
		const session = db.$client.prepare('SELECT user_id FROM sessions WHERE id = ?');
		expect(session.get(hashToken(fixtures.lessonViews[0].token))).toBeDefined();
		for (const a of [...fixtures.autosaveAttempts, ...fixtures.submitAttempts]) {
			const row = db.$client
				.prepare('SELECT a.user_id AS u, a.submitted_at AS s FROM quiz_attempts a WHERE a.id = ?')
				.get(a.attempt) as { u: string; s: number | null };
			expect(row.s).toBeNull();
			// The attempt's quiz is open to its learner (the app would refuse it otherwise).
			const course = courses.find((c) => c.slug === a.course)!;
			const passedRows = db.$client
				.prepare('SELECT DISTINCT quiz_slug AS q FROM quiz_attempts WHERE user_id = ? AND passed = 1')
				.all(row.u) as { q: string }[];
			const open = unlockedModules(course, new Set(passedRows.map((r) => r.q)));
			expect(open.has(a.quiz)).toBe(true);
			// What the autosave sends maps back, as the endpoint maps it, to an answer the quiz feature accepts.
			const { layout } = db.$client.prepare('SELECT layout FROM quiz_attempts WHERE id = ?').get(a.attempt) as {
				layout: string;
			};
			const entries = JSON.parse(layout) as { questionId: string; optionOrder: string[] }[];
			for (const x of a.answers) {
				const question = questions.get(x.questionId)!;
				const stored = fromPublicAnswer(
					question,
					entries.find((e) => e.questionId === x.questionId)!,
					x.publicAnswer
				);
				expect(stored).toEqual(x.answer);
				expect(parseAnswer(question, stored)).not.toBeNull();
			}
		}
		expect(fixtures.admin.token).not.toBe('');
		expect(fixtures.trainings.burst).toEqual({ slug: BURST_TRAINING_SLUG, seats: BURST_SEATS });
		const all = scenarios('http://127.0.0.1:4300', fixtures);
		const burst = all.find((s) => s.name === 'registration burst')!;
		expect(burst.requests.length).toBeGreaterThan(BURST_SEATS);
		expect(new Set(burst.requests.map((r) => r.body)).size).toBe(burst.requests.length);
		expect(new Set(burst.requests.map((r) => r.headers!['x-forwarded-for'])).size).toBe(burst.requests.length);
		for (const s of all.filter((x) => x.check?.kind === 'server-time')) expect(s.requests.length).toBeGreaterThan(0);
		expect(tracedPages('http://127.0.0.1:4300', fixtures).map((p) => p.name)).toEqual(
			expect.arrayContaining(['trainer group page', 'quiz item analysis', 'before the next session'])
		);
		const autosave = all.find((s) => s.name === 'quiz autosave')!;
		expect(autosave.requests.length).toBe(fixtures.autosaveAttempts.reduce((n, a) => n + a.answers.length, 0));
		expect(new Set(autosave.requests.map((r) => r.path + r.body)).size).toBe(autosave.requests.length);
	});
});

describe('page weight', () => {
	it('finds scripts and stylesheets in the HTML and in the Link header, each once', async () => {
		const { assetUrls } = await import('../../bench/page-weight');
		const html = `<link href="../_app/a.css" rel="stylesheet"><link rel="modulepreload" href="/_app/x.js">
			<script type="module" src="/_app/s.js"></script><script>import("../_app/start.js"); import("../_app/x.js")</script>`;
		const link = '<../_app/a.css>; rel="preload"; as="style"; nopush, <../_app/y.js>; rel="modulepreload"; nopush';
		const { js, css } = assetUrls(html, 'http://127.0.0.1:4300/courses/c', link);
		expect(css).toEqual(['http://127.0.0.1:4300/_app/a.css']);
		expect(js.sort()).toEqual(
			['/_app/x.js', '/_app/s.js', '/_app/start.js', '/_app/y.js'].map((p) => 'http://127.0.0.1:4300' + p).sort()
		);
	});
});
