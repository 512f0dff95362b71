// Reading trainings: the public list, one training with its days, seat counts.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../db';
import { trainingDays, trainingRegistrations, trainings, type Training, type TrainingDay } from '../db/schema';
import { seatsLeft } from './seats';

export interface SeatCounts {
	confirmed: number;
	waitlisted: number;
	pending: number;
}

export function seatCounts(trainingId: string, tx: Tx = getDb()): SeatCounts {
	const rows = tx
		.select({ status: trainingRegistrations.status, n: count() })
		.from(trainingRegistrations)
		.where(eq(trainingRegistrations.trainingId, trainingId))
		.groupBy(trainingRegistrations.status)
		.all();
	const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
	return { confirmed: of('confirmed'), waitlisted: of('waitlisted'), pending: of('pending_approval') };
}

export function daysOf(trainingId: string, tx: Tx = getDb()): TrainingDay[] {
	return tx
		.select()
		.from(trainingDays)
		.where(eq(trainingDays.trainingId, trainingId))
		.orderBy(asc(trainingDays.startsAt))
		.all();
}

export function trainingBySlug(slug: string): Training | undefined {
	return getDb().select().from(trainings).where(eq(trainings.slug, slug)).get();
}

export function trainingById(id: string, tx: Tx = getDb()): Training | undefined {
	return tx.select().from(trainings).where(eq(trainings.id, id)).get();
}

/** First and last moment of a training (from its days); null without days. */
export function span(days: TrainingDay[]): { start: Date; end: Date } | null {
	if (days.length === 0) return null;
	return {
		start: days[0].startsAt,
		end: days.reduce((a, d) => (d.endsAt > a ? d.endsAt : a), days[0].endsAt)
	};
}

/**
 * Registration is open until the deadline, while the training is published and has not begun, and only once it
 * has a date: a training announced before its days are set shows "date to be announced" and takes no card yet (a
 * confirmation would carry an empty schedule and an empty calendar invitation).
 */
export function registrationOpen(training: Training, days: TrainingDay[], now = Date.now()): boolean {
	const first = span(days)?.start.getTime();
	return (
		training.status === 'published' &&
		training.registrationDeadline.getTime() > now &&
		first !== undefined &&
		first > now
	);
}

export interface TrainingListItem {
	slug: string;
	title: string;
	start: Date | null;
	end: Date | null;
	place: string;
	online: boolean;
	seatsLeft: number;
	registrationDeadline: Date;
	open: boolean;
}

/**
 * Published trainings whose last day has not ended, soonest first. Three statements whatever the number of
 * trainings (the trainings, then the days and the confirmed counts of all of them): one pair per training made the
 * public list 135 statements and 19 ms of server time with 67 trainings (docs/PERFORMANCE.md).
 */
export function upcomingTrainings(now = Date.now()): TrainingListItem[] {
	const db = getDb();
	const rows = db
		.select()
		.from(trainings)
		.where(
			and(
				eq(trainings.status, 'published'),
				sql`(not exists (select 1 from ${trainingDays} where ${trainingDays.trainingId} = ${trainings.id}) or exists (select 1 from ${trainingDays} where ${trainingDays.trainingId} = ${trainings.id} and ${trainingDays.endsAt} > ${now}))`
			)
		)
		.all();
	if (rows.length === 0) return [];
	const ids = rows.map((t) => t.id);
	const daysByTraining = new Map<string, TrainingDay[]>();
	for (const day of db
		.select()
		.from(trainingDays)
		.where(inArray(trainingDays.trainingId, ids))
		.orderBy(asc(trainingDays.trainingId), asc(trainingDays.startsAt))
		.all()) {
		const list = daysByTraining.get(day.trainingId);
		if (list) list.push(day);
		else daysByTraining.set(day.trainingId, [day]);
	}
	const confirmed = new Map(
		db
			.select({ trainingId: trainingRegistrations.trainingId, n: count() })
			.from(trainingRegistrations)
			.where(and(inArray(trainingRegistrations.trainingId, ids), eq(trainingRegistrations.status, 'confirmed')))
			.groupBy(trainingRegistrations.trainingId)
			.all()
			.map((r) => [r.trainingId, r.n])
	);
	return rows
		.map((t) => {
			const days = daysByTraining.get(t.id) ?? [];
			const s = span(days);
			return {
				slug: t.slug,
				title: t.title,
				start: s?.start ?? null,
				end: s?.end ?? null,
				place: t.place,
				online: !t.place,
				seatsLeft: seatsLeft(t.seats, confirmed.get(t.id) ?? 0),
				registrationDeadline: t.registrationDeadline,
				open: registrationOpen(t, days, now)
			};
		})
		.sort((a, b) => (a.start?.getTime() ?? Infinity) - (b.start?.getTime() ?? Infinity));
}

/** Every training for the organisers, newest first. */
export function allTrainings() {
	const db = getDb();
	return db
		.select()
		.from(trainings)
		.orderBy(sql`${trainings.createdAt} desc`)
		.all()
		.map((t) => {
			const s = span(daysOf(t.id));
			return { ...t, start: s?.start ?? null, counts: seatCounts(t.id) };
		});
}

/** The training day behind a live session, with its training (null for a session typed in by hand). */
export function trainingOfSession(liveSessionId: string) {
	return (
		getDb()
			.select({ training: trainings, day: trainingDays })
			.from(trainingDays)
			.innerJoin(trainings, eq(trainings.id, trainingDays.trainingId))
			.where(eq(trainingDays.liveSessionId, liveSessionId))
			.get() ?? null
	);
}
