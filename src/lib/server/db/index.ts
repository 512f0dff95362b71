// One SQLite connection per process, migrated on first use. Server code imports `db` from here.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { exitOnUnsupportedNode } from './supported-node.js';
import { polishNameKey } from './name-order';
import { cacheStatements } from './statement-cache';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The database or a transaction on it: functions that take part in a caller's transaction accept either. */
export type Tx = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

export function databasePath(): string {
	return process.env.DATABASE_URL?.replace(/^file:/, '') || 'data/akademia.db';
}

/** Opens (and migrates) a database file. Tests and scripts call it with their own path. */
export function openDatabase(path = databasePath()): DB {
	exitOnUnsupportedNode();
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const client = new Database(path);
	cacheStatements(client);
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	// NORMAL is safe from corruption in WAL mode; writes that must survive a power cut use durably().
	client.pragma('synchronous = NORMAL');
	// Lists of people sort by surname the Polish way in SQL too (name-order.ts).
	client.function('pl_name_key', { deterministic: true }, (name) => polishNameKey(name as string | null));
	const db = drizzle(client, { schema }) as DB;
	migrate(db, { migrationsFolder: process.env.MIGRATIONS_DIR ?? resolve('drizzle') });
	optimizeQueryPlans(client);
	return db;
}

/**
 * Gives the query planner table statistics, as sqlite.org recommends for long-lived connections ("PRAGMA
 * optimize=0x10002" at open, "PRAGMA optimize" now and then: maintenance.ts). Without them SQLite guesses, and
 * for a join of group_members (25 rows per group) with quiz_attempts it guessed the course index and read every
 * attempt of the course: 100,000 learners made a trainer page slow (docs/PERFORMANCE.md). analysis_limit keeps
 * the ANALYZE of a large database to milliseconds (sampled statistics are enough for choosing an index).
 */
export function optimizeQueryPlans(client: Database.Database, atOpen = true) {
	client.pragma('analysis_limit = 1000');
	client.pragma(atOpen ? 'optimize = 0x10002' : 'optimize');
}

let instance: DB | undefined;

/** The process-wide database, opened on first use. */
export function getDb(): DB {
	instance ??= openDatabase();
	return instance;
}

/**
 * A Drizzle prepared query, built once per database and reused. For the queries every request runs: building a
 * query with Drizzle costs far more than running it on SQLite (a session look-up: ~60 µs to build and compile
 * against ~4 µs to run; docs/PERFORMANCE.md). Keyed by database so tests that swap databases get their own.
 */
export function prepared<T>(build: (db: DB) => T): () => T {
	const cache = new WeakMap<DB, T>();
	return () => {
		const db = getDb();
		let query = cache.get(db);
		if (!query) {
			query = build(db);
			cache.set(db, query);
		}
		return query;
	};
}

/** Replaces the process-wide database (unit tests use an in-memory one). */
export function setDb(db: DB | undefined) {
	instance = db;
}

/**
 * Runs fn in one transaction committed with synchronous=FULL, for writes a learner must never lose even on a
 * power cut (quiz submissions, certificates, imports). Everything else runs at NORMAL.
 * Inside a caller's transaction it nests in it: SQLite cannot change the sync level mid-transaction, and the
 * outer commit makes both parts durable together (a caller that needs FULL uses durably itself).
 */
export function durably<T>(db: DB, fn: (tx: Tx) => T): T {
	if (db.$client.inTransaction) return db.transaction((tx) => fn(tx));
	db.$client.pragma('synchronous = FULL');
	try {
		return db.transaction((tx) => fn(tx));
	} finally {
		db.$client.pragma('synchronous = NORMAL');
	}
}
