// Autosave: one answer per request, as the learner gives it. Same checks as the form actions.
import { error, json } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { readAnswerRequest } from '$lib/server/quiz/answer-request';
import { getOwnAttempt, saveAnswer } from '$lib/server/quiz/attempts';
import { QuizError } from '$lib/server/quiz/errors';
import { courseAndQuiz } from '$lib/server/quiz/load';
import { quizErrorMessage } from '$lib/server/quiz/messages';
import { fromPublicAnswer } from '$lib/server/quiz/public-view';
import type { RequestHandler } from './$types';

export const POST = (async (event) => {
	const user = requireApiUser(event);
	const { quiz } = courseAndQuiz(event.params);
	try {
		const attempt = getOwnAttempt(user.id, quiz.courseSlug, quiz.slug, event.params.attempt);
		const body = await readAnswerRequest(event.request);
		if (body.attemptId !== attempt.id) throw new QuizError('wrong_attempt');
		const entry = attempt.layout.find((e) => e.questionId === body.questionId);
		const question = quiz.questions.find((q) => q.id === body.questionId);
		if (!entry || !question) throw new QuizError('unknown_question');
		saveAnswer(user.id, quiz, attempt.id, body.questionId, fromPublicAnswer(question, entry, body.answer));
		return json({ saved: true, savedAt: Date.now() });
	} catch (e) {
		if (!(e instanceof QuizError)) throw e;
		if (e.code === 'not_found') error(404, { message: quizErrorMessage(e) });
		return json({ error: quizErrorMessage(e), code: e.code }, { status: e.status });
	}
}) satisfies RequestHandler;
