import { fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { createInvitation } from '$lib/server/auth/tokens';
import { audit } from '$lib/server/audit/log';
import { getDb } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { fields } from '$lib/server/forms/fields';
import { fieldError, safeValues, validateForm } from '$lib/server/forms/validate';
import { sendMail } from '$lib/server/mail/outbox';
import type { Actions, PageServerLoad } from './$types';

const inviteSchema = z.object({ email: fields.email(), role: fields.role() });

export const load = ((event) => {
	requireRole(event, 'admin');
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = safeValues(form, ['email', 'role']);
		const parsed = validateForm(inviteSchema, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const { email, role } = parsed.data;
		if (getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get())
			return fail(400, { values, errors: fieldError('email', m.admin_invite_exists()) });

		const token = createInvitation({ email, role, invitedBy: admin.id });
		audit({
			actorId: admin.id,
			action: 'invitation.created',
			subjectType: 'invitation',
			subjectId: email,
			details: { role }
		});
		const roleName = { learner: m.role_learner, trainer: m.role_trainer, admin: m.role_admin }[role]();
		await sendMail({
			to: email,
			subject: m.mail_invitation_subject(),
			body: m.mail_invitation_body({ role: roleName, link: `${event.url.origin}/invitation/${token}` })
		});
		return { sent: email };
	}
} satisfies Actions;
