import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '$lib/server/db';
import { auditLog, mailOutbox, trainingRegistrations } from '$lib/server/db/schema';
import { seatCounts, trainingById } from '$lib/server/trainings/catalogue';
import { cancelTraining, createTraining, updateTraining } from '$lib/server/trainings/manage';
import {
	cancelByOrganiser,
	cancelByToken,
	confirmByOrganiser,
	decideApproval,
	moveRegistration,
	registerForTraining,
	registrationsOf,
	waitlistPosition
} from '$lib/server/trainings/registrations';
import { canMove, promotions, seatsLeft, statusAfterApproval, statusForNew } from '$lib/server/trainings/seats';
import { card, makeTraining, ORIGIN, resetTrainings } from './trainings-fixtures';

const ctx = { origin: ORIGIN };

beforeEach(resetTrainings);

describe('seat arithmetic (pure)', () => {
	it('gives a seat while one is free, the waitlist after, and nothing before approval', () => {
		expect(statusForNew({ seats: 2, confirmed: 1, requiresApproval: false })).toBe('confirmed');
		expect(statusForNew({ seats: 2, confirmed: 2, requiresApproval: false })).toBe('waitlisted');
		expect(statusForNew({ seats: 2, confirmed: 0, requiresApproval: true })).toBe('pending_approval');
		expect(statusAfterApproval(2, 2)).toBe('waitlisted');
		expect(statusAfterApproval(2, 1)).toBe('confirmed');
		expect(seatsLeft(5, 7)).toBe(0);
		expect(promotions(20, 19, 5)).toBe(1);
		expect(promotions(20, 15, 3)).toBe(3);
		expect(promotions(20, 20, 3)).toBe(0);
	});
	it('allows only forward transitions', () => {
		expect(canMove('confirmed', 'cancelled')).toBe(true);
		expect(canMove('cancelled', 'confirmed')).toBe(false);
		expect(canMove('declined', 'confirmed')).toBe(false);
		expect(canMove('confirmed', 'waitlisted')).toBe(false);
	});
});

