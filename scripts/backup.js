// npm run backup -- <file>: a consistent copy of the live database while the server keeps running, through
// SQLite's online backup API (pages copied in steps; writers are not blocked for long). Plain JS so that it
// runs on a production install without dev tools. Restore: docs/OPERATIONS.md.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exitOnUnsupportedNode } from '../src/lib/server/db/supported-node.js';

/**
 * Copies the database at `source` to `target` and checks the copy; returns the copy's integrity_check.
 * @param {string} source
 * @param {string} target
 * @returns {Promise<string>}
 */
export async function backupDatabase(source, target) {
	exitOnUnsupportedNode();
	if (resolve(source) === resolve(target)) throw new Error('the backup file must differ from the database');
	if (existsSync(target)) throw new Error(`${target} exists already; choose a new file name`);
	const db = new Database(source, { readonly: true, fileMustExist: true });
	try {
		await db.backup(target);
	} finally {
		db.close();
	}
	const copy = new Database(target, { readonly: true });
	try {
		return String(copy.pragma('integrity_check', { simple: true }));
	} finally {
		copy.close();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const target = process.argv[2];
	const source = process.env.DATABASE_URL?.replace(/^file:/, '') || 'data/akademia.db';
	if (!target) {
		console.error('usage: npm run backup -- <backup-file>   (copies DATABASE_URL, default data/akademia.db)');
		process.exit(2);
	}
	try {
		const check = await backupDatabase(source, target);
		if (check !== 'ok') {
			console.error(`backup written to ${target} but integrity_check says: ${check}`);
			process.exit(1);
		}
		console.info(`backup of ${source} written to ${target} (integrity_check: ok)`);
	} catch (e) {
		console.error(`backup failed: ${e instanceof Error ? e.message : e}`);
		process.exit(1);
	}
}
