import { getLocale } from '$lib/paraglide/runtime';
import { institutionName } from '$lib/server/institution';
import type { LayoutServerLoad } from './$types';

// The institution's name is set by the environment at start, the same for every request: read once.
const institution = institutionName();

// Only what the header needs; each page loads (and guards) its own data.
export const load = (({ locals }) => {
	const user = locals.user ? { name: locals.user.name, role: locals.user.role } : null;
	return { user, locale: getLocale(), institution };
}) satisfies LayoutServerLoad;
