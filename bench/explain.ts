// The queries behind the pages with a server-time goal, as the server really runs them: after the measured runs the
// harness starts the same build once more with bench/sql-trace.js preloaded, requests each page once to warm
// caches, then three times more, and keeps the statements of the quickest, with their bound parameters and time.
// Each distinct statement is then shown with EXPLAIN QUERY PLAN on the benchmark database, and every full SCAN of a
// table with the table's row count, so docs/PERFORMANCE.md can show that a page touches only its own rows.
import { readFileSync, statSync } from 'node:fs';
import { openDatabase } from '../src/lib/server/db';
import { sendOnce } from './latency';
import type { BenchRequest } from './scenarios';

export interface TracedStatement {
	sql: string;
	params: unknown[] | Record<string, unknown>;
	ms: number;
	method: string;
}

export interface TracedPage {
	name: string;
	request: BenchRequest;
	status: number;
	/** Wall time of the traced request (the tracer's own cost included). */
	ms: number;
	statements: TracedStatement[];
}

export interface PlannedStatement {
	sql: string;
	/** How often the request ran this statement (an N+1 shows here). */
	runs: number;
	/** Time in SQLite over all runs, in ms. */
	ms: number;
	plan: string[];
	/** Full scans of tables, with their row counts: "SCAN trainings (101 rows)". */
	scans: string[];
}

export interface QueryPlan {
	/** The page. */
	name: string;
	path: string;
	status: number;
	/** Time in SQLite for the whole request, in ms. */
	dbMs: number;
	statements: PlannedStatement[];
}

/** Sends each page's request twice and keeps what the second one ran (the server runs one request at a time here). */
export async function tracePages(
	origin: string,
	traceFile: string,
	pages: { name: string; request: BenchRequest; warm?: boolean }[]
): Promise<TracedPage[]> {
	const size = () => {
		try {
			return statSync(traceFile).size;
		} catch {
			return 0;
		}
	};
	const out: TracedPage[] = [];
	for (const page of pages) {
		// A page that reads is traced three times and the quickest kept (one slow statement on a shared machine is
		// usually the scheduler, not the query); a write once.
		const reads = page.warm === false ? 1 : 3;
		if (page.warm !== false) await sendOnce(origin, page.request);
		let best: TracedPage | undefined;
		for (let i = 0; i < reads; i++) {
			const from = size();
			const { status, ms } = await sendOnce(origin, page.request);
			await new Promise((r) => setTimeout(r, 50));
			const text = size() > from ? readFileSync(traceFile).subarray(from).toString('utf8') : '';
			const statements = text
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line) as TracedStatement);
			const traced = { name: page.name, request: page.request, status, ms, statements };
			const dbMs = (p: TracedPage) => p.statements.reduce((a, st) => a + st.ms, 0);
			if (!best || dbMs(traced) < dbMs(best)) best = traced;
		}
		out.push(best!);
	}
	return out;
}

const IGNORED = /^\s*(PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/** EXPLAIN QUERY PLAN of every distinct statement of each traced page, on the benchmark database. */
export function explainTraced(databasePath: string, pages: TracedPage[]): QueryPlan[] {
	const db = openDatabase(databasePath);
	const client = db.$client;
	const rowCounts = new Map<string, number>();
	const tables = new Set(
		(client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
			(r) => r.name
		)
	);
	const rowsOf = (table: string) => {
		if (!rowCounts.has(table))
			rowCounts.set(table, (client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n);
		return rowCounts.get(table)!;
	};
	try {
		return pages.map((page) => {
			const merged = new Map<string, { first: TracedStatement; runs: number; ms: number }>();
			for (const st of page.statements) {
				if (IGNORED.test(st.sql)) continue;
				const entry = merged.get(st.sql);
				if (entry) {
					entry.runs++;
					entry.ms += st.ms;
				} else merged.set(st.sql, { first: st, runs: 1, ms: st.ms });
			}
			const statements = [...merged.values()].map(({ first, runs, ms }): PlannedStatement => {
				let plan: string[];
				const scans: string[] = [];
				// "FROM group_members gm" / "JOIN \"users\" u": the plan names tables by their alias.
				const aliases = new Map<string, string>();
				for (const [, name, alias] of first.sql.matchAll(/\b(?:FROM|JOIN)\s+"?(\w+)"?\s+(?:AS\s+)?"?(\w+)"?/gi))
					if (tables.has(name)) aliases.set(alias, name);
				try {
					const explain = client.prepare(`EXPLAIN QUERY PLAN ${first.sql}`);
					const rows = (Array.isArray(first.params) ? explain.all(...first.params) : explain.all(first.params)) as {
						id: number;
						parent: number;
						detail: string;
					}[];
					const depth = new Map<number, number>([[0, -1]]);
					plan = rows.map((r) => {
						const d = (depth.get(r.parent) ?? -1) + 1;
						depth.set(r.id, d);
						const scan = /^SCAN (\w+)/.exec(r.detail);
						const table = scan && (tables.has(scan[1]) ? scan[1] : aliases.get(scan[1]));
						if (scan && table) scans.push(`${r.detail} (${table}: ${rowsOf(table).toLocaleString('en-US')} rows)`);
						return '  '.repeat(d) + r.detail;
					});
				} catch (e) {
					plan = [`(no plan: ${(e as Error).message})`];
				}
				return { sql: first.sql.replace(/\s+/g, ' ').trim(), runs, ms, plan, scans };
			});
			return {
				name: page.name,
				path: page.request.path,
				status: page.status,
				dbMs: statements.reduce((a, s) => a + s.ms, 0),
				statements
			};
		});
	} finally {
		client.close();
	}
}
