import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { listGroups } from '$lib/server/groups/groups';
import { inviteUser } from '$lib/server/people/invite';
import { fields } from '$lib/server/forms/fields';
import { fieldError, formDataToObject, safeValues, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

// Creating a user is inviting them: name, office and group are optional and prefill the invitation.
const inviteSchema = z.object({
	email: fields.email(),
	role: fields.role(),
	name: fields.personName().optional(),
	organisation: fields.organisation().optional(),
	group: z.string().max(64).optional()
});

export const load = ((event) => {
	const admin = requireRole(event, 'admin');
	return { groups: listGroups(admin).map((g) => ({ id: g.id, name: g.name })) };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = safeValues(form, ['email', 'role', 'name', 'organisation', 'group']);
		const input = formDataToObject(form);
		for (const optional of ['name', 'organisation', 'group'])
			if (typeof input[optional] === 'string' && input[optional].trim() === '') delete input[optional];
		const parsed = validateForm(inviteSchema, input);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const { email, role, name, organisation, group: groupId } = parsed.data;
		const result = await inviteUser(admin.id, { email, role, name, organisation, groupId }, event.url.origin);
		if (!result.ok)
			return fail(400, {
				values,
				errors:
					result.reason === 'group_unknown'
						? fieldError('group', m.admin_invite_group_unknown())
						: fieldError('email', m.admin_invite_exists())
			});
		return { sent: email };
	}
} satisfies Actions;
