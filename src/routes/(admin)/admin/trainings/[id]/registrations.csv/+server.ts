import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireApiUser } from '$lib/server/auth/guards';
import { csvResponse, toCsv } from '$lib/server/csv';
import { trainingById } from '$lib/server/trainings/catalogue';
import { registrationsOf } from '$lib/server/trainings/registrations';
import type { RequestHandler } from './$types';

const STATUS = {
	pending_approval: () => m.training_status_pending_approval(),
	confirmed: () => m.training_status_confirmed(),
	waitlisted: () => m.training_status_waitlisted(),
	cancelled: () => m.training_status_cancelled(),
	declined: () => m.training_status_declined()
};

// The registrations as a Polish-Excel CSV (server/csv.ts: BOM, ";", CRLF, formula-safe cells).
export const GET = (async (event) => {
	requireApiUser(event, 'admin');
	const training = trainingById(event.params.id);
	if (!training) error(404, { message: 'not_found' });
	const rows = registrationsOf(training.id).map((r) => [
		r.lastName,
		r.firstName,
		r.position,
		r.office,
		r.officeType,
		r.email,
		r.phone,
		STATUS[r.status](),
		r.waitlistPosition,
		r.dietaryNeeds,
		r.accessibilityNeeds,
		r.superiorEmail,
		r.consentVersion,
		r.createdAt
	]);
	const header = [
		m.training_field_last_name(),
		m.training_field_first_name(),
		m.training_field_position(),
		m.training_field_office(),
		m.training_field_office_type(),
		m.training_field_email(),
		m.training_field_phone(),
		m.training_admin_status(),
		m.training_admin_waitlist_position(),
		m.training_field_dietary(),
		m.training_field_accessibility(),
		m.training_field_superior_email(),
		m.training_admin_consent_version(),
		m.training_admin_registered_at()
	];
	return csvResponse(toCsv(header, rows), `zgloszenia-${training.slug}.csv`);
}) satisfies RequestHandler;
