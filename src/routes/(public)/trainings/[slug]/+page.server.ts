import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { fieldError, formError, safeValues, validateForm } from '$lib/server/forms/validate';
import { CARD_FIELDS, cardSchema } from '$lib/server/trainings/card';
import { clauseSettings, publicTraining } from '$lib/server/trainings/public';
import { registerForTraining } from '$lib/server/trainings/registrations';
import type { Actions, PageServerLoad } from './$types';
import { takeVerifyLookup } from '$lib/server/certificates/throttle';

function found(slug: string) {
	const t = publicTraining(slug);
	if (!t) error(404, { message: m.training_not_found() });
	return t;
}

// Public by design: the invitation, the programme and the registration card need no account.
export const load = (({ params }) => ({
	training: found(params.slug).view,
	clause: clauseSettings()
})) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { training, view } = found(event.params.slug);
		const form = await event.request.formData();
		const values = safeValues(form, CARD_FIELDS);
		if (!view.open) return fail(400, { values, errors: formError(m.training_register_closed()) });
		const parsed = validateForm(cardSchema(training.requiresApproval), form);
		if (!parsed.ok) {
			const errors = { ...parsed.errors };
			if (errors.consent) errors.consent = m.training_consent_required();
			if (errors.office_type) errors.office_type = m.training_office_type_required();
			if (errors.phone) errors.phone = m.training_phone_invalid();
			return fail(400, { values, errors });
		}
		const d = parsed.data;
		if (d.superior_email && d.superior_email === d.email)
			return fail(400, { values, errors: fieldError('superior_email', m.training_superior_same()) });
		// Valid cards only count: 30 registrations per address in 10 minutes, so no script fills the seats.
		const wait = takeVerifyLookup(event.getClientAddress(), Date.now(), 'register');
		if (wait > 0)
			return fail(429, {
				values,
				errors: formError(m.training_register_throttled({ minutes: Math.ceil(wait / 60_000) }))
			});
		const result = registerForTraining(
			training.id,
			{
				email: d.email,
				firstName: d.first_name,
				lastName: d.last_name,
				position: d.position,
				office: d.office,
				officeType: d.office_type,
				phone: d.phone,
				dietaryNeeds: d.dietary,
				accessibilityNeeds: d.accessibility,
				superiorEmail: d.superior_email || null,
				locale: getLocale()
			},
			{ origin: event.url.origin }
		);
		if (!result.ok) {
			if (result.reason === 'duplicate')
				return fail(400, { values, errors: fieldError('email', m.training_register_duplicate()) });
			return fail(400, { values, errors: formError(m.training_register_closed()) });
		}
		return { registered: { status: result.status, position: result.waitlistPosition, email: d.email } };
	}
} satisfies Actions;
