import { requireRole } from '$lib/server/auth/guards';
import { getCourse } from '$lib/server/content';
import { groupsFor } from '$lib/server/reports/groups';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireRole(event, 'trainer', 'admin');
	const groups = groupsFor(user).map((g) => {
		const course = getCourse(g.courseSlug);
		return { ...g, courseTitle: course?.title ?? g.courseSlug, courseTitleEn: course?.titleEn ?? g.courseSlug };
	});
	return { groups, isAdmin: user.role === 'admin' };
}) satisfies PageServerLoad;
