import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '$lib/server/db';
import { attendance, certificates, liveSessions } from '$lib/server/db/schema';
import { renderTrainingRecordPdf } from '$lib/server/record/record-pdf';
import { trainingRecord } from '$lib/server/record/training-record';
import { insertUser } from './db-helpers';
import { addMember, insertGroup } from './trainer-fixtures';

let learner: string, other: string;

function cert(userId: string, code: string, extra: Partial<typeof certificates.$inferInsert> = {}) {
	getDb()
		.insert(certificates)
		.values({
			id: code,
			code,
			userId,
			courseSlug: code,
			nameAsPrinted: 'Łucja Żółkiewska-Gęślak',
			courseTitle: `Protokół dyplomatyczny ${code}`,
			hours: 4.5,
			completedAt: new Date('2026-10-05T10:00:00Z'),
			issuer: 'Akademia',
			issuedAt: new Date('2026-10-05T10:00:00Z'),
			...extra
		})
		.run();
}

beforeAll(() => {
	learner = insertUser({ name: 'Łucja Żółkiewska-Gęślak', organisation: 'Urząd Gminy Żółkiewka' });
	other = insertUser({ name: 'Obca Osoba' });
	cert(learner, 'AAAAA-11111');
	cert(learner, 'BBBBB-22222', { hours: 8, revokedAt: new Date(), revokedReason: 'test' });
	cert(other, 'CCCCC-33333');
	const group = insertGroup(undefined, 'Grupa Małopolska');
	addMember(group, learner);
	getDb()
		.insert(liveSessions)
		.values([
			{
				id: 's1',
				groupId: group,
				title: 'Spotkanie 1: ceremoniał',
				startsAt: new Date('2026-10-01T08:00:00Z'),
				place: 'Kraków'
			},
			{ id: 's2', groupId: group, title: 'Spotkanie 2', startsAt: new Date('2026-10-08T08:00:00Z'), place: 'Online' }
		])
		.run();
	getDb()
		.insert(attendance)
		.values([
			{ liveSessionId: 's1', userId: learner, attended: true },
			{ liveSessionId: 's2', userId: learner, attended: false }
		])
		.run();
});

describe('training record', () => {
	it('lists only valid certificates and attended sessions of the person, with the hours added up', () => {
		const record = trainingRecord(learner)!;
		expect(record.courses.map((c) => c.code)).toEqual(['AAAAA-11111']);
		expect(record.totalHours).toBe(4.5);
		expect(record.sessions.map((s) => [s.title, s.groupName])).toEqual([
			['Spotkanie 1: ceremoniał', 'Grupa Małopolska']
		]);
		expect(trainingRecord('nobody')).toBeNull();
	});

	it('prints as a PDF whose text carries the Polish name, course, hours and code', async () => {
		const pdf = await renderTrainingRecordPdf(trainingRecord(learner)!, 'https://akademia.example.pl');
		const file = join(mkdtempSync(join(tmpdir(), 'record-')), 'record.pdf');
		writeFileSync(file, pdf);
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		expect(text).toContain('Mój przebieg szkoleń');
		expect(text).toContain('Łucja Żółkiewska-Gęślak, Urząd Gminy Żółkiewka');
		expect(text).toContain('Protokół dyplomatyczny AAAAA-11111');
		expect(text).toContain('AAAAA-11111');
		// The session cell wraps within its column.
		expect(text).toContain('Spotkanie 1: ceremoniał (Grupa');
		expect(text).toContain('Małopolska)');
		expect(text).not.toContain('BBBBB-22222');
		expect(text).toMatch(/strona 1 z 1/);
	});
});
