import { getDb } from '$lib/server/db';
import { auditLog, groups, mailOutbox, trainings, users } from '$lib/server/db/schema';
import { addTrainingDay, createTraining, type TrainingInput } from '$lib/server/trainings/manage';
import type { RegistrationInput } from '$lib/server/trainings/registrations';
import { insertUser } from './db-helpers';

export const DAY = 86_400_000;
export const ORIGIN = 'https://akademia.test';

export function resetTrainings() {
	const db = getDb();
	db.delete(trainings).run();
	db.delete(groups).run();
	db.delete(mailOutbox).run();
	db.delete(auditLog).run();
	db.delete(users).run();
}

/** A training with one day `inDays` from now (09:00–15:00 UTC) and `seats` seats. */
export function makeTraining(
	overrides: Partial<TrainingInput> = {},
	{ inDays = 30, now = Date.now() }: { inDays?: number; now?: number } = {}
) {
	const adminId = insertUser({ role: 'admin' });
	const input: TrainingInput = {
		title: 'Protokół dyplomatyczny w praktyce gminy',
		invitation: 'Zapraszamy.',
		place: 'Kraków, ul. Testowa 1',
		onlineUrl: '',
		seats: 20,
		registrationDeadline: new Date(now + (inDays - 2) * DAY),
		requiresApproval: false,
		courseSlugs: ['protokol-dyplomatyczny'],
		...overrides
	};
	const { id, slug } = createTraining(adminId, input, adminId);
	const start = new Date(now + inDays * DAY);
	start.setUTCHours(9, 0, 0, 0);
	const dayId = addTrainingDay(
		adminId,
		id,
		{
			startsAt: start,
			endsAt: new Date(start.getTime() + 6 * 3600_000),
			programme: [{ start: '09:00', end: '10:30', topic: 'Precedencja', trainer: 'Tomasz Trenerski' }]
		},
		ORIGIN,
		now
	)!;
	return { id, slug, adminId, dayId };
}

export function card(n: number | string, overrides: Partial<RegistrationInput> = {}): RegistrationInput {
	return {
		email: `osoba${n}@gmina.test`,
		firstName: 'Anna',
		lastName: `Nowak ${n}`,
		position: 'inspektor',
		office: 'Urząd Gminy Testowo',
		officeType: 'gmina',
		phone: '',
		dietaryNeeds: '',
		accessibilityNeeds: '',
		superiorEmail: null,
		locale: 'pl',
		...overrides
	};
}
