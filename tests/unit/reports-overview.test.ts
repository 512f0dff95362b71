import { beforeAll, describe, expect, it } from 'vitest';
import { academyOverview, lastMonths } from '$lib/server/reports/overview';
import { getDb } from '$lib/server/db';
import { certificates, lessonProgress } from '$lib/server/db/schema';
import { insertUser } from './db-helpers';

const NOW = Date.UTC(2026, 11, 7, 12);

function cert(userId: string, id: string, at: number, revoked = false) {
	getDb()
		.insert(certificates)
		.values({
			id,
			code: id,
			userId,
			courseSlug: id,
			nameAsPrinted: 'x',
			courseTitle: 'Kurs',
			hours: 1,
			completedAt: new Date(at),
			issuer: 'A',
			issuedAt: new Date(at),
			revokedAt: revoked ? new Date(at) : null
		})
		.run();
}

beforeAll(() => {
	const a = insertUser({ organisation: 'Urząd Gminy Łomianki' });
	const b = insertUser({ organisation: 'Urząd Gminy Łomianki' });
	const c = insertUser({ organisation: 'Starostwo Powiatowe w Żywcu' });
	insertUser({ role: 'trainer', organisation: 'Akademia' });
	getDb()
		.insert(lessonProgress)
		.values({
			userId: a,
			courseSlug: 'k',
			lessonSlug: 'l',
			firstOpenedAt: new Date(NOW - 3 * 86_400_000),
			lastOpenedAt: new Date(NOW - 3 * 86_400_000)
		})
		.run();
	cert(a, 'C1', Date.UTC(2026, 10, 30, 23, 30)); // 1 December 00:30 in Warsaw
	cert(b, 'C2', Date.UTC(2026, 9, 15));
	cert(c, 'C3', Date.UTC(2026, 9, 16), true); // revoked: counts nowhere
});

describe('the state of the academy', () => {
	it('names the last months in Polish time, oldest first', () => {
		expect(lastMonths(NOW, 3)).toEqual(['2026-10', '2026-11', '2026-12']);
		expect(lastMonths(Date.UTC(2026, 0, 31, 23, 30), 2)).toEqual(['2026-01', '2026-02']);
	});

	it('counts learners, the active ones, valid certificates per month (Warsaw time) and by office', () => {
		const o = academyOverview(NOW, 3);
		expect(o.learners).toBe(3);
		expect(o.activeLearners).toBe(1);
		expect(o.validCertificates).toBe(2);
		expect(o.months).toEqual([
			{ month: '2026-10', completions: 1, certificates: 1 },
			{ month: '2026-11', completions: 0, certificates: 0 },
			{ month: '2026-12', completions: 1, certificates: 1 }
		]);
		expect(o.offices).toEqual([
			{ organisation: 'Urząd Gminy Łomianki', learners: 2, certified: 2 },
			{ organisation: 'Starostwo Powiatowe w Żywcu', learners: 1, certified: 0 }
		]);
	});
});
