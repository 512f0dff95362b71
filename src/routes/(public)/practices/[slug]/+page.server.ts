import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { getCase } from '$lib/server/practices';
import { caseView } from '$lib/server/practices/view';
import type { PageServerLoad } from './$types';

// Public by design (no account needed to read a published case), so no guard.
export const load = (({ params }) => {
	const found = getCase(params.slug);
	if (!found) error(404, { message: 'not found' });
	return { c: caseView(found, new Date(), getLocale()) };
}) satisfies PageServerLoad;
