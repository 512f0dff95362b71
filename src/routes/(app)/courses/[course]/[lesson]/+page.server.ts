import { redirect } from '@sveltejs/kit';
import { notSerialised } from '$lib/not-serialised';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { hasValidCertificate } from '$lib/server/certificates/queries';
import { isStaff } from '$lib/server/lessons/access';
import { readableLesson } from '$lib/server/lessons/readable';
import { renderContent } from '$lib/server/lessons/render';
import { casesForLesson } from '$lib/server/practices';
import { requiredSeconds } from '$lib/server/progress/lesson-completion';
import { openedAt, openedToken } from '$lib/server/progress/opened';
import { lessonEvidence } from '$lib/server/progress/record';
import { openLesson, reportLessonProgress } from '$lib/server/progress/report';
import type { Actions, PageServerLoad } from './$types';

// Lesson content is server-rendered HTML; the page needs no framework JavaScript (see static/lesson-progress.js).
export const csr = false;

// The page writes nothing on its GET (nor on a preload): its script reports the opening once loaded (progress
// endpoint, `open`), and the "mark as completed" form brings back when the page was served (progress/opened.ts).

export const load = (async (event) => {
	const user = requireUser(event);
	const { course, lesson, open } = readableLesson(user, event.params);
	const key = { userId: user.id, courseSlug: course.slug, lessonSlug: lesson.slug };
	const { html, headings } = await renderContent(lesson.path, getLocale());
	const module = course.modules.find((mod) => mod.slug === lesson.moduleSlug)!;
	const link = (l: typeof lesson | undefined) =>
		l && open.has(l.moduleSlug) ? { href: `/courses/${course.slug}/${l.slug}`, title: l.title } : undefined;
	const isLastOfModule = module.lessons.at(-1)?.slug === lesson.slug;
	const evidence = lessonEvidence({ ...key, minutes: lesson.minutes });
	const data = {
		course: { slug: course.slug, title: getLocale() === 'en' ? course.titleEn : course.title },
		module: { number: module.index + 1, title: module.title },
		lesson: {
			slug: lesson.slug,
			title: lesson.title,
			minutes: lesson.minutes,
			objectives: lesson.objectives,
			number: lesson.index + 1,
			total: course.lessons.length
		},
		html,
		headings,
		completed: evidence?.completed ?? false,
		opened: openedToken(event.locals.session!.id, key),
		// What the server still needs before it completes the lesson (progress/lesson-completion.ts).
		completion: {
			requiredMinutes: Math.ceil(requiredSeconds(lesson.minutes) / 60),
			endReached: evidence?.endReached ?? false,
			missingMinutes: Math.ceil((evidence?.missingSeconds ?? requiredSeconds(lesson.minutes)) / 60)
		},
		// The finish line: the course is complete and its certificate is ready.
		courseComplete: hasValidCertificate(user.id, course.slug),
		lastPosition: headings.find((h) => h.id === evidence?.lastPosition),
		previous: link(course.lessons[lesson.index - 1]),
		next: link(course.lessons[lesson.index + 1]),
		// After a module's last lesson its quiz comes next (it also opens the next module in sequential courses).
		quiz:
			isLastOfModule && module.quiz
				? { href: `/courses/${course.slug}/quiz/${module.quiz.slug}`, title: module.quiz.title }
				: undefined,
		preview: isStaff(user),
		// Good-practice cases that name this lesson among the lessons they illustrate.
		practices: casesForLesson(course.slug, lesson.slug).map((c) => ({ slug: c.slug, title: c.title }))
	};
	// The page does not hydrate: its data is not serialised into it ($lib/not-serialised.ts). A client-side
	// navigation from a page that does hydrate renders it from __data.json, which carries the data as usual.
	return event.isDataRequest ? data : notSerialised(data);
}) satisfies PageServerLoad;

// The "mark as completed" button sits at the end of the lesson: pressing it says the end was reached. Without
// JavaScript no heartbeat ran, so the time since the page was served counts (up to the completion share): the
// form's signed `opened` field says when (progress/opened.ts), recorded as the opening the GET no longer writes.
// Completion still needs the time: a press that comes too early completes nothing, and the page then says how
// much is missing. A press without a valid field (a forged or day-old page) records nothing: the page comes back
// with a fresh field.
export const actions = {
	complete: async (event) => {
		const user = requireUser(event);
		const { course, lesson } = readableLesson(user, event.params);
		const key = { userId: user.id, courseSlug: course.slug, lessonSlug: lesson.slug };
		const form = await event.request.formData();
		const servedAt = openedAt(form.get('opened'), event.locals.session!.id, key);
		if (servedAt === null) redirect(303, `/courses/${course.slug}/${lesson.slug}#lesson-end`);
		openLesson(user, course, lesson, servedAt);
		reportLessonProgress(user, course, lesson, {
			endReached: true,
			stepCapSeconds: requiredSeconds(lesson.minutes)
		});
		redirect(303, `/courses/${course.slug}/${lesson.slug}#lesson-end`);
	}
} satisfies Actions;
