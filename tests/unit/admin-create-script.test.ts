// The README's production step for the first administrator, run as an operator would: the npm script, a fresh
// database file, the password from ADMIN_PASSWORD.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '$lib/server/auth/password';

const dir = mkdtempSync(join(tmpdir(), 'akademia-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function createAdmin(args: string[], env: Record<string, string>) {
	return spawnSync('npm', ['run', '--silent', 'create-admin', '--', ...args], {
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: join(dir, 'prod.db'), ...env },
		timeout: 60_000
	});
}

describe('npm run create-admin', () => {
	it('creates the first administrator on a new database, and refuses a second one with the same email', async () => {
		const args = ['--email', 'Admin@Urzad.Gov.pl', '--name', 'Żaneta Główna'];
		const run = createAdmin(args, { ADMIN_PASSWORD: 'bardzo-tajne-haslo' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const db = new Database(join(dir, 'prod.db'), { readonly: true });
		const row = db.prepare('select email, name, role, password_hash as hash from users').get() as Record<
			string,
			string
		>;
		db.close();
		expect(row).toMatchObject({ email: 'admin@urzad.gov.pl', name: 'Żaneta Główna', role: 'admin' });
		expect(await verifyPassword(row.hash, 'bardzo-tajne-haslo')).toBe(true);

		const again = createAdmin(args, { ADMIN_PASSWORD: 'bardzo-tajne-haslo' });
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('already exists');
		// Two runs of npm + tsx + argon2: seconds each on a busy 2-core machine.
	}, 120_000);

	it('refuses a short password and a missing email without writing anything', { timeout: 120_000 }, () => {
		const short = createAdmin(['--email', 'b@urzad.gov.pl', '--name', 'B'], { ADMIN_PASSWORD: 'krótkie' });
		expect(short.status).toBe(2);
		expect(createAdmin(['--name', 'C'], { ADMIN_PASSWORD: 'bardzo-tajne-haslo' }).status).toBe(2);
		const db = new Database(join(dir, 'prod.db'), { readonly: true });
		expect(db.prepare('select count(*) as n from users').get()).toEqual({ n: 1 });
		db.close();
	});
});
