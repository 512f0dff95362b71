// Autosave: one answer per request, as the learner gives it. Same checks as the form actions.
import { error, json } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { readAnswerRequest } from '$lib/server/quiz/answer-request';
import { getOwnAttempt, saveAnswerTo } from '$lib/server/quiz/attempts';
import { QuizError } from '$lib/server/quiz/errors';
import { courseAndQuiz } from '$lib/server/quiz/load';
import { quizErrorMessage } from '$lib/server/quiz/messages';
import { fromPublicAnswer } from '$lib/server/quiz/public-view';
import type { RequestHandler } from './$types';

export const POST = (async (event) => {
	const user = requireApiUser(event);
	const { quiz } = courseAndQuiz(event.params);
	try {
		// The body is read first so that reading the attempt, checking and writing happen with no await in between
		// (one read of the attempt); a refused body is reported only after the 404 for someone else's attempt.
		const read = await readAnswerRequest(event.request).then(
			(body) => ({ body }),
			(failure: unknown) => ({ failure })
		);
		const attempt = getOwnAttempt(user.id, quiz.courseSlug, quiz.slug, event.params.attempt);
		if ('failure' in read) throw read.failure;
		const { body } = read;
		if (body.attemptId !== attempt.id) throw new QuizError('wrong_attempt');
		const entry = attempt.layout.find((e) => e.questionId === body.questionId);
		const question = quiz.questions.find((q) => q.id === body.questionId);
		if (!entry || !question) throw new QuizError('unknown_question');
		const now = Date.now();
		// Never ahead of the server by more than a minute: a made-up future number would freeze the answer.
		const seq = Math.min(body.seq ?? now, now + 60_000);
		const value = fromPublicAnswer(question, entry, body.answer);
		// False when a later answer to this question is already stored (this request arrived late): not an error.
		const current = saveAnswerTo(attempt, quiz, body.questionId, value, new Date(now), seq);
		return json({ saved: true, current, savedAt: now });
	} catch (e) {
		if (!(e instanceof QuizError)) throw e;
		if (e.code === 'not_found') error(404, { message: quizErrorMessage(e) });
		return json({ error: quizErrorMessage(e), code: e.code }, { status: e.status });
	}
}) satisfies RequestHandler;
