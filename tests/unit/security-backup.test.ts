import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { backupDatabase, issuerKeyBackupPath } from '../../scripts/backup.js';

const dir = mkdtempSync(join(tmpdir(), 'akademia-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run backup', () => {
	it('copies a live WAL database: same rows, integrity ok, and refuses to overwrite', async () => {
		const source = join(dir, 'live.db');
		const db = openDatabase(source);
		for (let i = 0; i < 50; i++)
			db.insert(users)
				.values({ id: `u${i}`, email: `u${i}@x.test`, name: `Osoba ${i}` })
				.run();
		// The connection stays open (as the server's would): rows still in the WAL must be in the copy.
		const target = join(dir, 'copy.db');
		expect(await backupDatabase(source, target)).toBe('ok');
		const copy = new Database(target, { readonly: true });
		const rows = (sql: string) => copy.prepare(sql).all();
		expect(rows('select id, email, name from users order by id')).toEqual(
			db.$client.prepare('select id, email, name from users order by id').all()
		);
		expect(rows('select count(*) as n from __drizzle_migrations')).toEqual(
			db.$client.prepare('select count(*) as n from __drizzle_migrations').all()
		);
		copy.close();
		await expect(backupDatabase(source, target)).rejects.toThrow(/exists/);
		await expect(backupDatabase(source, source)).rejects.toThrow(/differ/);
		db.$client.close();
	});

	it('copies the Open Badges signing key beside the database with it, owner-only', async () => {
		const sub = mkdtempSync(join(dir, 'with-key-'));
		const source = join(sub, 'akademia.db');
		openDatabase(source).$client.close();
		const key = join(sub, 'issuer-key.json');
		writeFileSync(key, '{"publicKeyMultibase":"z6Mk","secretKeyMultibase":"z3u2"}\n', { mode: 0o600 });
		const target = join(dir, 'with-key.db');
		expect(await backupDatabase(source, target)).toBe('ok');
		expect(readFileSync(issuerKeyBackupPath(target), 'utf8')).toBe(readFileSync(key, 'utf8'));
		expect(statSync(issuerKeyBackupPath(target)).mode & 0o777).toBe(0o600);
	});
});
