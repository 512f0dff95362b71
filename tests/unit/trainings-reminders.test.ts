import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '$lib/server/db';
import { mailOutbox, trainingMailLog, trainingRegistrations, users } from '$lib/server/db/schema';
import { exportPersonalData } from '$lib/server/privacy/export';
import { dueReminder, reminderDays, sendDueReminders } from '$lib/server/trainings/reminders';
import { registerForTraining } from '$lib/server/trainings/registrations';
import { anonymiseOldRegistrations, trainingRetentionDays } from '$lib/server/trainings/retention';
import { card, DAY, makeTraining, ORIGIN, resetTrainings } from './trainings-fixtures';
import { insertUser } from './db-helpers';

beforeEach(resetTrainings);

const reminders = () =>
	getDb()
		.select()
		.from(mailOutbox)
		.all()
		.filter((m) => m.subject.startsWith('Przypomnienie'));

describe('reminder scheduling (pure)', () => {
	const start = Date.UTC(2027, 2, 10, 8);
	it('picks the smallest offset whose moment has come', () => {
		expect(dueReminder(start, start - 8 * DAY, [1, 7], null)).toBeNull();
		expect(dueReminder(start, start - 6 * DAY, [7, 1], null)).toBe(7);
		expect(dueReminder(start, start - 12 * 3600_000, [7, 1], null)).toBe(1);
		expect(dueReminder(start, start + 1, [7, 1], null)).toBeNull();
	});
	it('skips a reminder whose moment passed before the place was confirmed', () => {
		expect(dueReminder(start, start - 5 * DAY, [7, 1], start - 6 * DAY)).toBeNull();
		expect(dueReminder(start, start - 5 * DAY, [7, 1], start - 9 * DAY)).toBe(7);
	});
	it('reads the days from the environment, falling back to 7 and 1', () => {
		expect(reminderDays({})).toEqual([7, 1]);
		expect(reminderDays({ TRAINING_REMINDER_DAYS: '3, 14,x' })).toEqual([3, 14]);
		expect(reminderDays({ TRAINING_REMINDER_DAYS: 'nonsense' })).toEqual([7, 1]);
	});
});

describe('reminders from the housekeeping timer', () => {
	it('sends each reminder once, also across a restart, and the 1-day one later', () => {
		const now = Date.now();
		const { id } = makeTraining({ seats: 2 }, { inDays: 10, now });
		registerForTraining(id, card('a'), { origin: ORIGIN, now });
		registerForTraining(id, card('b'), { origin: ORIGIN, now });
		registerForTraining(id, card('c'), { origin: ORIGIN, now }); // waitlisted: no reminder
		expect(sendDueReminders(now, [7, 1], ORIGIN)).toBe(0);
		const weekBefore = now + 4 * DAY;
		// No address known yet (no ORIGIN, no request): nothing is sent, so no mail carries a bare path.
		expect(sendDueReminders(weekBefore, [7, 1], null)).toBe(0);
		expect(getDb().select().from(trainingMailLog).all()).toHaveLength(0);
		expect(sendDueReminders(weekBefore, [7, 1], ORIGIN)).toBe(2);
		// The timer runs again, and the server restarts: the log rows in the database say "already sent".
		expect(sendDueReminders(weekBefore + 3600_000, [7, 1], ORIGIN)).toBe(0);
		expect(getDb().select().from(trainingMailLog).all()).toHaveLength(2);
		expect(sendDueReminders(now + 9.7 * DAY, [7, 1], ORIGIN)).toBe(2);
		expect(sendDueReminders(now + 9.8 * DAY, [7, 1], ORIGIN)).toBe(0);
		expect(
			reminders()
				.map((m) => m.to)
				.sort()
		).toEqual(['osobaa@gmina.test', 'osobaa@gmina.test', 'osobab@gmina.test', 'osobab@gmina.test']);
	});
});

describe('a real restart', () => {
	it('a reopened database file still knows which reminders went out', async () => {
		const { mkdtempSync, rmSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const { join } = await import('node:path');
		const { openDatabase, setDb } = await import('$lib/server/db');
		const dir = mkdtempSync(join(tmpdir(), 'akademia-reminders-'));
		const file = join(dir, 'db.sqlite');
		const before = getDb();
		try {
			const first = openDatabase(file);
			setDb(first);
			const now = Date.now();
			const { id } = makeTraining({}, { inDays: 10, now });
			registerForTraining(id, card('a'), { origin: ORIGIN, now });
			expect(sendDueReminders(now + 4 * DAY, [7, 1], ORIGIN)).toBe(1);
			first.$client.close();
			const second = openDatabase(file);
			setDb(second);
			expect(sendDueReminders(now + 4 * DAY + 60_000, [7, 1], ORIGIN)).toBe(0);
			expect(reminders()).toHaveLength(1);
			second.$client.close();
		} finally {
			setDb(before);
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('retention and the RODO export', () => {
	it('anonymises registrations of people without an account after the set days, keeps the others', () => {
		const now = Date.now();
		const { id } = makeTraining({}, { inDays: 5, now });
		registerForTraining(id, card('a'), { origin: ORIGIN, now });
		registerForTraining(id, card('b'), { origin: ORIGIN, now });
		insertUser({ email: 'osobab@gmina.test' });
		expect(trainingRetentionDays({})).toBe(365);
		expect(anonymiseOldRegistrations(now + 300 * DAY, 365)).toBe(0);
		expect(anonymiseOldRegistrations(now + 371 * DAY, 365)).toBe(1);
		const rows = getDb().select().from(trainingRegistrations).all();
		const a = rows.find((r) => r.lastName === '')!;
		expect(a.email).not.toContain('osobaa');
		expect(a.firstName).toBe('Osoba zanonimizowana');
		expect(a.anonymisedAt).not.toBeNull();
		expect(rows.find((r) => r.email === 'osobab@gmina.test')?.anonymisedAt).toBeNull();
		expect(anonymiseOldRegistrations(now + 372 * DAY, 365)).toBe(0);
	});

	it('the personal-data export includes the registration cards under the address', () => {
		const { id } = makeTraining();
		registerForTraining(id, card('x', { dietaryNeeds: 'wegetariańska' }), { origin: ORIGIN });
		const userId = insertUser({ email: 'osobax@gmina.test' });
		const data = exportPersonalData(userId)!;
		expect(data.trainingRegistrations).toEqual([
			expect.objectContaining({
				dietaryNeeds: 'wegetariańska',
				status: 'confirmed',
				consentVersion: expect.any(String)
			})
		]);
		expect(JSON.stringify(data)).not.toContain('cancelTokenHash');
		expect(getDb().select().from(users).where(eq(users.id, userId)).get()).toBeTruthy();
	});
});
