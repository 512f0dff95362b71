import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { getContentSource, getCourse } from '$lib/server/content';
import { collectGlossary } from '$lib/server/lessons/glossary';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	requireUser(event);
	const course = getCourse(event.params.course);
	if (!course) error(404, { message: 'not found' });
	return {
		course: { slug: course.slug, title: getLocale() === 'en' ? course.titleEn : course.title },
		entries: collectGlossary(course, getContentSource)
	};
}) satisfies PageServerLoad;
