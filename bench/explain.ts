// EXPLAIN QUERY PLAN and timing of the heavy queries behind the trainer pages, on the benchmark database, so
// docs/PERFORMANCE.md can show that they use indexes (SEARCH ... USING INDEX) and not full scans (SCAN).
import DatabaseClient from 'better-sqlite3';
import type Database from 'better-sqlite3';
import type { Course } from '../src/lib/server/content/catalogue';
import type { Fixtures } from './fixtures';

export interface QueryPlan {
	name: string;
	/** Median of 5 runs, in ms. */
	ms: number;
	statements: { sql: string; plan: string[] }[];
}

/** The statements the trainer pages run, with the parameters of the first benchmark group. */
export function heavyQueries(f: Fixtures): { name: string; sql: string; params: unknown[] }[] {
	const t = f.trainerViews[0];
	if (!t) return [];
	return [
		{
			name: 'group page: members with lesson progress',
			sql: `SELECT u.id, u.name, count(lp.completed_at) AS done, sum(lp.seconds) AS seconds, max(lp.last_opened_at) AS last
				FROM group_members gm JOIN users u ON u.id = gm.user_id
				LEFT JOIN lesson_progress lp ON lp.user_id = gm.user_id AND lp.course_slug = ?
				WHERE gm.group_id = ? GROUP BY u.id`,
			params: [t.course, t.group]
		},
		{
			name: 'group page: best quiz result per member',
			sql: `SELECT qa.user_id, qa.quiz_slug, max(qa.percent) AS best, max(qa.passed) AS passed, count(*) AS attempts
				FROM group_members gm JOIN quiz_attempts qa ON qa.user_id = gm.user_id AND qa.course_slug = ?
				WHERE gm.group_id = ? AND qa.submitted_at IS NOT NULL GROUP BY qa.user_id, qa.quiz_slug`,
			params: [t.course, t.group]
		},
		{
			name: 'item analysis: responses of the group to one quiz',
			sql: `SELECT qr.question_id, qr.answer, qr.score
				FROM group_members gm JOIN quiz_attempts qa ON qa.user_id = gm.user_id
				JOIN quiz_responses qr ON qr.attempt_id = qa.id
				WHERE gm.group_id = ? AND qa.course_slug = ? AND qa.quiz_slug = ? AND qa.submitted_at IS NOT NULL`,
			params: [t.group, t.course, t.quiz]
		}
	];
}

// TODO(bench): replace with the trainer reports' own functions once they land on main.
export function explainHeavyQueries(databasePath: string, _courses: Course[], f: Fixtures): QueryPlan[] {
	const client = new DatabaseClient(databasePath);
	try {
		return plans(client, f);
	} finally {
		client.close();
	}
}

function plans(client: Database.Database, f: Fixtures): QueryPlan[] {
	return heavyQueries(f).map(({ name, sql, params }) => {
		const plan = (client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
			(r) => r.detail
		);
		const statement = client.prepare(sql);
		const times: number[] = [];
		let rows = 0;
		for (let i = 0; i < 5; i++) {
			const started = performance.now();
			rows = statement.all(...params).length;
			times.push(performance.now() - started);
		}
		times.sort((a, b) => a - b);
		return {
			name: `${name} (${rows} rows)`,
			ms: times[2],
			statements: [{ sql: sql.replace(/\s+/g, ' ').trim(), plan }]
		};
	});
}
