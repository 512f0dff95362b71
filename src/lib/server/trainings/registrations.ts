// Registrations: each change of a registration runs in ONE synchronous transaction (BEGIN IMMEDIATE) that counts
// the seats, writes the row, promotes the first of the waitlist when a seat frees up, writes the audit entry and
// stores the mails in the outbox. better-sqlite3 runs it start to end without yielding, and IMMEDIATE takes the
// write lock before the count, so another process cannot count the same free seat: never one seat too many.
import { and, asc, count, eq, inArray, lte, max } from 'drizzle-orm';
import { audit } from '../audit/log';
import { getDb, type Tx } from '../db';
import {
	trainingRegistrations,
	type Locale,
	type Training,
	type TrainingRegistration,
	OFFICE_TYPES
} from '../db/schema';
import { hashToken, randomId } from '../ids';
import { deliverInBackground, queueMail, type Mail } from '../mail/outbox';
import { daysOf, registrationOpen, seatCounts, span, trainingById } from './catalogue';
import { registrationMail, superiorMail, type RegistrationMailKind } from './mails';
import { ACTIVE_STATUSES, canMove, nextWaitlistSeq, promotions, statusAfterApproval, statusForNew } from './seats';

/** The version of the information clause (RODO art. 13) shown beside the consent; stored with each registration. */
export const CONSENT_VERSION = '2026-12-v1';

export interface RegistrationInput {
	email: string;
	firstName: string;
	lastName: string;
	position: string;
	office: string;
	officeType: (typeof OFFICE_TYPES)[number];
	phone: string;
	dietaryNeeds: string;
	accessibilityNeeds: string;
	superiorEmail: string | null;
	locale: Locale;
}

export interface Context {
	origin: string;
	now?: number;
	/** Who acts: null for the person themselves or the superior (no account). */
	actorId?: string | null;
	/** The training of the organiser's page: a registration of another training is treated as missing. */
	trainingId?: string;
}

/** A registration of the training in the organiser's URL (if one is given), else undefined. */
function organiserRegistration(registrationId: string, tx: Tx, ctx: Context) {
	const reg = registrationById(registrationId, tx);
	return reg && (!ctx.trainingId || reg.trainingId === ctx.trainingId) ? reg : undefined;
}

type Queued = { id: string; mail: Mail }[];

function immediate<T>(fn: (tx: Tx, queued: Queued) => T): { result: T; queued: Queued } {
	const queued: Queued = [];
	const result = getDb().transaction((tx) => fn(tx, queued), { behavior: 'immediate' });
	return { result, queued };
}

/** Stores the mail in the outbox now (inside the caller's transaction: same connection) and delivers it later. */
function enqueue(queued: Queued, mail: Mail) {
	queued.push({ id: queueMail(mail), mail });
}

function registrationById(id: string, tx: Tx) {
	return tx.select().from(trainingRegistrations).where(eq(trainingRegistrations.id, id)).get();
}

/** 1-based place on the waitlist, or null when not waitlisted. */
export function waitlistPosition(
	reg: Pick<TrainingRegistration, 'trainingId' | 'status' | 'waitlistSeq'>,
	tx: Tx = getDb()
) {
	if (reg.status !== 'waitlisted' || reg.waitlistSeq === null) return null;
	return (
		tx
			.select({ n: count() })
			.from(trainingRegistrations)
			.where(
				and(
					eq(trainingRegistrations.trainingId, reg.trainingId),
					eq(trainingRegistrations.status, 'waitlisted'),
					lte(trainingRegistrations.waitlistSeq, reg.waitlistSeq)
				)
			)
			.get()?.n ?? 0
	);
}

function endOfWaitlist(trainingId: string, tx: Tx): number {
	const row = tx
		.select({ seq: max(trainingRegistrations.waitlistSeq) })
		.from(trainingRegistrations)
		.where(eq(trainingRegistrations.trainingId, trainingId))
		.get();
	return nextWaitlistSeq(row?.seq);
}

function mailContext(training: Training, tx: Tx, ctx: Context) {
	return { training, days: daysOf(training.id, tx), origin: ctx.origin, now: new Date(ctx.now ?? Date.now()) };
}

/**
 * Fills free seats from the head of the waitlist (in order) and tells each promoted person. Runs inside the
 * transaction that freed the seat.
 */
/**
 * Confirms the head of the waitlist onto free seats (a cancellation, more seats). Nobody is confirmed into a
 * cancelled training. Exported for the organiser's edit of the seat count, which runs it in its own transaction.
 */
