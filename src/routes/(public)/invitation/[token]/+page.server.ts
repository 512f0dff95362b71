import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { acceptInvitation } from '$lib/server/auth/accept-invitation';
import { homePathFor } from '$lib/server/auth/guards';
import { hashPassword } from '$lib/server/auth/password';
import { startSession } from '$lib/server/auth/sign-in';
import { findValidInvitation } from '$lib/server/auth/tokens';
import { fields, newPasswordSchema } from '$lib/server/forms/fields';
import { formError, safeValues, validateForm } from '$lib/server/forms/validate';
import { contactEmail } from '$lib/server/institution';
import type { Actions, PageServerLoad } from './$types';

const acceptSchema = z
	.object({ name: fields.personName(), organisation: fields.organisation() })
	.and(newPasswordSchema);

export const load = (({ params, setHeaders }) => {
	// The page shows the invited person's email, name and office: no shared or browser cache may keep it.
	setHeaders({ 'cache-control': 'no-store' });
	const invitation = findValidInvitation(params.token);
	if (!invitation) return { invitation: null, contact: contactEmail() };
	return { invitation: { email: invitation.email, name: invitation.name, organisation: invitation.organisation } };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params, cookies, url }) => {
		const invitation = findValidInvitation(params.token);
		if (!invitation)
			return fail(400, { values: {} as Record<string, string>, errors: formError(m.invitation_invalid()) });
		const form = await request.formData();
		const values = safeValues(form, ['name', 'organisation']);
		const parsed = validateForm(acceptSchema, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });

		const passwordHash = await hashPassword(parsed.data.password);
		const result = acceptInvitation(invitation, {
			name: parsed.data.name,
			organisation: parsed.data.organisation,
			passwordHash
		});
		if (!result.ok) {
			const message = result.reason === 'email_taken' ? m.admin_invite_exists() : m.invitation_invalid();
			return fail(400, { values, errors: formError(message) });
		}
		startSession(cookies, url, result.userId);
		redirect(303, homePathFor(invitation.role));
	}
} satisfies Actions;
