import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { setUserDisabled, updateUser, type AdminChange } from '$lib/server/people/users';
import { accountForAdmin } from '$lib/server/people/account';
import { fields } from '$lib/server/forms/fields';
import { formError, safeValues, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

const editSchema = z.object({ name: fields.personName(), organisation: fields.organisation(), role: fields.role() });

function refusal(result: Extract<AdminChange, { ok: false }>) {
	if (result.reason === 'not_found') error(404, { message: 'not_found' });
	return result.reason === 'self' ? m.admin_users_refused_self() : m.admin_users_refused_last_admin();
}

export const load = ((event) => {
	requireRole(event, 'admin');
	const account = accountForAdmin(event.params.id);
	if (!account) error(404, { message: 'not_found' });
	return account;
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = safeValues(form, ['name', 'organisation', 'role']);
		const parsed = validateForm(editSchema, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const result = updateUser(admin.id, event.params.id, parsed.data);
		if (!result.ok) return fail(400, { values, errors: formError(refusal(result)) });
		return { saved: true };
	},
	disable: async (event) => {
		const admin = requireRole(event, 'admin');
		const result = setUserDisabled(admin.id, event.params.id, true);
		if (!result.ok) return fail(400, { values: {}, errors: formError(refusal(result)) });
		redirect(303, `/admin/users/${event.params.id}?done=disabled`);
	},
	enable: async (event) => {
		const admin = requireRole(event, 'admin');
		const result = setUserDisabled(admin.id, event.params.id, false);
		if (!result.ok) return fail(400, { values: {}, errors: formError(refusal(result)) });
		redirect(303, `/admin/users/${event.params.id}?done=enabled`);
	}
} satisfies Actions;
