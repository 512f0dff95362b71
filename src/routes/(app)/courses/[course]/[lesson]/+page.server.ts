import { redirect } from '@sveltejs/kit';
import { notSerialised } from '$lib/not-serialised';
import { requireUser } from '$lib/server/auth/guards';
import { readableLesson } from '$lib/server/lessons/readable';
import { lessonPageData } from '$lib/server/lessons/page';
import { requiredSeconds } from '$lib/server/progress/lesson-completion';
import { openedAt } from '$lib/server/progress/opened';
import { openLesson, reportLessonProgress } from '$lib/server/progress/report';
import type { Actions, PageServerLoad } from './$types';

// Lesson content is server-rendered HTML; the page needs no framework JavaScript (see static/lesson-progress.js).
export const csr = false;

// The page writes nothing on its GET (nor on a preload): its script reports the opening once loaded (progress
// endpoint, `open`), and the "mark as completed" form brings back when the page was served (progress/opened.ts).
// Most views are answered from a kept render before this load runs (kept-pages/lesson.ts); a view rendered to be
// kept brings its data, slots marked.
export const load = (async (event) => {
	const data = event.locals.keptRender?.page ?? (await lessonPageData(event));
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
