// The quick start's demo data: seeded once into an empty database, all of it or nothing.
import { count } from 'drizzle-orm';
import { listNameRequests } from '$lib/server/certificates/manage';
import { describe, expect, it } from 'vitest';
import { getDb } from '$lib/server/db';
import { certificates, groups, users } from '$lib/server/db/schema';
import { seedDemoIfEmpty } from '$lib/server/demo/seed';

const rows = (table: typeof users | typeof groups | typeof certificates) =>
	getDb().select({ n: count() }).from(table).get()!.n;

describe('demo seed', () => {
	it('fills an empty database with the accounts, the group and the graduate, and never runs twice', async () => {
		expect(rows(users)).toBe(0);
		expect(await seedDemoIfEmpty()).toBe(true);
		const emails = getDb()
			.select({ email: users.email })
			.from(users)
			.all()
			.map((u) => u.email);
		for (const email of [
			'admin@akademia.test',
			'trener@akademia.test',
			'kursant@akademia.test',
			'absolwentka@akademia.test'
		])
			expect(emails).toContain(email);
		expect(rows(groups)).toBeGreaterThan(0);
		expect(rows(certificates)).toBeGreaterThan(0);
		// Issue 13: one name request waits for the admin.
		expect(listNameRequests().pending.map((r) => r.requestedName)).toEqual(['Bożena Kęsik-Młynarska']);
		const before = [rows(users), rows(groups), rows(certificates)];
		expect(await seedDemoIfEmpty()).toBe(false);
		expect([rows(users), rows(groups), rows(certificates)]).toEqual(before);
	});
});

describe('demo trainings', () => {
	it('shows two upcoming trainings (one with approval, one nearly full) and a past one with attendance', async () => {
		const { upcomingTrainings, allTrainings } = await import('$lib/server/trainings/catalogue');
		const { attendance, trainingDays } = await import('$lib/server/db/schema');
		const upcoming = upcomingTrainings();
		expect(upcoming.length).toBeGreaterThanOrEqual(2);
		expect(upcoming.some((t) => t.seatsLeft === 1)).toBe(true);
		const all = allTrainings();
		expect(all.some((t) => t.requiresApproval && t.counts.pending > 0)).toBe(true);
		const past = all.find((t) => t.start && t.start.getTime() < Date.now())!;
		const day = getDb()
			.select()
			.from(trainingDays)
			.all()
			.find((d) => d.trainingId === past.id)!;
		expect(
			getDb()
				.select()
				.from(attendance)
				.all()
				.some((a) => a.liveSessionId === day.liveSessionId)
		).toBe(true);
	});
});
