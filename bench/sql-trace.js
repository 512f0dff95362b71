// Preloaded into the server only for the query-plan step of `npm run bench` (node --import ./bench/sql-trace.js):
// every statement the app runs through better-sqlite3 is appended to BENCH_SQL_TRACE as one JSON line with its
// bound parameters and its time, so the harness can tell which statements one page request ran, and EXPLAIN
// them exactly as they ran. Never loaded in the measured runs (the wrapping costs time).
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env.BENCH_SQL_TRACE;
if (file) {
	const Database = createRequire(import.meta.url)('better-sqlite3');
	const probe = new Database(':memory:');
	const Statement = Object.getPrototypeOf(probe.prepare('SELECT 1'));
	probe.close();
	const plain = (value) =>
		typeof value === 'bigint' ? Number(value) : Buffer.isBuffer(value) ? `<${value.length} bytes>` : value;
	for (const method of ['all', 'get', 'run', 'iterate']) {
		const original = Statement[method];
		Statement[method] = function (...params) {
			const started = performance.now();
			const result = original.apply(this, params);
			const ms = performance.now() - started;
			// Named parameters come as one object; positional ones as a list (Drizzle's case).
			const bound =
				params.length === 1 && params[0] && typeof params[0] === 'object' && !Array.isArray(params[0])
					? Object.fromEntries(Object.entries(params[0]).map(([k, v]) => [k, plain(v)]))
					: params.flat().map(plain);
			appendFileSync(file, JSON.stringify({ sql: this.source, params: bound, ms, method }) + '\n');
			return result;
		};
	}
}
