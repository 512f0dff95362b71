import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { getContentSource, getCourse } from '$lib/server/content';
import { openModules } from '$lib/server/lessons/access';
import { collectGlossary } from '$lib/server/lessons/glossary';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	const course = getCourse(event.params.course);
	if (!course) error(404, { message: 'not found' });
	// Every term is listed (a glossary is reference), but only lessons the learner can open are links.
	const open = openModules(user, course);
	const moduleOf = new Map(course.lessons.map((l) => [l.slug, l.moduleSlug]));
	return {
		course: { slug: course.slug, title: getLocale() === 'en' ? course.titleEn : course.title },
		entries: collectGlossary(course, getContentSource).map((entry) => ({
			...entry,
			lessonOpen: open.has(moduleOf.get(entry.lessonSlug) ?? '')
		}))
	};
}) satisfies PageServerLoad;
