// What the public training page shows: never the online link (confirmed participants get it by mail), never
// anyone's registration.
import { getCourse } from '../content';
import type { Training } from '../db/schema';
import { daysOf, registrationOpen, seatCounts, span, trainingBySlug } from './catalogue';
import { trainingRetentionDays } from './retention';
import { CONSENT_VERSION } from './registrations';
import { seatsLeft } from './seats';

export function publicTraining(slug: string, now = Date.now()) {
	const training = trainingBySlug(slug);
	if (!training) return null;
	return { training, view: publicView(training, now) };
}

function publicView(training: Training, now: number) {
	const days = daysOf(training.id);
	const counts = seatCounts(training.id);
	const s = span(days);
	return {
		slug: training.slug,
		title: training.title,
		invitation: training.invitation
			.split(/\n\s*\n/)
			.map((p) => p.trim())
			.filter(Boolean),
		place: training.place,
		online: !training.place,
		seats: training.seats,
		seatsLeft: seatsLeft(training.seats, counts.confirmed),
		waitlisted: counts.waitlisted,
		registrationDeadline: training.registrationDeadline,
		requiresApproval: training.requiresApproval,
		cancelled: training.status === 'cancelled',
		open: registrationOpen(training, days, now),
		start: s?.start ?? null,
		end: s?.end ?? null,
		courses: training.courseSlugs.map((slug) => ({ slug, title: getCourse(slug)?.title ?? slug })),
		days: days.map((d) => ({ id: d.id, startsAt: d.startsAt, endsAt: d.endsAt, programme: d.programme }))
	};
}

/**
 * The information clause's variables. The controller comes from the environment: TRAINING_CONTROLLER_NAME, else
 * the accessibility statement's entity or an INSTITUTION_NAME set for this installation; the contact from
 * TRAINING_CONTROLLER_CONTACT, else the accessibility contact or CONTACT_EMAIL. Empty: the page shows a marked
 * placeholder, and the server says so at start (missingClauseSettings).
 */
export function clauseSettings(env: Record<string, string | undefined> = process.env) {
	const first = (...names: string[]) => names.map((n) => env[n]?.trim()).find(Boolean) ?? '';
	return {
		version: CONSENT_VERSION,
		controller: first('TRAINING_CONTROLLER_NAME', 'A11Y_ENTITY_NAME', 'INSTITUTION_NAME', 'CERT_ISSUER'),
		contact: first('TRAINING_CONTROLLER_CONTACT', 'A11Y_CONTACT_EMAIL', 'CONTACT_EMAIL'),
		retentionDays: trainingRetentionDays(env)
	};
}

/** The settings a public registration card's information clause still lacks (for a warning at start). */
export function missingClauseSettings(env: Record<string, string | undefined> = process.env): string[] {
	const { controller, contact } = clauseSettings(env);
	return [...(controller ? [] : ['TRAINING_CONTROLLER_NAME']), ...(contact ? [] : ['TRAINING_CONTROLLER_CONTACT'])];
}
