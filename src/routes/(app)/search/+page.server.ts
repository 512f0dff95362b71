import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { searchContent } from '$lib/server/search/content-search';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 200);
	const en = getLocale() === 'en';
	const result = searchContent(user, q, (course) => (en ? course.titleEn : course.title));
	return { q, searched: result.terms.length > 0, lessons: result.lessons.slice(0, 50), glossary: result.glossary };
}) satisfies PageServerLoad;
