// Retention (RODO): a registration of someone who never became a learner is anonymised a set number of days after
// the training's last day (TRAINING_RETENTION_DAYS, default 365; docs/PRIVACY.md). Registrations of people with
// an account stay with the account (its own anonymisation covers them).
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { audit } from '../audit/log';
import { getDb } from '../db';
import { trainingDays, trainingRegistrations, users } from '../db/schema';

export const TRAINING_RETENTION_DEFAULT_DAYS = 365;
const DAY = 86_400_000;

export function trainingRetentionDays(env: Record<string, string | undefined> = process.env): number {
	const days = Number(env.TRAINING_RETENTION_DAYS);
	return Number.isFinite(days) && days >= 1 ? Math.floor(days) : TRAINING_RETENTION_DEFAULT_DAYS;
}

export const ANONYMISED_REGISTRANT = 'Osoba zanonimizowana';

/** Anonymises due registrations in one transaction; returns how many. */
export function anonymiseOldRegistrations(now = Date.now(), days = trainingRetentionDays()): number {
	const cutoff = now - days * DAY;
	return getDb().transaction((tx) => {
		const due = tx
			.select({ id: trainingRegistrations.id })
			.from(trainingRegistrations)
			.where(
				and(
					isNull(trainingRegistrations.anonymisedAt),
					isNull(trainingRegistrations.userId),
					// Ended: the last day of the training is before the cutoff (a training without days never ends).
					sql`(select max(${trainingDays.endsAt}) from ${trainingDays} where ${trainingDays.trainingId} = ${trainingRegistrations.trainingId}) < ${cutoff}`,
					// Became a learner later through an invitation: the account holds the person's data now.
					sql`not exists (select 1 from ${users} where ${users.email} = ${trainingRegistrations.email})`
				)
			)
			.all()
			.map((r) => r.id);
		if (due.length === 0) return 0;
		tx.update(trainingRegistrations)
			.set({
				email: sql`'anonymised-' || ${trainingRegistrations.id}`,
				firstName: ANONYMISED_REGISTRANT,
				lastName: '',
				position: '',
				office: '',
				phone: '',
				dietaryNeeds: '',
				accessibilityNeeds: '',
				superiorEmail: null,
				anonymisedAt: new Date(now)
			})
			.where(inArray(trainingRegistrations.id, due))
			.run();
		audit({ actorId: null, action: 'training.registrations_anonymised', details: { count: due.length, days } }, tx);
		return due.length;
	});
}
