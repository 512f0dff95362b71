import { redirect } from '@sveltejs/kit';
import { homePathFor } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

// The front door: each role lands on its own start page.
export const load = (({ locals }) => {
	redirect(303, locals.user ? homePathFor(locals.user.role) : '/login');
}) satisfies PageServerLoad;
