// npm run backup -- <file>: a consistent copy of the live database while the server keeps running, through
// SQLite's online backup API (pages copied in steps; writers are not blocked for long). Plain JS so that it
// runs on a production install without dev tools. Restore: docs/OPERATIONS.md.
// The academy's Open Badges signing key (issuer-key.json beside the database, src/lib/server/credentials/key.ts)
// is copied with it, to <file>.issuer-key.json: a database restored without its key would hand out credentials
// that no longer match the ones learners already hold.
import Database from 'better-sqlite3';
import { constants, copyFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exitOnUnsupportedNode } from '../src/lib/server/db/supported-node.js';

/**
 * Where the signing key's copy goes for a database backup file.
 * @param {string} target
 */
export function issuerKeyBackupPath(target) {
	return `${target}.issuer-key.json`;
}

/**
 * Copies the database at `source` to `target` and checks the copy; returns the copy's integrity_check.
 * @param {string} source
 * @param {string} target
 * @returns {Promise<string>}
 */
export async function backupDatabase(source, target) {
	exitOnUnsupportedNode();
	if (resolve(source) === resolve(target)) throw new Error('the backup file must differ from the database');
	if (existsSync(target) || existsSync(issuerKeyBackupPath(target)))
		throw new Error(`${target} exists already; choose a new file name`);
	const db = new Database(source, { readonly: true, fileMustExist: true });
	try {
		await db.backup(target);
	} finally {
		db.close();
	}
	const key = join(dirname(resolve(source)), 'issuer-key.json');
	if (existsSync(key)) copyFileSync(key, issuerKeyBackupPath(target), constants.COPYFILE_EXCL);
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
		if (existsSync(issuerKeyBackupPath(target))) console.info(`signing key copied to ${issuerKeyBackupPath(target)}`);
	} catch (e) {
		console.error(`backup failed: ${e instanceof Error ? e.message : e}`);
		process.exit(1);
	}
}
