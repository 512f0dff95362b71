import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { resetPassword } from '$lib/server/auth/password-change';
import { findValidPasswordReset } from '$lib/server/auth/tokens';
import { newPasswordSchema } from '$lib/server/forms/fields';
import { formError, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ params, setHeaders }) => {
	// A page reached through a secret link: no shared or browser cache may keep it.
	setHeaders({ 'cache-control': 'no-store' });
	return { valid: Boolean(findValidPasswordReset(params.token)) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params }) => {
		if (!findValidPasswordReset(params.token)) return fail(400, { errors: formError(m.reset_invalid()) });
		const parsed = validateForm(newPasswordSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		// False when the link was used (another tab) or expired while the form was filled in.
		if (!(await resetPassword(params.token, parsed.data.password)))
			return fail(400, { errors: formError(m.reset_invalid()) });
		redirect(303, '/login?reset=1');
	}
} satisfies Actions;
