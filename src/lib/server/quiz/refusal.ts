// A refused quiz request as each route answers it (routes only: this file uses SvelteKit and the messages). One
// mapping for the attempt form and the autosave endpoint: the QuizError's status, its translated message, 404 for
// an attempt that is not the learner's (it looks like no attempt at all).
import { error, fail, json } from '@sveltejs/kit';
import { fieldError, formError } from '../forms/validate';
import { QuizError } from './errors';
import { quizErrorMessage } from './messages';

/**
 * The refusal as a form action's `fail(status, { errors, values })`, with the form read back when the error
 * carries it (answers.ts), or as the autosave endpoint's JSON `{ error, code }`. Anything but a QuizError is
 * thrown on.
 */
export function quizRefusal(e: unknown, as: 'form'): ReturnType<typeof formRefusal>;
export function quizRefusal(e: unknown, as: 'json'): Response;
export function quizRefusal(e: unknown, as: 'form' | 'json') {
	if (!(e instanceof QuizError)) throw e;
	const message = quizErrorMessage(e);
	if (e.code === 'not_found') error(404, { message: as === 'json' ? message : 'not_found' });
	return as === 'json' ? json({ error: message, code: e.code }, { status: e.status }) : formRefusal(e, message);
}

function formRefusal(e: QuizError, message: string) {
	const errors = e.detail?.questionId ? fieldError(e.detail.questionId, message) : formError(message);
	return fail(e.status, { errors, values: e.echo });
}