export function promoteWaitlisted(training: Training, tx: Tx, queued: Queued, ctx: Context): string[] {
	if (training.status !== 'published') return [];
	const counts = seatCounts(training.id, tx);
	const n = promotions(training.seats, counts.confirmed, counts.waitlisted);
	if (n === 0) return [];
	const heads = tx
		.select()
		.from(trainingRegistrations)
		.where(and(eq(trainingRegistrations.trainingId, training.id), eq(trainingRegistrations.status, 'waitlisted')))
		.orderBy(asc(trainingRegistrations.waitlistSeq))
		.limit(n)
		.all();
	const now = new Date(ctx.now ?? Date.now());
	for (const reg of heads) {
		tx.update(trainingRegistrations)
			.set({ status: 'confirmed', waitlistSeq: null, decidedAt: now })
			.where(eq(trainingRegistrations.id, reg.id))
			.run();
		audit(
			{
				actorId: ctx.actorId ?? null,
				action: 'training.registration_promoted',
				subjectType: 'training_registration',
				subjectId: reg.id,
				details: { trainingId: training.id }
			},
			tx
		);
		enqueue(
			queued,
			registrationMail('promoted', { ...mailContext(training, tx, ctx), reg: { ...reg, status: 'confirmed' } })
		);
	}
	return heads.map((r) => r.id);
}

export type RegisterResult =
	| {
			ok: true;
			id: string;
			status: TrainingRegistration['status'];
			waitlistPosition: number | null;
			cancelToken: string;
	  }
	| { ok: false; reason: 'missing' | 'closed' | 'duplicate' };

/** A registration from the public card. Writes nothing when refused. */
export function registerForTraining(trainingId: string, input: RegistrationInput, ctx: Context): RegisterResult {
	const now = ctx.now ?? Date.now();
	const { result, queued } = immediate((tx, queued): RegisterResult => {
		const training = trainingById(trainingId, tx);
		if (!training) return { ok: false, reason: 'missing' };
		if (!registrationOpen(training, daysOf(training.id, tx), now)) return { ok: false, reason: 'closed' };
		const email = input.email.toLowerCase();
		const existing = tx
			.select({ id: trainingRegistrations.id })
			.from(trainingRegistrations)
			.where(
				and(
					eq(trainingRegistrations.trainingId, trainingId),
					eq(trainingRegistrations.email, email),
					inArray(trainingRegistrations.status, ACTIVE_STATUSES)
				)
			)
			.get();
		if (existing) return { ok: false, reason: 'duplicate' };
		const withApproval = training.requiresApproval && !!input.superiorEmail;
		const status = statusForNew({
			seats: training.seats,
			confirmed: seatCounts(trainingId, tx).confirmed,
			requiresApproval: withApproval
		});
		const cancelToken = randomId(20);
		const approvalToken = withApproval ? randomId(20) : null;
		const id = randomId();
		const row = {
			id,
			trainingId,
			...input,
			email,
			consentVersion: CONSENT_VERSION,
			consentAt: new Date(now),
			status,
			waitlistSeq: status === 'waitlisted' ? endOfWaitlist(trainingId, tx) : null,
			cancelTokenHash: hashToken(cancelToken),
			approvalTokenHash: approvalToken ? hashToken(approvalToken) : null,
			createdAt: new Date(now),
			decidedAt: status === 'confirmed' ? new Date(now) : null
		};
		tx.insert(trainingRegistrations).values(row).run();
		audit(
			{
				actorId: null,
				action: 'training.registered',
				subjectType: 'training_registration',
				subjectId: id,
				details: { trainingId, status }
			},
			tx
		);
		const reg = registrationById(id, tx)!;
		const position = waitlistPosition(reg, tx);
		const mctx = mailContext(training, tx, ctx);
		const kind: RegistrationMailKind =
			status === 'confirmed' ? 'confirmed' : status === 'waitlisted' ? 'waitlisted' : 'pending';
		enqueue(queued, registrationMail(kind, { ...mctx, reg, cancelToken, waitlistPosition: position ?? undefined }));
		if (approvalToken) enqueue(queued, superiorMail({ ...mctx, reg, approvalToken }));
		return { ok: true, id, status, waitlistPosition: position, cancelToken };
	});
	deliverInBackground(queued);
	return result;
}

/** The registration behind a cancellation link (for the confirmation page). */
export function registrationByCancelToken(token: string) {
	return getDb()
		.select()
		.from(trainingRegistrations)
		.where(eq(trainingRegistrations.cancelTokenHash, hashToken(token)))
		.get();
}

export function registrationByApprovalToken(token: string) {
	return getDb()
		.select()
		.from(trainingRegistrations)
		.where(eq(trainingRegistrations.approvalTokenHash, hashToken(token)))
		.get();
}

/** Until the first day starts a person may cancel through their link. */
export function cancellable(reg: TrainingRegistration, now = Date.now()): boolean {
	if (!ACTIVE_STATUSES.includes(reg.status)) return false;
	const first = daysOf(reg.trainingId)[0];
	return !first || first.startsAt.getTime() > now;
}

