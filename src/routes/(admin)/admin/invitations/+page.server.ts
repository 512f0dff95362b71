import { fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { createInvitation } from '$lib/server/auth/tokens';
import { getGroup, listGroups } from '$lib/server/admin/groups';
import { audit } from '$lib/server/audit/log';
import { getDb } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { fields } from '$lib/server/forms/fields';
import { fieldError, formDataToObject, safeValues, validateForm } from '$lib/server/forms/validate';
import { sendMail } from '$lib/server/mail/outbox';
import type { Actions, PageServerLoad } from './$types';
import { invitationMail } from '$lib/server/people/invitation-mail';

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
		const group = groupId ? getGroup(groupId) : undefined;
		if (groupId && (!group || group.archivedAt))
			return fail(400, { values, errors: fieldError('group', m.admin_invite_group_unknown()) });
		if (getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get())
			return fail(400, { values, errors: fieldError('email', m.admin_invite_exists()) });

		const token = createInvitation({ email, role, name, organisation, groupId: group?.id, invitedBy: admin.id });
		audit({
			actorId: admin.id,
			action: 'invitation.created',
			subjectType: 'invitation',
			subjectId: email,
			details: { role, groupId: group?.id ?? null }
		});
		await sendMail(
			invitationMail({
				to: email,
				role,
				link: `${event.url.origin}/invitation/${token}`,
				groupId: group?.id,
				invitedBy: admin.id
			})
		);
		return { sent: email };
	}
} satisfies Actions;
