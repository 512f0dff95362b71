import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { fields } from '$lib/server/forms/fields';
import { fieldError, formError, safeValues, validateForm } from '$lib/server/forms/validate';
import { anonymisePerson, findPersonByEmail } from '$lib/server/privacy/anonymise';
import type { Actions, PageServerLoad } from './$types';

const findSchema = z.object({ email: fields.email() });
const anonymiseSchema = z.object({
	email: fields.email(),
	confirm: z.literal('yes', { error: 'required' })
});

export const load = ((event) => {
	requireRole(event, 'admin');
	return {};
}) satisfies PageServerLoad;

function personView(person: NonNullable<ReturnType<typeof findPersonByEmail>>) {
	return { email: person.email ?? '', name: person.name, organisation: person.organisation, role: person.role };
}

export const actions = {
	find: async (event) => {
		requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = safeValues(form, ['email']);
		const parsed = validateForm(findSchema, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const person = findPersonByEmail(parsed.data.email);
		if (!person) return fail(404, { values, errors: fieldError('email', m.privacy_not_found()) });
		return { values, person: personView(person) };
	},
	anonymise: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = safeValues(form, ['email']);
		const parsed = validateForm(anonymiseSchema, form);
		const person = parsed.ok ? findPersonByEmail(parsed.data.email) : null;
		if (!parsed.ok) {
			const again = values.email ? findPersonByEmail(values.email) : null;
			const errors = parsed.errors.confirm ? fieldError('confirm', m.privacy_confirm_required()) : parsed.errors;
			return fail(400, { values, errors, person: again ? personView(again) : undefined });
		}
		if (!person) return fail(404, { values, errors: fieldError('email', m.privacy_not_found()) });
		const result = anonymisePerson(person.id, admin.id);
		if (!result.ok) {
			const message = result.reason === 'self' ? m.privacy_not_self() : m.privacy_not_found();
			return fail(400, { values, errors: formError(message), person: personView(person) });
		}
		return { anonymised: true };
	}
} satisfies Actions;