export type ChangeResult =
	{ ok: true; promoted: string[] } | { ok: false; reason: 'missing' | 'not_allowed' | 'no_seat' };

/** Cancels one registration and promotes from the waitlist in the same transaction. */
function cancelInTx(reg: TrainingRegistration, tx: Tx, queued: Queued, ctx: Context, action: string): ChangeResult {
	if (!canMove(reg.status, 'cancelled')) return { ok: false, reason: 'not_allowed' };
	const training = trainingById(reg.trainingId, tx)!;
	const now = new Date(ctx.now ?? Date.now());
	tx.update(trainingRegistrations)
		.set({ status: 'cancelled', waitlistSeq: null, decidedAt: now })
		.where(eq(trainingRegistrations.id, reg.id))
		.run();
	audit(
		{
			actorId: ctx.actorId ?? null,
			action,
			subjectType: 'training_registration',
			subjectId: reg.id,
			details: { trainingId: reg.trainingId, from: reg.status }
		},
		tx
	);
	enqueue(
		queued,
		registrationMail('cancelled', {
			...mailContext(training, tx, ctx),
			reg
		})
	);
	return { ok: true, promoted: promoteWaitlisted(training, tx, queued, ctx) };
}

/** The person's own cancellation, through the link in their mail. */
export function cancelByToken(token: string, ctx: Context): ChangeResult {
	const now = ctx.now ?? Date.now();
	const { result, queued } = immediate((tx, queued): ChangeResult => {
		const reg = tx
			.select()
			.from(trainingRegistrations)
			.where(eq(trainingRegistrations.cancelTokenHash, hashToken(token)))
			.get();
		if (!reg) return { ok: false, reason: 'missing' };
		if (!cancellable(reg, now)) return { ok: false, reason: 'not_allowed' };
		return cancelInTx(reg, tx, queued, { ...ctx, actorId: null }, 'training.registration_cancelled');
	});
	deliverInBackground(queued);
	return result;
}

/** The organiser removes a person (any active status). */
export function cancelByOrganiser(registrationId: string, ctx: Context): ChangeResult {
	const { result, queued } = immediate((tx, queued): ChangeResult => {
		const reg = organiserRegistration(registrationId, tx, ctx);
		if (!reg) return { ok: false, reason: 'missing' };
		return cancelInTx(reg, tx, queued, ctx, 'training.registration_removed');
	});
	deliverInBackground(queued);
	return result;
}

/** The superior's decision; the registrant is told either way. */
export function decideApproval(
	token: string,
	approve: boolean,
	ctx: Context
): { ok: true; status: string } | { ok: false; reason: 'missing' | 'not_allowed' } {
	const { result, queued } = immediate((tx, queued) => {
		const reg = tx
			.select()
			.from(trainingRegistrations)
			.where(eq(trainingRegistrations.approvalTokenHash, hashToken(token)))
			.get();
		if (!reg) return { ok: false, reason: 'missing' } as const;
		if (reg.status !== 'pending_approval') return { ok: false, reason: 'not_allowed' } as const;
		const training = trainingById(reg.trainingId, tx)!;
		// A cancelled training takes nobody in, approved or not.
		if (training.status !== 'published') return { ok: false, reason: 'not_allowed' } as const;
		const status = approve ? statusAfterApproval(training.seats, seatCounts(training.id, tx).confirmed) : 'declined';
		const now = new Date(ctx.now ?? Date.now());
		tx.update(trainingRegistrations)
			.set({
				status,
				waitlistSeq: status === 'waitlisted' ? endOfWaitlist(training.id, tx) : null,
				decidedAt: now
			})
			.where(eq(trainingRegistrations.id, reg.id))
			.run();
		audit(
			{
				actorId: null,
				action: approve ? 'training.registration_approved' : 'training.registration_declined',
				subjectType: 'training_registration',
				subjectId: reg.id,
				details: { trainingId: training.id, status }
			},
			tx
		);
		const updated = registrationById(reg.id, tx)!;
		const kind: RegistrationMailKind =
			status === 'confirmed' ? 'confirmed' : status === 'waitlisted' ? 'approved_waitlisted' : 'declined';
		enqueue(
			queued,
			registrationMail(kind, {
				...mailContext(training, tx, ctx),
				reg: updated,
				waitlistPosition: waitlistPosition(updated, tx) ?? undefined
			})
		);
		return { ok: true, status } as const;
	});
	deliverInBackground(queued);
	return result;
}

