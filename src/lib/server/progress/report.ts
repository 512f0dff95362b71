// What the lesson page reports (heartbeat, end reached, "mark as completed"), recorded and, when the lesson
// completes, the course's certificate check in the same transaction. The one entry point of the lesson routes.
import type { Course, Lesson } from '../content/catalogue';
import { afterCompletion } from '../certificates/issue';
import type { Certificate } from '../db/schema';
import { enrol } from './enrol';
import { recordOpen, recordProgress, type ProgressReport, type ProgressState } from './record';

export interface ReportResult {
	state: ProgressState;
	/** The learner's valid certificate for the course when this report completed the course, else null. */
	certificate: Certificate | null;
}

export function reportLessonProgress(
	user: { id: string; role: string },
	course: Pick<Course, 'slug'>,
	lesson: Pick<Lesson, 'slug' | 'minutes'>,
	report: ProgressReport,
	now = Date.now()
): ReportResult {
	// Progress and enrolment never contradict each other: a learner with progress in a course is enrolled in it.
	// Opening the lesson enrolled already; a report of the end (rare) makes sure, a plain heartbeat stays cheap.
	if (user.role === 'learner' && report.endReached) enrol(user.id, course.slug);
	let certificate: Certificate | null = null;
	const state = recordProgress(
		{ userId: user.id, courseSlug: course.slug, lessonSlug: lesson.slug, minutes: lesson.minutes },
		report,
		now,
		// The lesson can be the last rule of the course: the certificate commits with its completion.
		(tx) => (certificate = afterCompletion(tx, user.id, course.slug))
	);
	return { state, certificate };
}

/**
 * The lesson was opened at `at`: the page's script reports it as soon as the page is loaded, and the "mark as
 * completed" form of a page without JavaScript reports when its page was served (progress/opened.ts). The lesson
 * page itself writes nothing on its GET. Opening enrols a learner in the course (idempotent).
 */
export function openLesson(
	user: { id: string; role: string },
	course: Pick<Course, 'slug'>,
	lesson: Pick<Lesson, 'slug'>,
	at = Date.now()
) {
	recordOpen({ userId: user.id, courseSlug: course.slug, lessonSlug: lesson.slug }, at);
	if (user.role === 'learner') enrol(user.id, course.slug);
}
