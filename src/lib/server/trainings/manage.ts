// The organiser's side: create and edit a training and its days (each day is a live session of the training's
// group), tell confirmed participants about changes, and turn them into the group's learners.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import { addLiveSession, addMember, createGroup, findUserByEmail, getGroup } from '../groups/groups';
import { audit } from '../audit/log';
import { createInvitation } from '../auth/tokens';
import { getDb, type Tx } from '../db';
import {
	attendance,
	invitations,
	liveSessions,
	trainingDays,
	trainingRegistrations,
	trainings,
	type ProgrammeItem,
	type Training
} from '../db/schema';
import { randomId } from '../ids';
import { deliverInBackground, queueMail, type Mail } from '../mail/outbox';
import { daysOf, trainingById } from './catalogue';
import { registrationMail } from './mails';
import { promoteWaitlisted } from './registrations';
import { invitationMail } from '../people/invitation-mail';

export interface TrainingInput {
	title: string;
	invitation: string;
	place: string;
	onlineUrl: string;
	seats: number;
	registrationDeadline: Date;
	requiresApproval: boolean;
	courseSlugs: string[];
}

/** "Protokół w gminie 2027" -> "protokol-w-gminie-2027". */
export function slugify(title: string): string {
	const base = title
		.toLocaleLowerCase('pl')
		.replace(/ł/g, 'l')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return base || 'szkolenie';
}

function uniqueSlug(title: string, tx: Tx): string {
	const base = slugify(title);
	for (let i = 1; ; i++) {
		const slug = i === 1 ? base : `${base}-${i}`;
		if (!tx.select({ id: trainings.id }).from(trainings).where(eq(trainings.slug, slug)).get()) return slug;
	}
}

/** A new training with its own group (course: the first of its courses; trainer: the given person). */
export function createTraining(actorId: string, input: TrainingInput, trainerId: string): { id: string; slug: string } {
	const id = randomId();
	return getDb().transaction((tx) => {
		const groupId = createGroup(
			actorId,
			{ name: input.title, courseSlug: input.courseSlugs[0], trainerIds: [trainerId] },
			tx
		);
		const slug = uniqueSlug(input.title, tx);
		tx.insert(trainings)
			.values({ id, slug, groupId, ...input })
			.run();
		audit({ actorId, action: 'training.created', subjectType: 'training', subjectId: id, details: { slug } }, tx);
		return { id, slug };
	});
}

type Queued = { id: string; mail: Mail }[];

function confirmedOf(trainingId: string, tx: Tx) {
	return tx
		.select()
		.from(trainingRegistrations)
		.where(and(eq(trainingRegistrations.trainingId, trainingId), eq(trainingRegistrations.status, 'confirmed')))
		.all();
}

/** Every confirmed participant gets the changed invitation (same UIDs, the raised SEQUENCE). */
function notifyConfirmed(training: Training, tx: Tx, queued: Queued, origin: string, now: Date) {
	const days = daysOf(training.id, tx);
	const confirmed = tx
		.select()
		.from(trainingRegistrations)
		.where(and(eq(trainingRegistrations.trainingId, training.id), eq(trainingRegistrations.status, 'confirmed')))
		.all();
	const kind = training.status === 'cancelled' ? 'training_cancelled' : 'updated';
	for (const reg of confirmed) {
		const mail = registrationMail(kind, { training, days, reg, origin, now });
		queued.push({ id: queueMail(mail), mail });
	}
	return confirmed.length;
}

function raiseSequence(trainingId: string, tx: Tx): Training {
	const current = trainingById(trainingId, tx)!;
	tx.update(trainings)
		.set({ sequence: current.sequence + 1 })
		.where(eq(trainings.id, trainingId))
		.run();
	return { ...current, sequence: current.sequence + 1 };
}

