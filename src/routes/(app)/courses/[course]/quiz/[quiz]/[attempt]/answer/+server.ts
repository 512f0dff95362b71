// Autosave: one answer per request, as the learner gives it. Same checks as the form actions (quiz/answers.ts).
import { json } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { autosaveAnswer } from '$lib/server/quiz/answers';
import { courseAndQuiz } from '$lib/server/quiz/load';
import { quizRefusal } from '$lib/server/quiz/refusal';
import type { RequestHandler } from './$types';

export const POST = (async (event) => {
	const user = requireApiUser(event);
	const { quiz } = courseAndQuiz(event.params);
	try {
		const { current, savedAt } = await autosaveAnswer(user.id, quiz, event.params.attempt, event.request);
		return json({ saved: true, current, savedAt });
	} catch (e) {
		return quizRefusal(e, 'json');
	}
}) satisfies RequestHandler;
