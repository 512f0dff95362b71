import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { getCatalogue } from '$lib/server/content';
import { openModules } from '$lib/server/lessons/access';
import { enrolledCourseSlugs } from '$lib/server/progress/enrol';
import { courseSummaries } from '$lib/server/progress/summary';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	const en = getLocale() === 'en';
	const courses = getCatalogue().courses;
	const enrolled = enrolledCourseSlugs(user.id);
	const summaries = courseSummaries(
		user.id,
		courses.map((course) => ({ course, unlocked: openModules(user, course) }))
	);
	return {
		canEnrol: user.role === 'learner',
		courses: courses.map((course, i) => ({
			slug: course.slug,
			title: en ? course.titleEn : course.title,
			summary: en ? course.summaryEn : course.summary,
			hours: course.hours,
			modules: course.modules.length,
			lessons: course.lessons.length,
			sequential: course.sequential,
			enrolled: enrolled.has(course.slug),
			percent: summaries[i].percent
		}))
	};
}) satisfies PageServerLoad;