/** Saves the training; a change of place or link raises SEQUENCE and sends the update to confirmed people. */
export function updateTraining(
	actorId: string,
	trainingId: string,
	input: TrainingInput,
	origin: string,
	now = Date.now()
) {
	const queued: Queued = [];
	const notified = getDb().transaction((tx) => {
		const before = trainingById(trainingId, tx);
		if (!before) return null;
		tx.update(trainings).set(input).where(eq(trainings.id, trainingId)).run();
		// More seats: the waitlist moves up now, in order, before a newcomer could take a freed seat.
		const after = trainingById(trainingId, tx)!;
		if (after.seats > before.seats) promoteWaitlisted(after, tx, queued, { origin, now, actorId });
		for (const day of daysOf(trainingId, tx))
			if (day.liveSessionId)
				tx.update(liveSessions)
					.set({ place: input.place || 'online' })
					.where(eq(liveSessions.id, day.liveSessionId))
					.run();
		audit({ actorId, action: 'training.updated', subjectType: 'training', subjectId: trainingId }, tx);
		if (before.place === input.place && before.onlineUrl === input.onlineUrl && before.title === input.title) return 0;
		return notifyConfirmed(raiseSequence(trainingId, tx), tx, queued, origin, new Date(now));
	});
	deliverInBackground(queued);
	return notified;
}

export interface DayInput {
	startsAt: Date;
	endsAt: Date;
	programme: ProgrammeItem[];
}

/** Adds a day: a live session of the group (attendance, sign-in sheet) and the day's timetable. */
export function addTrainingDay(actorId: string, trainingId: string, input: DayInput, origin: string, now = Date.now()) {
	const queued: Queued = [];
	const id = getDb().transaction((tx) => {
		const training = trainingById(trainingId, tx);
		if (!training) return null;
		const count = daysOf(trainingId, tx).length;
		const liveSessionId = addLiveSession(
			actorId,
			training.groupId,
			{
				title: `${training.title} — ${m.training_day_number({ n: count + 1 })}`,
				startsAt: input.startsAt,
				place: training.place || 'online',
				dueModules: []
			},
			tx
		);
		const dayId = randomId();
		tx.insert(trainingDays)
			.values({ id: dayId, trainingId, liveSessionId, ...input })
			.run();
		audit(
			{ actorId, action: 'training.day_added', subjectType: 'training', subjectId: trainingId, details: { dayId } },
			tx
		);
		notifyConfirmed(raiseSequence(trainingId, tx), tx, queued, origin, new Date(now));
		return dayId;
	});
	deliverInBackground(queued);
	return id;
}

/**
 * Moves a day to another date or time: the same UID with a raised SEQUENCE goes to every confirmed participant,
 * and the day's live session moves with it.
 */
export function rescheduleTrainingDay(
	actorId: string,
	trainingId: string,
	dayId: string,
	when: { startsAt: Date; endsAt: Date },
	origin: string,
	now = Date.now()
) {
	const queued: Queued = [];
	const done = getDb().transaction((tx) => {
		const day = tx
			.select()
			.from(trainingDays)
			.where(and(eq(trainingDays.id, dayId), eq(trainingDays.trainingId, trainingId)))
			.get();
		if (!day) return false;
		tx.update(trainingDays).set(when).where(eq(trainingDays.id, dayId)).run();
		if (day.liveSessionId)
			tx.update(liveSessions).set({ startsAt: when.startsAt }).where(eq(liveSessions.id, day.liveSessionId)).run();
		audit(
			{
				actorId,
				action: 'training.day_rescheduled',
				subjectType: 'training',
				subjectId: trainingId,
				details: { dayId, startsAt: when.startsAt.getTime(), endsAt: when.endsAt.getTime() }
			},
			tx
		);
		notifyConfirmed(raiseSequence(trainingId, tx), tx, queued, origin, new Date(now));
		return true;
	});
	deliverInBackground(queued);
	return done;
}

/** Changes a day's programme only (no calendar change). */
export function setDayProgramme(actorId: string, trainingId: string, dayId: string, programme: ProgrammeItem[]) {
	return getDb().transaction((tx) => {
		const changed = tx
			.update(trainingDays)
			.set({ programme })
			.where(and(eq(trainingDays.id, dayId), eq(trainingDays.trainingId, trainingId)))
			.run().changes;
		if (changed)
			audit(
				{
					actorId,
					action: 'training.programme_saved',
					subjectType: 'training',
					subjectId: trainingId,
					details: { dayId }
				},
				tx
			);
		return changed > 0;
	});
}

