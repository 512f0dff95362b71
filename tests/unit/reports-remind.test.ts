import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb } from '$lib/server/db';
import { groups, type Group } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';
import type { NextSession } from '$lib/server/reports/groups';
import { REMIND_ACTION, reminderRecipients, remindBehind, type ReminderText } from '$lib/server/reports/remind';
import { insertUser } from './db-helpers';
import { addMember, answers, completeLessons, COURSE, insertAttempt, insertGroup } from './trainer-fixtures';

let group: Group, trainer: string;
const session: NextSession = {
	id: 's1',
	title: 'Spotkanie 2',
	place: 'Kraków',
	startsAt: new Date(Date.now() + 3 * 86_400_000),
	dueModules: ['m1']
};
const text: ReminderText = {
	subject: 'Moduły do ukończenia',
	body: (r) => `Dzień dobry, ${r.name}: ${r.missing.join(', ')}`
};
const outbox = () => getDb().all<{ to: string; body: string }>(sql`SELECT "to", body FROM mail_outbox ORDER BY "to"`);

beforeAll(() => {
	trainer = insertUser({ role: 'trainer' });
	const id = insertGroup(trainer, 'Grupa Śląsk');
	group = getDb().select().from(groups).where(eq(groups.id, id)).get()!;
	const zofia = insertUser({ name: 'Zofia Żak', email: 'zofia@urzad.test' });
	const adam = insertUser({ name: 'Adam Ąbel', email: 'adam@urzad.test' });
	const ola = insertUser({ name: 'Ola Gotowa', email: 'ola@urzad.test' });
	for (const u of [zofia, adam, ola]) addMember(group.id, u);
	completeLessons(ola, ['l1', 'l2']);
	insertAttempt(ola, answers(true, true, true));
	completeLessons(adam, ['l1']);
});

describe('reminding learners who are behind', () => {
	it('lists only those behind, with the modules they miss, in Polish surname order', () => {
		const recipients = reminderRecipients(group, COURSE, session);
		expect(recipients.map((r) => [r.name, r.remindedRecently])).toEqual([
			['Adam Ąbel', false],
			['Zofia Żak', false]
		]);
		expect(recipients[0].missing).toEqual(['1. Moduł pierwszy']);
	});

	it('mails each once, audits each, and sends nothing twice within a day', () => {
		expect(remindBehind(trainer, group, COURSE, session, text)).toBe(2);
		expect(outbox().map((m) => m.to)).toEqual(['adam@urzad.test', 'zofia@urzad.test']);
		expect(outbox()[0].body).toBe('Dzień dobry, Adam Ąbel: 1. Moduł pierwszy');
		const audited = getDb().all<{ n: number }>(
			sql`SELECT count(*) AS n FROM audit_log WHERE action = ${REMIND_ACTION} AND actor_id = ${trainer}`
		)[0].n;
		expect(audited).toBe(2);
		// A double click or a second visit the same day: nobody is due.
		expect(remindBehind(trainer, group, COURSE, session, text)).toBe(0);
		expect(reminderRecipients(group, COURSE, session).every((r) => r.remindedRecently)).toBe(true);
		expect(outbox()).toHaveLength(2);
		// A day later they may be reminded again.
		expect(remindBehind(trainer, group, COURSE, session, text, Date.now() + 25 * 3_600_000)).toBe(2);
	});
});
