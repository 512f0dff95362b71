import { redirect } from '@sveltejs/kit';
import { deleteSessionTokenCookie, invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

// GET shows a confirmation (a link must never sign anyone out); POST signs out.
export const load = (({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: ({ locals, cookies, url }) => {
		if (locals.session) invalidateSession(locals.session.id);
		deleteSessionTokenCookie(cookies, url);
		redirect(303, '/login?signed_out=1');
	}
} satisfies Actions;
