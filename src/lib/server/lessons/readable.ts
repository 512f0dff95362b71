// The lesson of a URL if this user may read it: 404 if unknown, 403 (with the reason) if its module is locked.
import { error } from '@sveltejs/kit';
import { m } from '../../paraglide/messages';
import type { SessionUser } from '../auth/session';
import { getCourse, getLesson } from '../content';
import { openModules } from './access';

export function readableLesson(user: SessionUser, params: { course: string; lesson: string }) {
	const course = getCourse(params.course);
	const lesson = course && getLesson(course, params.lesson);
	if (!course || !lesson) error(404, { message: 'not found' });
	const open = openModules(user, course);
	if (!open.has(lesson.moduleSlug)) {
		const index = course.modules.findIndex((mod) => mod.slug === lesson.moduleSlug);
		const previous = course.modules[index - 1];
		error(403, {
			message: m.lesson_locked_message({ quiz: previous?.quiz?.title ?? previous?.title ?? '' })
		});
	}
	return { course, lesson, open };
}
