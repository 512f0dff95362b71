import { error, redirect } from '@sveltejs/kit';
import { safeNextPath } from '$lib/server/auth/guards';
import { isLocale, setLocaleCookie } from '$lib/server/i18n';
import { setUserLocale } from '$lib/server/people/account';
import type { Actions, PageServerLoad } from './$types';

// Open to everyone: the language of the sign-in page is chosen before signing in.
export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const locale = form.get('locale');
		if (!isLocale(locale)) error(400, { message: 'unknown language' });
		// Before anything is written: a forged `next` is a 400.
		const next = safeNextPath(form.get('next'), '/');
		setLocaleCookie(cookies, locale);
		if (locals.user) setUserLocale(locals.user.id, locale);
		redirect(303, next);
	}
} satisfies Actions;
