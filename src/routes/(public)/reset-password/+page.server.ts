import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { fields } from '$lib/server/forms/fields';
import { safeValues, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

const requestSchema = z.object({ email: fields.email() });

export const load = (() => ({})) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, url, getClientAddress }) => {
		const form = await request.formData();
		const parsed = validateForm(requestSchema, form);
		if (!parsed.ok) return fail(400, { values: safeValues(form, ['email']), errors: parsed.errors });
		// The answer is the same whether a link was sent or not.
		requestPasswordReset(parsed.data.email, getClientAddress(), url.origin);
		return { sent: true };
	}
} satisfies Actions;
