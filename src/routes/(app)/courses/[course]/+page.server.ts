import { error, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { requireRole, requireUser } from '$lib/server/auth/guards';
import { finishLine } from '$lib/server/certificates/queries';
import { getCourse } from '$lib/server/content';
import { isStaff, openModules } from '$lib/server/lessons/access';
import { renderContent } from '$lib/server/lessons/render';
import { enrol, enrolledCourseSlugs } from '$lib/server/progress/enrol';
import { isFinalQuizUnlocked, passedQuizSlugs } from '$lib/server/progress/unlock';
import { courseSummaries, lessonStatuses, quizStatuses } from '$lib/server/progress/summary';
import { evaluationPrompt } from '$lib/server/surveys/evaluation';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireUser(event);
	const course = getCourse(event.params.course);
	if (!course) error(404, { message: 'not found' });
	const en = getLocale() === 'en';
	const open = openModules(user, course);
	const lessons = lessonStatuses(user.id, course.slug);
	const quizzes = quizStatuses(user.id, course.slug);
	const [summary] = courseSummaries(user.id, [{ course, unlocked: open }]);
	const intro = await renderContent(course.path, getLocale());
	const quizLink = (slug: string) => {
		const status = quizzes.get(slug);
		return { href: `/courses/${course.slug}/quiz/${slug}`, ...status };
	};
	// Staff preview courses; the finish line and the checklist are a learner's.
	const finish = user.role === 'learner' ? finishLine(user.id, course) : null;
	return {
		finish,
		course: {
			slug: course.slug,
			title: en ? course.titleEn : course.title,
			summary: en ? course.summaryEn : course.summary,
			hours: course.hours,
			sequential: course.sequential
		},
		introHtml: intro.html,
		enrolled: enrolledCourseSlugs(user.id).has(course.slug),
		// After the last lesson: the course's evaluation survey, offered, never required for the certificate.
		evaluation: evaluationPrompt(user.id, course, summary.total > 0 && summary.completed === summary.total),
		// A finished course never offers enrolment (finishLine counts a certificate even without an enrolment row).
		canEnrol: user.role === 'learner' && !finish?.complete,
		preview: isStaff(user),
		summary,
		nextTitle: summary.next ? course.lessons.find((l) => l.slug === summary.next?.lessonSlug)?.title : undefined,
		modules: course.modules.map((module, i) => ({
			slug: module.slug,
			number: i + 1,
			title: module.title,
			objectives: module.objectives,
			open: open.has(module.slug),
			blockedBy: i > 0 ? course.modules[i - 1].title : undefined,
			minutes: module.lessons.reduce((sum, l) => sum + l.minutes, 0),
			lessons: module.lessons.map((lesson) => ({
				slug: lesson.slug,
				title: lesson.title,
				minutes: lesson.minutes,
				completed: lessons.get(lesson.slug)?.completed ?? false,
				opened: lessons.has(lesson.slug)
			})),
			quiz: module.quiz ? { title: module.quiz.title, ...quizLink(module.quiz.slug) } : undefined
		})),
		finalQuiz: course.finalQuiz
			? {
					title: course.finalQuiz.title,
					open: isStaff(user) || isFinalQuizUnlocked(course, passedQuizSlugs(user.id, course.slug)),
					...quizLink('final')
				}
			: undefined
	};
}) satisfies PageServerLoad;

export const actions = {
	enrol: (event) => {
		const user = requireRole(event, 'learner');
		const course = getCourse(event.params.course);
		if (!course) error(404, { message: 'not found' });
		enrol(user.id, course.slug);
		redirect(303, `/courses/${course.slug}`);
	}
} satisfies Actions;
