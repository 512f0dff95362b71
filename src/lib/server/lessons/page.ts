// What the lesson page shows a learner: the lesson's rendered content and the learner's own state (completion,
// where they stopped, which neighbours are open). Read by the page's load and by the kept lesson page
// (kept-pages/lesson.ts), so both show the same thing.
import type { RequestEvent } from '@sveltejs/kit';
import { getLocale } from '../../paraglide/runtime';
import { requireUser } from '../auth/guards';
import { hasValidCertificate } from '../certificates/queries';
import { casesForLesson } from '../practices';
import { requiredSeconds } from '../progress/lesson-completion';
import { openedToken } from '../progress/opened';
import { lessonEvidence } from '../progress/record';
import { isStaff } from './access';
import { readableLesson } from './readable';
import { renderContent } from './render';

export type LessonPageData = Awaited<ReturnType<typeof lessonPageData>>;

/** The page's data; throws SvelteKit's redirect or error as a load would (no session, unknown or locked lesson). */
export async function lessonPageData(event: Pick<RequestEvent, 'locals' | 'params' | 'url'>) {
	const user = requireUser(event);
	const { course, lesson, open } = readableLesson(user, event.params as { course: string; lesson: string });
	const key = { userId: user.id, courseSlug: course.slug, lessonSlug: lesson.slug };
	const { html, headings } = await renderContent(lesson.path, getLocale());
	const module = course.modules.find((mod) => mod.slug === lesson.moduleSlug)!;
	const link = (l: typeof lesson | undefined) =>
		l && open.has(l.moduleSlug) ? { href: `/courses/${course.slug}/${l.slug}`, title: l.title } : undefined;
	const isLastOfModule = module.lessons.at(-1)?.slug === lesson.slug;
	const evidence = lessonEvidence({ ...key, minutes: lesson.minutes });
	return {
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
}
