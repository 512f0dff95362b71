import { certificatesAwaitingNameCount, validCertificatesOfGroup } from '$lib/server/certificates/queries';
import { attendanceCounts } from '$lib/server/groups/attendance';
import { overdueMembers } from '$lib/server/groups/deadline';
import { requireGroupAccess } from '$lib/server/groups/access';
import { nextSession } from '$lib/server/reports/groups';
import { parseSort, progressMatrix, sortMatrix } from '$lib/server/reports/matrix';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const { user, group, course } = requireGroupAccess(event);
	const session = nextSession(group.id);
	const isAdmin = user.role === 'admin';
	if (!course)
		return {
			group,
			isAdmin,
			course: null,
			session,
			rows: [],
			sort: 'name',
			descending: false,
			certificates: { ready: 0, awaitingName: 0 }
		};
	const sort = parseSort(event.url.searchParams.get('sort'), course);
	const descending = event.url.searchParams.get('dir') === 'desc';
	const rows = sortMatrix(progressMatrix(group.id, course, session?.dueModules ?? []), sort, descending);
	return {
		group,
		isAdmin,
		course: {
			slug: course.slug,
			title: course.title,
			titleEn: course.titleEn,
			modules: course.modules.map((m) => ({
				slug: m.slug,
				title: m.title,
				index: m.index,
				lessons: m.lessons.length,
				quiz: m.quiz ? { slug: m.quiz.slug, title: m.quiz.title } : null
			})),
			finalQuiz: course.finalQuiz ? { slug: course.finalQuiz.slug, title: course.finalQuiz.title } : null
		},
		session,
		rows,
		sort,
		descending,
		attendance: Object.fromEntries(attendanceCounts(group.id)),
		finishBy: group.finishBy,
		overdue: [...overdueMembers(group.id)],
		certificates: {
			ready: validCertificatesOfGroup(group.id).length,
			awaitingName: certificatesAwaitingNameCount(group.id)
		}
	};
}) satisfies PageServerLoad;
