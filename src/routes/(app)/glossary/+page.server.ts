import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { allGlossaryTerms } from '$lib/server/search/content-search';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	const en = getLocale() === 'en';
	return { entries: allGlossaryTerms(user, (course) => (en ? course.titleEn : course.title)) };
}) satisfies PageServerLoad;
