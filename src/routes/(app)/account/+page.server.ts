import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guards';
import { changeOwnPassword } from '$lib/server/auth/password-change';
import { startSession } from '$lib/server/auth/sign-in';
import { fields, newPasswordSchema } from '$lib/server/forms/fields';
import { fieldError, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

const changePasswordSchema = z
	.object({ current_password: fields.currentPassword() })
	.and(newPasswordSchema)
	.refine((v) => v.password !== v.current_password, { message: 'password_unchanged', path: ['password'] });

export const load = ((event) => {
	const user = requireUser(event);
	return {
		account: {
			email: user.email,
			name: user.name,
			organisation: user.organisation,
			role: user.role,
			locale: user.locale
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = validateForm(changePasswordSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { password: { errors: parsed.errors } });
		// Every session ends, this one included; the person continues in a fresh one.
		if (!(await changeOwnPassword(user.id, parsed.data.current_password, parsed.data.password)))
			return fail(400, { password: { errors: fieldError('current_password', m.error_wrong_current_password()) } });
		startSession(event.cookies, event.url, user.id);
		return { password: { changed: true } };
	}
} satisfies Actions;
