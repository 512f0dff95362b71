import { error, fail, redirect } from '@sveltejs/kit';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { getUser, setUserDisabled, updateUser, type AdminChange } from '$lib/server/admin/users';
import { getDb } from '$lib/server/db';
import { groupMembers, groups } from '$lib/server/db/schema';
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
	const user = getUser(event.params.id);
	if (!user || user.anonymisedAt) error(404, { message: 'not_found' });
	const memberOf = getDb()
		.select({ id: groups.id, name: groups.name })
		.from(groupMembers)
		.innerJoin(groups, eq(groups.id, groupMembers.groupId))
		.where(eq(groupMembers.userId, user.id))
		.orderBy(asc(groups.name))
		.all();
	const { passwordHash, ...shown } = user;
	return { user: { ...shown, hasPassword: passwordHash !== null }, memberOf };
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
