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
