import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { homePathFor, safeNextPath } from '$lib/server/auth/guards';
import { checkCredentials, startSession } from '$lib/server/auth/sign-in';
import { fields } from '$lib/server/forms/fields';
import { formError, safeValues, validateForm } from '$lib/server/forms/validate';
import { setLocaleCookie } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

const signInSchema = z.object({ email: fields.email(), password: fields.currentPassword() });

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next'), homePathFor(locals.user.role)));
	return { signedOut: url.searchParams.has('signed_out'), passwordReset: url.searchParams.has('reset') };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		// Read first: a forged `next` is refused before a session exists.
		const next = url.searchParams.get('next');
		safeNextPath(next, '/');
		const values = safeValues(form, ['email']);
		const parsed = validateForm(signInSchema, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });

		const result = await checkCredentials(parsed.data.email, parsed.data.password, getClientAddress());
		if (!result.ok) {
			if (result.reason === 'invalid') return fail(400, { values, errors: formError(m.error_invalid_credentials()) });
			const minutes = Math.ceil(result.waitMs / 60_000);
			const message =
				result.scope === 'account'
					? m.error_throttled_account({ minutes })
					: result.scope === 'busy'
						? m.error_busy()
						: m.error_throttled({ minutes });
			return fail(result.scope === 'busy' ? 503 : 429, { values, errors: formError(message) });
		}
		startSession(cookies, url, result.user.id);
		setLocaleCookie(cookies, result.user.locale);
		redirect(303, safeNextPath(next, homePathFor(result.user.role)));
	}
} satisfies Actions;
