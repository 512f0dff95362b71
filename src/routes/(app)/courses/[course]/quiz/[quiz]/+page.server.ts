import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { listAttempts, startAttempt, startState } from '$lib/server/quiz/attempts';
import { keysVisible } from '$lib/server/quiz/key-policy';
import { courseAndQuiz } from '$lib/server/quiz/load';
import { quizRefusal } from '$lib/server/quiz/refusal';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	const { course, quiz } = courseAndQuiz(event.params);
	const state = startState(user.id, course, quiz);
	const attempts = listAttempts(user.id, course.slug, quiz.slug);
	return {
		course: { slug: course.slug, title: course.title, titleEn: course.titleEn },
		quiz: {
			slug: quiz.slug,
			title: quiz.title,
			questionCount: quiz.draw > 0 ? quiz.draw : quiz.questions.length,
			passMark: quiz.pass_mark,
			attempts: quiz.attempts,
			waitMinutes: quiz.wait_minutes,
			timeLimitMinutes: quiz.time_limit_minutes,
			required: quiz.required,
			// Whether a failed attempt's review keeps the key (key-policy.ts), so the rules can say so up front.
			keysAfterPass: !keysVisible(quiz, { passed: false, attemptsUsed: 0 })
		},
		state: {
			kind: state.kind,
			openAttemptId: state.kind === 'open' ? state.attempt.id : null,
			waitUntil: state.kind === 'wait' ? state.until.getTime() : null
		},
		history: attempts.map((a, i) => ({
			id: a.id,
			number: attempts.length - i,
			startedAt: a.startedAt.getTime(),
			submittedAt: a.submittedAt?.getTime() ?? null,
			percent: a.percent,
			passed: a.passed
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	start: async (event) => {
		const user = requireUser(event);
		const { course, quiz } = courseAndQuiz(event.params);
		let attemptId: string;
		try {
			attemptId = startAttempt(user.id, course, quiz).id;
		} catch (e) {
			return quizRefusal(e, 'form');
		}
		redirect(303, `/courses/${course.slug}/quiz/${quiz.slug}/${attemptId}`);
	}
} satisfies Actions;
