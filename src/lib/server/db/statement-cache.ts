// better-sqlite3 compiles a new SQLite statement on every prepare(), and Drizzle prepares every query it runs that
// was not built once with .prepare(). A compiled statement holds ~17 kB of native memory until V8 collects its
// JavaScript wrapper, and V8 does not see that memory: 5,000 such queries grew a process by 85 MB, against 1 MB
// with the statement reused (docs/PERFORMANCE.md, round four). Reusing the statement of the same SQL text, as
// node:sqlite's SQLTagStore does, keeps that memory bounded and skips the compile.
import type Database from 'better-sqlite3';

export const STATEMENT_CACHE_SIZE = 256;

/** Makes client.prepare() return the statement compiled before for the same SQL (the last `size` texts). */
export function cacheStatements(client: Database.Database, size = STATEMENT_CACHE_SIZE): void {
	const compile = client.prepare.bind(client);
	const cache = new Map<string, Database.Statement>();
	const prepare = (source: string): Database.Statement => {
		let statement = cache.get(source);
		if (statement) {
			cache.delete(source);
			// Shared now: Drizzle turns raw mode on for the queries it maps (and again before each use); every other
			// caller expects rows as objects, the default.
			if (statement.reader) statement.raw(false);
		} else {
			statement = compile(source);
			if (cache.size >= size) cache.delete(cache.keys().next().value!);
		}
		// A Map keeps insertion order: the first key is the one used longest ago.
		cache.set(source, statement);
		return statement;
	};
	client.prepare = prepare as typeof client.prepare;
}
