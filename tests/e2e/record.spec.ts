import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { expectAccessible, gotoReady, signIn } from './helpers';

// The demo graduate finished the short course; certificates.spec may have revoked and re-issued hers, so the
// expected rows come from the database: valid certificates only.
const GRADUATE = 'absolwentka@akademia.test';

function certificatesOf(email: string) {
	const db = new Database(`test-results/e2e-${process.env.E2E_PORT ?? 4173}.db`, { readonly: true });
	const rows = db
		.prepare(
			`SELECT c.code, c.course_title AS title, c.revoked_at IS NULL AND c.replaced_by_id IS NULL AS valid
			 FROM certificates c JOIN users u ON u.id = c.user_id WHERE u.email = ?`
		)
		.all(email) as { code: string; title: string; valid: number }[];
	db.close();
	return rows;
}

test('the training record lists valid certificates and downloads as a PDF for the employee file', async ({ page }) => {
	await signIn(page, GRADUATE);
	await gotoReady(page, '/record');
	await expect(page.getByRole('heading', { level: 1, name: 'Mój przebieg szkoleń' })).toBeVisible();
	const certificates = certificatesOf(GRADUATE);
	expect(certificates.length).toBeGreaterThan(0);
	const courses = page.getByRole('table', { name: 'Ukończone kursy' });
	for (const c of certificates) {
		if (c.valid) await expect(courses).toContainText(c.code);
		else await expect(page.getByText(c.code)).toHaveCount(0);
	}
	await expectAccessible(page);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Pobierz zestawienie (PDF)' }).click()
	]);
	const text = execFileSync('pdftotext', ['-layout', (await download.path())!, '-'], { encoding: 'utf8' });
	expect(text).toContain('Mój przebieg szkoleń');
	expect(text).toContain('Grażyna Łęcka-Wójcik');
	for (const c of certificates.filter((c) => c.valid)) expect(text).toContain(c.code);
});
