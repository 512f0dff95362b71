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
import { scenarios } from '../../bench/scenarios';

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
		result = generateDataset(db.$client, { size: 120, seed: 42, now: Date.UTC(2026, 10, 1) });
	});

	it('writes the learners in groups of about 25, with trainers and enrolments', () => {
		expect(result.learners).toBe(120);
		expect(count("users WHERE role = 'learner'")).toBe(120);
		expect(result.groups).toBe(Math.ceil(120 / GROUP_SIZE));
		expect(count('groups')).toBe(result.groups);
		expect(count('group_members')).toBe(120);
		expect(count('enrollments')).toBe(120);
		expect(count("users WHERE role = 'trainer'")).toBe(result.trainers);
		expect(count('group_trainers')).toBe(result.groups);
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
		const fixtures = prepareFixtures(db.$client, courses, {
			lessonLearners: 20,
			autosaveAttempts: 5,
			submitAttempts: 5,
			trainerGroups: 3,
			certificates: 3
		});
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
		const all = scenarios('http://127.0.0.1:4300', fixtures);
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
