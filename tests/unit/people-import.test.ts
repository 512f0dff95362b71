import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGroup } from '$lib/server/groups/groups';
import { analyseFile, commitImport, IMPORT_MAX_BYTES } from '$lib/server/people/import';
import { getDb } from '$lib/server/db';
import { auditLog, groups, invitations, users } from '$lib/server/db/schema';
import { insertUser } from './db-helpers';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/${name}`));
const invitationCount = () => getDb().select({ n: count() }).from(invitations).get()!.n;

let adminId: string;
let krakowId: string;

beforeEach(() => {
	const db = getDb();
	db.delete(invitations).run();
	db.delete(groups).run();
	db.delete(auditLog).run();
	db.delete(users).run();
	adminId = insertUser({ role: 'admin', email: 'admin@example.test' });
	krakowId = createGroup(adminId, { name: 'Kraków – grudzień', courseSlug: 'protokol-dyplomatyczny', trainerIds: [] });
	createGroup(adminId, { name: 'Tarnów – styczeń', courseSlug: 'protokol-dyplomatyczny', trainerIds: [] });
});

describe('import preview', () => {
	for (const file of ['staff-excel-utf8-bom.csv', 'staff-excel-cp1250.csv']) {
		it(`finds no problem in ${file} and resolves the groups`, () => {
			const analysis = analyseFile(fixture(file));
			if (!analysis.ok) throw new Error(analysis.fileProblem);
			expect(analysis.problemCount).toBe(0);
			expect(analysis.rows.map((r) => r.row)).toEqual([2, 3, 4]);
			expect(analysis.rows[0]).toMatchObject({
				name: 'Łucja Żółkiewska-Gęślak',
				email: 'l.zolkiewska@gmina-przykladowa.test',
				organisation: 'Urząd Gminy Przykładowa',
				groupId: krakowId
			});
		});
	}

	it('finds every problem of the problem file, with its row number', () => {
		const analysis = analyseFile(fixture('staff-with-problems.csv'));
		if (!analysis.ok) throw new Error(analysis.fileProblem);
		const byRow = Object.fromEntries(analysis.rows.map((r) => [r.row, r.problems]));
		expect(byRow).toEqual({
			2: ['email_invalid'],
			3: ['formula'],
			4: ['group_required'],
			5: [],
			6: ['duplicate']
		});
		expect(analysis.rows.find((r) => r.row === 6)?.duplicateOf).toBe(5);
		expect(analysis.problemCount).toBe(4);
	});

	it('flags an email that already has an account and a group that does not exist', () => {
		insertUser({ email: 'l.zolkiewska@gmina-przykladowa.test' });
		getDb().delete(groups).where(eq(groups.name, 'Tarnów – styczeń')).run();
		const analysis = analyseFile(fixture('staff-excel-utf8-bom.csv'));
		if (!analysis.ok) throw new Error(analysis.fileProblem);
		expect(analysis.rows.map((r) => r.problems)).toEqual([['email_exists'], [], ['group_unknown']]);
	});

	it('accepts English headers, a comma separator and quoted commas', () => {
		const csv = 'email,name,organisation,group\n"a@x.test","Nowak, Anna","Urząd Miasta, Wydział",kraków – grudzień\n';
		const analysis = analyseFile(new TextEncoder().encode(csv));
		if (!analysis.ok) throw new Error(analysis.fileProblem);
		expect(analysis.separator).toBe(',');
		// A comma is not allowed in a name: the row is shown with its problem, the quoted field kept whole.
		expect(analysis.rows[0]).toMatchObject({
			name: 'Nowak, Anna',
			organisation: 'Urząd Miasta, Wydział',
			groupId: krakowId
		});
		expect(analysis.rows[0].problems).toEqual(['name_invalid']);
	});

	it('refuses files that are too large, not text, or lack the columns', () => {
		expect(analyseFile(new Uint8Array(IMPORT_MAX_BYTES + 1).fill(65))).toEqual({ ok: false, fileProblem: 'too_large' });
		expect(analyseFile(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatchObject({ ok: false, fileProblem: 'not_csv' });
		expect(analyseFile(new TextEncoder().encode('Imię i nazwisko;E-mail\nJan;j@x.test\n'))).toMatchObject({
			ok: false,
			fileProblem: 'missing_columns',
			missing: ['organisation', 'group']
		});
		expect(analyseFile(new TextEncoder().encode('Imię i nazwisko;E-mail;Urząd;Grupa\r\n'))).toMatchObject({
			fileProblem: 'empty'
		});
	});
});

describe('import commit', () => {
	it('writes nothing for the problem file', () => {
		const analysis = analyseFile(fixture('staff-with-problems.csv'));
		if (!analysis.ok) throw new Error('unexpected');
		const result = commitImport(analysis.text, analysis.encoding, adminId);
		expect(result.ok).toBe(false);
		expect(invitationCount()).toBe(0);
		expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'import.committed')).all()).toHaveLength(0);
	});

	it('creates one invitation per row with name, office and group, and one audit entry', () => {
		const analysis = analyseFile(fixture('staff-excel-cp1250.csv'));
		if (!analysis.ok) throw new Error('unexpected');
		const result = commitImport(analysis.text, analysis.encoding, adminId);
		if (!result.ok) throw new Error('not committed');
		expect(result.invited.map((i) => i.email)).toEqual([
			'l.zolkiewska@gmina-przykladowa.test',
			'j.swiatek@powiat-przykladowy.test',
			'a.nowak@urzad.test'
		]);
		const stored = getDb().select().from(invitations).all();
		expect(stored).toHaveLength(3);
		expect(stored.find((i) => i.email === 'a.nowak@urzad.test')).toMatchObject({
			name: 'Anna Nowak-Dąbrowska',
			organisation: 'Urząd Marszałkowski Województwa Małopolskiego',
			role: 'learner',
			invitedBy: adminId
		});
		expect(stored.find((i) => i.email === 'l.zolkiewska@gmina-przykladowa.test')?.groupId).toBe(krakowId);
		const entry = getDb().select().from(auditLog).where(eq(auditLog.action, 'import.committed')).get();
		expect(entry?.details).toMatchObject({ rows: 3 });
	});

	it('a file confirmed twice invites nobody twice; once the invitations have expired it may be sent again', () => {
		const analysis = analyseFile(fixture('staff-excel-utf8-bom.csv'));
		if (!analysis.ok || analysis.problemCount > 0) throw new Error('unexpected');
		const now = Date.now();
		expect(commitImport(analysis.text, analysis.encoding, adminId, now).ok).toBe(true);
		const count = invitationCount();
		const again = commitImport(analysis.text, analysis.encoding, adminId, now + 1000);
		expect(again.ok).toBe(false);
		if (again.ok || !again.analysis.ok) throw new Error('unexpected');
		expect(again.analysis.rows.every((r) => r.problems.includes('invitation_pending'))).toBe(true);
		expect(invitationCount()).toBe(count);
		const muchLater = now + 365 * 86_400_000;
		expect(commitImport(analysis.text, analysis.encoding, adminId, muchLater).ok).toBe(true);
		expect(invitationCount()).toBe(2 * count);
	});

	it('re-checks at confirm time: an account created after the preview stops the whole import', () => {
		const analysis = analyseFile(fixture('staff-excel-utf8-bom.csv'));
		if (!analysis.ok || analysis.problemCount > 0) throw new Error('unexpected');
		insertUser({ email: 'a.nowak@urzad.test' });
		const result = commitImport(analysis.text, analysis.encoding, adminId);
		expect(result.ok).toBe(false);
		expect(invitationCount()).toBe(0);
	});
});
