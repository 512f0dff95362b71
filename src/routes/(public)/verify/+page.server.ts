import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { normalizeCode } from '$lib/server/certificates/code';
import { fieldError, safeValues } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

// Public: anyone may verify a certificate, so no guard; the look-up itself is throttled on /verify/[code].
export const load = (() => ({})) satisfies PageServerLoad;

export const actions = {
	default: async ({ request }) => {
		const form = await request.formData();
		const values = safeValues(form, ['code']);
		const typed = (values.code ?? '').trim();
		if (!typed) return fail(400, { values, errors: fieldError('code', m.error_required()) });
		const code = normalizeCode(typed);
		if (!code) return fail(400, { values, errors: fieldError('code', m.verify_code_invalid()) });
		redirect(303, `/verify/${code}`);
	}
} satisfies Actions;
