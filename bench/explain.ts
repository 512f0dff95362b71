// The trainer pages' heavy queries, as the report code really runs them: each report function is called
// in-process on the benchmark database with the SQL it prepares recorded, then timed (median of 5 calls) and
// every statement shown with EXPLAIN QUERY PLAN, so docs/PERFORMANCE.md can show indexes (SEARCH ... USING
// INDEX) rather than scans, and the time spent in the database apart from HTTP and rendering.
import type Database from 'better-sqlite3';
import type { Course } from '../src/lib/server/content/catalogue';
import { openDatabase, setDb } from '../src/lib/server/db';
import { nextSession } from '../src/lib/server/reports/groups';
import { progressMatrix } from '../src/lib/server/reports/matrix';
import { missedMost } from '../src/lib/server/reports/missed';
import { quizReport } from '../src/lib/server/reports/quiz-results';
import type { Fixtures } from './fixtures';

export interface QueryPlan {
	/** The report function (the page it serves). */
	name: string;
	/** Median time of the whole function over 5 calls, in ms. */
	ms: number;
	statements: { sql: string; plan: string[] }[];
}

export function explainHeavyQueries(databasePath: string, courses: Course[], f: Fixtures): QueryPlan[] {
	const t = f.trainerViews[0];
	const course = courses.find((c) => c.slug === t?.course);
	const quiz = course?.quizzes.find((q) => q.slug === t.quiz);
	if (!t || !course || !quiz) return [];
	const db = openDatabase(databasePath);
	setDb(db);
	const client = db.$client;
	// Each statement the reports prepare, with the parameters of its last run (EXPLAIN needs them bound).
	const recorded = new Map<string, unknown[]>();
	const prepare = client.prepare.bind(client);
	client.prepare = ((sql: string) => {
		const statement = prepare(sql);
		recorded.set(sql, []);
		for (const method of ['all', 'get', 'run', 'iterate'] as const) {
			const original = statement[method].bind(statement) as (...params: unknown[]) => unknown;
			(statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
				recorded.set(sql, params);
				return original(...params);
			};
		}
		return statement;
	}) as Database.Database['prepare'];
	const reports: { name: string; run: () => unknown }[] = [
		{
			name: 'group page: progress matrix (progressMatrix)',
			run: () => progressMatrix(t.group, course, nextSession(t.group)?.dueModules ?? [])
		},
		{ name: 'item analysis: quiz report (quizReport)', run: () => quizReport(t.group, quiz, true) },
		{ name: 'before the next session: missed most (missedMost)', run: () => missedMost(t.group, course) }
	];
	try {
		return reports.map(({ name, run }) => {
			recorded.clear();
			const times: number[] = [];
			for (let i = 0; i < 5; i++) {
				const started = performance.now();
				run();
				times.push(performance.now() - started);
			}
			times.sort((a, b) => a - b);
			const statements = [...recorded].map(([sql, params]) => ({
				sql: sql.replace(/\s+/g, ' ').trim(),
				plan: (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)
			}));
			return { name, ms: times[2], statements };
		});
	} finally {
		client.prepare = prepare;
		setDb(undefined);
		client.close();
	}
}