describe('registration', () => {
	it('200 people registering at once for 20 seats: exactly 20 confirmed, 180 waitlisted in order', async () => {
		const { id } = makeTraining({ seats: 20 });
		const results = await Promise.all(
			Array.from({ length: 200 }, (_, i) => Promise.resolve().then(() => registerForTraining(id, card(i), ctx)))
		);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(seatCounts(id)).toEqual({ confirmed: 20, waitlisted: 180, pending: 0 });
		const rows = registrationsOf(id);
		const waitlisted = rows
			.filter((r) => r.status === 'waitlisted')
			.sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
		expect(waitlisted.map((r) => r.email)).toEqual(Array.from({ length: 180 }, (_, i) => `osoba${i + 20}@gmina.test`));
		expect(waitlisted.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
		// Each person got exactly one mail, with a calendar only for the confirmed ones.
		const mails = getDb().select().from(mailOutbox).all();
		expect(mails).toHaveLength(200);
		expect(mails.filter((m) => m.attachments?.length)).toHaveLength(20);
	});

	it('refuses the same e-mail twice for one training and writes nothing', () => {
		const { id } = makeTraining();
		expect(registerForTraining(id, card(1), ctx).ok).toBe(true);
		const before = getDb().select().from(auditLog).all().length;
		expect(registerForTraining(id, card(1, { email: 'OSOBA1@gmina.test' }), ctx)).toEqual({
			ok: false,
			reason: 'duplicate'
		});
		expect(getDb().select().from(trainingRegistrations).all()).toHaveLength(1);
		expect(getDb().select().from(auditLog).all()).toHaveLength(before);
	});

	it('takes no card while the training has no date: the confirmation would carry an empty schedule', () => {
		const { adminId } = makeTraining();
		const now = Date.now();
		const { id } = createTraining(
			adminId,
			{
				title: 'Termin zostanie podany',
				invitation: 'Zapraszamy.',
				place: 'Kraków',
				onlineUrl: '',
				seats: 10,
				registrationDeadline: new Date(now + 10 * 86_400_000),
				requiresApproval: false,
				courseSlugs: ['protokol-dyplomatyczny']
			},
			adminId
		);
		expect(registerForTraining(id, card(1), { ...ctx, now })).toEqual({ ok: false, reason: 'closed' });
		expect(getDb().select().from(trainingRegistrations).all()).toHaveLength(0);
		// Nor can an organiser move someone into it.
		const dated = makeTraining();
		const a = registerForTraining(dated.id, card(2), ctx);
		if (!a.ok) throw new Error('setup');
		expect(moveRegistration(a.id, id, { ...ctx, trainingId: dated.id })).toEqual({ ok: false, reason: 'undated' });
	});

	it('refuses after the deadline', () => {
		const now = Date.now();
		const { id } = makeTraining({ registrationDeadline: new Date(now - 1000) });
		expect(registerForTraining(id, card(1), { ...ctx, now })).toEqual({ ok: false, reason: 'closed' });
	});

	it('a cancellation promotes the first on the waitlist in the same transaction and tells them', () => {
		const { id } = makeTraining({ seats: 2 });
		const a = registerForTraining(id, card('a'), ctx);
		registerForTraining(id, card('b'), ctx);
		const c = registerForTraining(id, card('c'), ctx);
		const d = registerForTraining(id, card('d'), ctx);
		expect(c.ok && c.status).toBe('waitlisted');
		expect(d.ok && d.waitlistPosition).toBe(2);
		if (!a.ok || !c.ok || !d.ok) throw new Error('setup');
		const result = cancelByToken(a.cancelToken, ctx);
		expect(result).toEqual({ ok: true, promoted: [c.id] });
		expect(seatCounts(id)).toEqual({ confirmed: 2, waitlisted: 1, pending: 0 });
		const dRow = getDb().select().from(trainingRegistrations).where(eq(trainingRegistrations.id, d.id)).get()!;
		expect(waitlistPosition(dRow)).toBe(1);
		const promotedMail = getDb()
			.select()
			.from(mailOutbox)
			.where(and(eq(mailOutbox.to, 'osobac@gmina.test')))
			.all()
			.at(-1)!;
		expect(promotedMail.attachments?.[0].content).toContain('METHOD:REQUEST');
		const cancelMail = getDb().select().from(mailOutbox).where(eq(mailOutbox.to, 'osobaa@gmina.test')).all().at(-1)!;
		expect(cancelMail.attachments?.[0].content).toContain('METHOD:CANCEL');
		// The link works once.
		expect(cancelByToken(a.cancelToken, ctx)).toEqual({ ok: false, reason: 'not_allowed' });
		expect(cancelByToken('nonsense', ctx)).toEqual({ ok: false, reason: 'missing' });
	});

	it('an organiser removal promotes too; an organiser confirm never exceeds the seats', () => {
		const { id } = makeTraining({ seats: 1 });
		const a = registerForTraining(id, card('a'), ctx);
		const b = registerForTraining(id, card('b'), ctx);
		if (!a.ok || !b.ok) throw new Error('setup');
		expect(confirmByOrganiser(b.id, ctx)).toEqual({ ok: false, reason: 'no_seat' });
		expect(cancelByOrganiser(a.id, ctx)).toEqual({ ok: true, promoted: [b.id] });
		expect(seatCounts(id).confirmed).toBe(1);
	});

	it('more seats move the waitlist up in order, before any newcomer', () => {
		const { id, adminId } = makeTraining({ seats: 1 });
		registerForTraining(id, card('a'), ctx);
		const b = registerForTraining(id, card('b'), ctx);
		const c = registerForTraining(id, card('c'), ctx);
		if (!b.ok || !c.ok) throw new Error('setup');
		const training = trainingById(id)!;
		updateTraining(adminId, id, { ...training, seats: 2 }, ORIGIN);
		expect(seatCounts(id)).toEqual({ confirmed: 2, waitlisted: 1, pending: 0 });
		const status = (rid: string) =>
			getDb().select().from(trainingRegistrations).where(eq(trainingRegistrations.id, rid)).get()!.status;
		expect([status(b.id), status(c.id)]).toEqual(['confirmed', 'waitlisted']);
	});

	it('a cancelled training confirms nobody: no promotion on a cancellation, no approval', () => {
		const { id, adminId } = makeTraining({ seats: 1, requiresApproval: true });
		registerForTraining(id, card('a', { superiorEmail: 'szefowa@gmina.test' }), ctx);
		const mail = getDb().select().from(mailOutbox).where(eq(mailOutbox.to, 'szefowa@gmina.test')).get()!;
		const token = /\/approval\/([a-z0-9]+)/.exec(mail.body)![1];
		cancelTraining(adminId, id, ORIGIN);
		expect(decideApproval(token, true, ctx)).toEqual({ ok: false, reason: 'not_allowed' });
		expect(seatCounts(id).confirmed).toBe(0);
	});

	it('an organiser acts only on registrations of the training in the URL, and moves only into one not begun', () => {
		const first = makeTraining({ seats: 5 });
		const other = makeTraining({ seats: 5, title: 'Inny termin' });
		const a = registerForTraining(first.id, card('a'), ctx);
		if (!a.ok) throw new Error('setup');
		expect(cancelByOrganiser(a.id, { ...ctx, trainingId: other.id })).toEqual({ ok: false, reason: 'missing' });
		expect(confirmByOrganiser(a.id, { ...ctx, trainingId: other.id })).toEqual({ ok: false, reason: 'missing' });
		// A move into a training whose first day has begun is refused.
		const later = Date.now() + 40 * 86_400_000;
		expect(moveRegistration(a.id, other.id, { ...ctx, trainingId: first.id, now: later })).toEqual({
			ok: false,
			reason: 'started'
		});
		expect(seatCounts(first.id).confirmed).toBe(1);
	});

	it('moves a person to another training: a seat there, the waitlist here moves up', () => {
		const first = makeTraining({ seats: 1 });
		const second = makeTraining({ seats: 5, title: 'Drugi termin' });
		const a = registerForTraining(first.id, card('a'), ctx);
		const b = registerForTraining(first.id, card('b'), ctx);
		if (!a.ok || !b.ok) throw new Error('setup');
		expect(moveRegistration(a.id, second.id, ctx)).toEqual({ ok: true, promoted: [b.id] });
		expect(seatCounts(second.id).confirmed).toBe(1);
		expect(seatCounts(first.id)).toEqual({ confirmed: 1, waitlisted: 0, pending: 0 });
	});
});

describe('approval by the superior', () => {
	it('counts against the seats only once approved; the registrant is told either way', () => {
		const { id } = makeTraining({ seats: 1, requiresApproval: true });
		const a = registerForTraining(id, card('a', { superiorEmail: 'szef@gmina.test' }), ctx);
		registerForTraining(id, card('b', { superiorEmail: 'szef@gmina.test' }), ctx);
		const c = registerForTraining(id, card('c', { superiorEmail: 'szef@gmina.test' }), ctx);
		expect(a.ok && a.status).toBe('pending_approval');
		expect(seatCounts(id)).toEqual({ confirmed: 0, waitlisted: 0, pending: 3 });
		const superiorMails = getDb().select().from(mailOutbox).where(eq(mailOutbox.to, 'szef@gmina.test')).all();
		expect(superiorMails).toHaveLength(3);
		const tokens = superiorMails.map((mail) => /\/approval\/([a-z0-9]+)/.exec(mail.body)![1]);
		expect(decideApproval(tokens[1], true, ctx)).toMatchObject({ ok: true, status: 'confirmed' });
		expect(decideApproval(tokens[0], true, ctx)).toMatchObject({ ok: true, status: 'waitlisted' });
		expect(decideApproval(tokens[2], false, ctx)).toMatchObject({ ok: true, status: 'declined' });
		expect(decideApproval(tokens[2], true, ctx)).toEqual({ ok: false, reason: 'not_allowed' });
		expect(seatCounts(id)).toEqual({ confirmed: 1, waitlisted: 1, pending: 0 });
		const toC = getDb().select().from(mailOutbox).where(eq(mailOutbox.to, 'osobac@gmina.test')).all();
		expect(toC.at(-1)!.subject).toContain('nieprzyjęte');
		if (!c.ok) throw new Error('setup');
	});
});

describe('changes reach the calendars', () => {
	it('a new time keeps the UID and raises SEQUENCE; a removed day is withdrawn with METHOD:CANCEL', async () => {
		const { rescheduleTrainingDay, removeTrainingDay, addTrainingDay } = await import('$lib/server/trainings/manage');
		const { id, adminId, dayId } = makeTraining();
		registerForTraining(id, card('a'), ctx);
		const lastTo = () => getDb().select().from(mailOutbox).where(eq(mailOutbox.to, 'osobaa@gmina.test')).all().at(-1)!;
		const uidLine = `UID:training-day-${dayId}@akademia`;
		const first = lastTo().attachments![0].content;
		expect(first).toContain(uidLine);
		const seq = Number(/SEQUENCE:(\d+)/.exec(first)![1]);
		const start = new Date(Date.now() + 40 * 86_400_000);
		expect(
			rescheduleTrainingDay(
				adminId,
				id,
				dayId,
				{ startsAt: start, endsAt: new Date(start.getTime() + 3600_000) },
				ORIGIN
			)
		).toBe(true);
		const update = lastTo().attachments![0].content;
		expect(update).toContain('METHOD:REQUEST');
		expect(update).toContain(uidLine);
		expect(update).toContain(`SEQUENCE:${seq + 1}`);
		const second = addTrainingDay(
			adminId,
			id,
			{
				startsAt: new Date(start.getTime() + 86_400_000),
				endsAt: new Date(start.getTime() + 90_000_000),
				programme: []
			},
			ORIGIN
		)!;
		expect(removeTrainingDay(adminId, id, second, ORIGIN)).toBe('removed');
		const cancel = lastTo().attachments![0].content;
		expect(cancel).toContain('METHOD:CANCEL');
		expect(cancel).toContain(`UID:training-day-${second}@akademia`);
		expect(cancel).not.toContain(uidLine);
	});
});