/** The organiser confirms a waitlisted or pending person, only onto a free seat (never one too many). */
export function confirmByOrganiser(registrationId: string, ctx: Context): ChangeResult {
	const { result, queued } = immediate((tx, queued): ChangeResult => {
		const reg = organiserRegistration(registrationId, tx, ctx);
		if (!reg) return { ok: false, reason: 'missing' };
		if (!canMove(reg.status, 'confirmed')) return { ok: false, reason: 'not_allowed' };
		const training = trainingById(reg.trainingId, tx)!;
		if (statusAfterApproval(training.seats, seatCounts(training.id, tx).confirmed) !== 'confirmed')
			return { ok: false, reason: 'no_seat' };
		tx.update(trainingRegistrations)
			.set({ status: 'confirmed', waitlistSeq: null, decidedAt: new Date(ctx.now ?? Date.now()) })
			.where(eq(trainingRegistrations.id, reg.id))
			.run();
		audit(
			{
				actorId: ctx.actorId ?? null,
				action: 'training.registration_confirmed',
				subjectType: 'training_registration',
				subjectId: reg.id,
				details: { trainingId: training.id, from: reg.status }
			},
			tx
		);
		enqueue(
			queued,
			registrationMail('confirmed', { ...mailContext(training, tx, ctx), reg: { ...reg, status: 'confirmed' } })
		);
		return { ok: true, promoted: [] };
	});
	deliverInBackground(queued);
	return result;
}

export type MoveResult = ChangeResult | { ok: false; reason: 'duplicate' | 'closed' | 'started' | 'undated' };

/**
 * Moves a person to another training: cancelled here (the waitlist moves up), registered there with the same
 * card and consent (a seat or that training's waitlist), all in one transaction.
 */
export function moveRegistration(registrationId: string, targetTrainingId: string, ctx: Context): MoveResult {
	const now = ctx.now ?? Date.now();
	const { result, queued } = immediate((tx, queued): MoveResult => {
		const reg = organiserRegistration(registrationId, tx, ctx);
		const target = trainingById(targetTrainingId, tx);
		if (!reg || !target || target.id === reg.trainingId) return { ok: false, reason: 'missing' };
		if (!ACTIVE_STATUSES.includes(reg.status)) return { ok: false, reason: 'not_allowed' };
		// Only into a training that is on and has not begun.
		const targetStart = span(daysOf(target.id, tx))?.start.getTime();
		if (target.status !== 'published') return { ok: false, reason: 'closed' };
		if (targetStart === undefined) return { ok: false, reason: 'undated' };
		if (targetStart <= now) return { ok: false, reason: 'started' };
		const clash = tx
			.select({ id: trainingRegistrations.id })
			.from(trainingRegistrations)
			.where(
				and(
					eq(trainingRegistrations.trainingId, target.id),
					eq(trainingRegistrations.email, reg.email),
					inArray(trainingRegistrations.status, ACTIVE_STATUSES)
				)
			)
			.get();
		if (clash) return { ok: false, reason: 'duplicate' };
		const cancelled = cancelInTx(reg, tx, queued, ctx, 'training.registration_moved');
		if (!cancelled.ok) return cancelled;
		const status = statusAfterApproval(target.seats, seatCounts(target.id, tx).confirmed);
		const cancelToken = randomId(20);
		const id = randomId();
		tx.insert(trainingRegistrations)
			.values({
				...reg,
				id,
				trainingId: target.id,
				status,
				waitlistSeq: status === 'waitlisted' ? endOfWaitlist(target.id, tx) : null,
				cancelTokenHash: hashToken(cancelToken),
				approvalTokenHash: null,
				userId: null,
				createdAt: new Date(now),
				decidedAt: new Date(now)
			})
			.run();
		audit(
			{
				actorId: ctx.actorId ?? null,
				action: 'training.registration_moved_in',
				subjectType: 'training_registration',
				subjectId: id,
				details: { from: reg.id, trainingId: target.id, status }
			},
			tx
		);
		const moved = registrationById(id, tx)!;
		enqueue(
			queued,
			registrationMail(status === 'confirmed' ? 'confirmed' : 'waitlisted', {
				...mailContext(target, tx, ctx),
				reg: moved,
				cancelToken,
				waitlistPosition: waitlistPosition(moved, tx) ?? undefined
			})
		);
		return cancelled;
	});
	deliverInBackground(queued);
	return result;
}

/** The organiser's list: every registration with its waitlist position, in the order people registered. */
export function registrationsOf(trainingId: string) {
	const rows = getDb()
		.select()
		.from(trainingRegistrations)
		.where(eq(trainingRegistrations.trainingId, trainingId))
		.orderBy(asc(trainingRegistrations.createdAt), asc(trainingRegistrations.id))
		.all();
	const waitlist = rows
		.filter((r) => r.status === 'waitlisted')
		.sort((a, b) => (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0));
	return rows.map((r) => ({ ...r, waitlistPosition: r.status === 'waitlisted' ? waitlist.indexOf(r) + 1 : null }));
}
