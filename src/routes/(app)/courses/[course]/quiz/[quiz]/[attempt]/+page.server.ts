import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { hasValidCertificate } from '$lib/server/certificates/queries';
import {
	DEADLINE_GRACE_MS,
	getOwnAttempt,
	isExpired,
	keysShown,
	responseScores,
	savedAnswers,
	submitAttempt
} from '$lib/server/quiz/attempts';
import { saveFormAnswers, submitFormAnswers } from '$lib/server/quiz/answers';
import { QuizError } from '$lib/server/quiz/errors';
import { quizRefusal } from '$lib/server/quiz/refusal';
import { courseAndQuiz } from '$lib/server/quiz/load';
import { publicQuestion, toPublicAnswer } from '$lib/server/quiz/public-view';
import { buildReview } from '$lib/server/quiz/review';
import type { Quiz } from '$lib/server/content';
import type { Actions, PageServerLoad } from './$types';

function ownAttempt(userId: string, quiz: Quiz, attemptId: string) {
	try {
		return getOwnAttempt(userId, quiz.courseSlug, quiz.slug, attemptId);
	} catch (e) {
		if (e instanceof QuizError) error(404, { message: 'not_found' });
		throw e;
	}
}

export const load = ((event) => {
	const user = requireUser(event);
	const { course, quiz } = courseAndQuiz(event.params);
	let attempt = ownAttempt(user.id, quiz, event.params.attempt);
	// Time is up: grade with what was saved before showing anything.
	if (!attempt.submittedAt && isExpired(attempt)) attempt = submitAttempt(user.id, quiz, attempt.id).attempt;
	const header = {
		course: { slug: course.slug, title: course.title, titleEn: course.titleEn },
		quiz: { slug: quiz.slug, title: quiz.title, passMark: quiz.pass_mark }
	};
	const answers = savedAnswers(attempt.id);

	if (attempt.submittedAt) {
		const showKeys = keysShown(user.id, quiz);
		return {
			...header,
			attempt: { id: attempt.id, deadlineAt: attempt.deadlineAt?.getTime() ?? null },
			result: {
				score: attempt.score ?? 0,
				maxScore: attempt.maxScore ?? 0,
				percent: attempt.percent ?? 0,
				passed: attempt.passed ?? false,
				keysShown: showKeys
			},
			review: buildReview(attempt.layout, quiz.questions, answers, responseScores(attempt.id), showKeys, (slug) => {
				const lesson = course.lessons.find((l) => l.slug === slug);
				return lesson ? { href: `/courses/${course.slug}/${lesson.slug}`, title: lesson.title } : undefined;
			}),
			// The finish line: this pass completed the course (or it was complete already) and the certificate is ready.
			finish: !!attempt.passed && hasValidCertificate(user.id, course.slug),
			questions: [],
			answers: {}
		};
	}

	// An open attempt: only the public view of each question, never a key.
	const questions = attempt.layout.flatMap((entry) => {
		const question = quiz.questions.find((q) => q.id === entry.questionId);
		return question ? [publicQuestion(question, entry)] : [];
	});
	const publicAnswers: Record<string, unknown> = {};
	for (const entry of attempt.layout) {
		const question = quiz.questions.find((q) => q.id === entry.questionId);
		const answer = answers.get(entry.questionId);
		if (question && answer !== undefined) publicAnswers[entry.questionId] = toPublicAnswer(question, entry, answer);
	}
	return {
		...header,
		attempt: { id: attempt.id, deadlineAt: attempt.deadlineAt?.getTime() ?? null },
		result: null,
		review: null,
		finish: false,
		questions,
		answers: publicAnswers,
		// The server's clock, so the countdown corrects a wrong clock in the browser; the grace says when to
		// fetch the graded result after the deadline.
		clock: { serverNow: Date.now(), graceMs: DEADLINE_GRACE_MS }
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const user = requireUser(event);
		const { quiz } = courseAndQuiz(event.params);
		// The attempt is read after the body: a double click's other request may have closed it meanwhile.
		const form = await event.request.formData();
		try {
			saveFormAnswers(user.id, quiz, event.params.attempt, form);
		} catch (e) {
			return quizRefusal(e, 'form');
		}
		return { saved: true };
	},
	submit: async (event) => {
		const user = requireUser(event);
		const { quiz } = courseAndQuiz(event.params);
		const form = await event.request.formData();
		let result;
		try {
			result = submitFormAnswers(user.id, quiz, event.params.attempt, form);
		} catch (e) {
			return quizRefusal(e, 'form');
		}
		// Submitting is deliberate: with questions left unanswered the page asks first (the answers are saved).
		if (result.kind === 'unanswered') return { unanswered: result.unanswered };
		redirect(303, event.url.pathname);
	}
} satisfies Actions;