/** Refused once attendance is marked for the day's session (deleting it would delete that record). */
export function removeTrainingDay(
	actorId: string,
	trainingId: string,
	dayId: string,
	origin: string,
	now = Date.now()
) {
	const queued: Queued = [];
	const done = getDb().transaction((tx) => {
		const day = tx
			.select()
			.from(trainingDays)
			.where(and(eq(trainingDays.id, dayId), eq(trainingDays.trainingId, trainingId)))
			.get();
		if (!day) return 'missing' as const;
		if (
			day.liveSessionId &&
			tx.select({ u: attendance.userId }).from(attendance).where(eq(attendance.liveSessionId, day.liveSessionId)).get()
		)
			return 'has_attendance' as const;
		tx.delete(trainingDays).where(eq(trainingDays.id, dayId)).run();
		if (day.liveSessionId) tx.delete(liveSessions).where(eq(liveSessions.id, day.liveSessionId)).run();
		audit(
			{ actorId, action: 'training.day_removed', subjectType: 'training', subjectId: trainingId, details: { dayId } },
			tx
		);
		// The removed date's UID gets METHOD:CANCEL, so calendars drop that event; the other days stay as they are.
		const training = raiseSequence(trainingId, tx);
		for (const reg of confirmedOf(trainingId, tx)) {
			const mail = registrationMail('updated', {
				training,
				days: daysOf(trainingId, tx),
				reg,
				origin,
				now: new Date(now),
				cancelledDay: day
			});
			queued.push({ id: queueMail(mail), mail });
		}
		return 'removed' as const;
	});
	deliverInBackground(queued);
	return done;
}

/** Cancels the whole training: METHOD:CANCEL to every confirmed participant. */
export function cancelTraining(actorId: string, trainingId: string, origin: string, now = Date.now()) {
	const queued: Queued = [];
	const n = getDb().transaction((tx) => {
		if (!trainingById(trainingId, tx)) return null;
		tx.update(trainings).set({ status: 'cancelled' }).where(eq(trainings.id, trainingId)).run();
		audit({ actorId, action: 'training.cancelled', subjectType: 'training', subjectId: trainingId }, tx);
		return notifyConfirmed(raiseSequence(trainingId, tx), tx, queued, origin, new Date(now));
	});
	deliverInBackground(queued);
	return n;
}

/**
 * Confirmed participants become learners of the training's group in one step: an existing account (same e-mail)
 * is added, anyone else gets an invitation into the group. Running it again adds only the new ones.
 */
export function enrolConfirmed(actorId: string, trainingId: string, origin: string, now = Date.now()) {
	const queued: Queued = [];
	const result = getDb().transaction((tx) => {
		const training = trainingById(trainingId, tx);
		const group = training ? getGroup(training.groupId) : undefined;
		if (!training || !group) return null;
		const confirmed = tx
			.select()
			.from(trainingRegistrations)
			.where(and(eq(trainingRegistrations.trainingId, trainingId), eq(trainingRegistrations.status, 'confirmed')))
			.all();
		let added = 0;
		let invited = 0;
		let already = 0;
		for (const reg of confirmed) {
			const user = findUserByEmail(reg.email, tx);
			if (user && !user.anonymisedAt) {
				const r = addMember(actorId, group, reg.email, tx);
				if (r.ok) added++;
				else already++;
				tx.update(trainingRegistrations).set({ userId: user.id }).where(eq(trainingRegistrations.id, reg.id)).run();
				continue;
			}
			const pending = tx
				.select({ id: invitations.id })
				.from(invitations)
				.where(
					and(
						eq(invitations.email, reg.email),
						eq(invitations.groupId, group.id),
						isNull(invitations.usedAt),
						gt(invitations.expiresAt, new Date(now))
					)
				)
				.get();
			if (pending) {
				already++;
				continue;
			}
			const token = createInvitation(
				{
					email: reg.email,
					role: 'learner',
					name: `${reg.firstName} ${reg.lastName}`,
					organisation: reg.office,
					groupId: group.id,
					invitedBy: actorId
				},
				now,
				tx
			);
			const mail = invitationMail({
				to: reg.email,
				role: 'learner',
				link: `${origin}/invitation/${token}`,
				groupId: group.id,
				invitedBy: actorId,
				locale: reg.locale
			});
			queued.push({ id: queueMail(mail), mail });
			invited++;
		}
		audit(
			{
				actorId,
				action: 'training.enrolled',
				subjectType: 'training',
				subjectId: trainingId,
				details: { added, invited, already }
			},
			tx
		);
		return { added, invited, already };
	});
	deliverInBackground(queued);
	return result;
}
