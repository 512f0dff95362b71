import { formatDateTimeFull } from '$lib/format';
import { getLocale } from '$lib/paraglide/runtime';
import { ownAttendance } from '$lib/server/groups/attendance';
import { requireRole } from '$lib/server/auth/guards';
import { listForUser, statusOf } from '$lib/server/certificates/queries';
import { getCatalogue, getCourse } from '$lib/server/content';
import { openModules } from '$lib/server/lessons/access';
import { nextSessions } from '$lib/server/progress/due';
import { deadlinesFor } from '$lib/server/groups/deadline';
import { enrolledCourseSlugs } from '$lib/server/progress/enrol';
import { courseSummaries, lessonStatuses, quizStatuses } from '$lib/server/progress/summary';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireRole(event, 'learner');
	const locale = getLocale();
	const en = locale === 'en';
	const enrolled = enrolledCourseSlugs(user.id);
	const courses = getCatalogue().courses.filter((c) => enrolled.has(c.slug));
	const summaries = courseSummaries(
		user.id,
		courses.map((course) => ({ course, unlocked: openModules(user, course) }))
	);
	// Courses with a valid certificate are finished: listed as completed, with the certificate.
	const finished = new Set(
		listForUser(user.id)
			.filter((c) => statusOf(c) === 'valid')
			.map((c) => c.courseSlug)
	);
	const deadlines = deadlinesFor(user.id);
	const cards = courses.map((course, i) => {
		const s = summaries[i];
		const finishBy = deadlines.get(course.slug) ?? null;
		const next = s.next ? course.lessons.find((l) => l.slug === s.next?.lessonSlug) : undefined;
		return {
			slug: course.slug,
			title: en ? course.titleEn : course.title,
			percent: s.percent,
			completed: s.completed,
			total: s.total,
			lastActivity: s.lastActivity,
			finished: finished.has(course.slug),
			finishBy,
			overdue: finishBy !== null && finishBy.getTime() < Date.now(),
			next:
				next && s.next
					? {
							title: next.title,
							href: `/courses/${course.slug}/${next.slug}${s.next.position ? '#' + s.next.position : ''}`
						}
					: undefined
		};
	});
	// "Continue where you left off": the course touched most recently that still has a lesson to read.
	const resume = cards
		.filter((c) => c.next && c.lastActivity !== null)
		.sort((a, b) => (b.lastActivity ?? 0) - (a.lastActivity ?? 0))[0];

	const sessions = nextSessions(user.id).map((session) => {
		const course = getCourse(session.courseSlug);
		const lessons = course ? lessonStatuses(user.id, course.slug) : new Map();
		const quizzes = course ? quizStatuses(user.id, course.slug) : new Map();
		const modules = session.dueModules.flatMap((slug) => {
			const module = course?.modules.find((mod) => mod.slug === slug);
			if (!course || !module) return [];
			const done = module.lessons.filter((l) => lessons.get(l.slug)?.completed).length;
			const quizPassed = module.quiz ? (quizzes.get(module.quiz.slug)?.passed ?? false) : true;
			return [
				{
					slug,
					title: module.title,
					lessonsDone: done,
					lessonsTotal: module.lessons.length,
					hasQuiz: Boolean(module.quiz),
					quizPassed,
					done: done === module.lessons.length && quizPassed,
					href: `/courses/${course.slug}`
				}
			];
		});
		return {
			groupId: session.groupId,
			groupName: session.groupName,
			courseTitle: course ? (en ? course.titleEn : course.title) : session.courseSlug,
			title: session.title,
			when: formatDateTimeFull(session.startsAt),
			place: session.place,
			modules
		};
	});

	// Live sessions already held, with the learner's attendance as the trainer marked it.
	const attendance = ownAttendance(user.id).map((a) => ({
		title: a.title,
		group: a.group,
		when: formatDateTimeFull(a.startsAt),
		attended: a.attended
	}));

	return {
		name: user.name,
		cards: cards.filter((c) => !c.finished),
		completedCards: cards.filter((c) => c.finished),
		resume,
		sessions,
		attendance
	};
}) satisfies PageServerLoad;
