// Finds the course and quiz named in a URL, or 404.
import { error } from '@sveltejs/kit';
import { getCourse, getQuiz } from '../content';

export function courseAndQuiz(params: { course: string; quiz: string }) {
	const course = getCourse(params.course);
	const quiz = course && getQuiz(course, params.quiz);
	if (!course || !quiz) error(404, { message: 'not_found' });
	return { course, quiz };
}
