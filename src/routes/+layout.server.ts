import { getLocale } from '$lib/paraglide/runtime';
import { institutionName } from '$lib/server/institution';
import type { LayoutServerLoad } from './$types';

// Only what the header needs; each page loads (and guards) its own data.
export const load = (({ locals }) => {
	const user = locals.user ? { name: locals.user.name, role: locals.user.role } : null;
	return { user, locale: getLocale(), institution: institutionName() };
}) satisfies LayoutServerLoad;
