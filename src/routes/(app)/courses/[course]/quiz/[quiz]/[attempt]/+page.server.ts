import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { validCertificateFor } from '$lib/server/certificates/queries';
import { getDb } from '$lib/server/db';
import { fieldError, formError } from '$lib/server/forms/validate';
import {
	DEADLINE_GRACE_MS,
	getOwnAttempt,
	isExpired,
	keysShown,
	responseScores,
	saveAnswer,
	savedAnswers,
	submitAttempt,
	unansweredQuestionIds
} from '$lib/server/quiz/attempts';
import { QuizError } from '$lib/server/quiz/errors';
import { parseAnswer } from '$lib/server/quiz/grading';
import { readFormAnswers } from '$lib/server/quiz/form-answers';
import { echoFormAnswers } from '$lib/server/quiz/form-echo';
import { courseAndQuiz } from '$lib/server/quiz/load';
import { quizErrorMessage } from '$lib/server/quiz/messages';
import { fromPublicAnswer, publicQuestion, toPublicAnswer } from '$lib/server/quiz/public-view';
import { buildReview } from '$lib/server/quiz/review';
import type { Quiz } from '$lib/server/content';
import type { QuizAttempt } from '$lib/server/db/schema';
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
			finish: !!attempt.passed && !!validCertificateFor(user.id, course.slug),
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

/** Saves every answer on the form; nothing is written if any of them is refused. */
function saveForm(userId: string, quiz: Quiz, attempt: QuizAttempt, form: FormData) {
	const attemptField = form.get('attempt');
	if (attemptField !== null && attemptField !== attempt.id) throw new QuizError('wrong_attempt');
	if (attempt.submittedAt) throw new QuizError('closed');
	if (isExpired(attempt)) throw new QuizError('expired');
	const { values, shown } = readFormAnswers(form, attempt.layout, quiz.questions);
	const stored = new Map<string, unknown>();
	const previous = savedAnswers(attempt.id);
	for (const [questionId, value] of values) {
		const entry = attempt.layout.find((e) => e.questionId === questionId)!;
		const question = quiz.questions.find((q) => q.id === questionId)!;
		stored.set(questionId, fromPublicAnswer(question, entry, value));
	}
	// "Nothing ticked" clears an earlier multiple-choice answer; an untouched question stays unanswered.
	for (const questionId of shown) if (previous.has(questionId)) stored.set(questionId, []);
	// Validate all before writing any, so a refused form writes nothing.
	for (const [questionId, value] of stored) {
		const question = quiz.questions.find((q) => q.id === questionId)!;
		if (parseAnswer(question, value) === null) throw new QuizError('bad_answer', { questionId });
	}
	getDb().transaction(() => {
		for (const [questionId, value] of stored) saveAnswer(userId, quiz, attempt.id, questionId, value);
	});
}

/**
 * A refusal as the page shows it. With the form, every field comes back as the learner left it (`values`, merged
 * over the saved answers by the page), so one bad question does not throw away the others typed since the last
 * save: without JavaScript nothing else holds them.
 */
function refused(e: unknown, echo?: { form: FormData; attempt: QuizAttempt; quiz: Quiz }) {
	if (!(e instanceof QuizError)) throw e;
	if (e.code === 'not_found') error(404, { message: 'not_found' });
	const message = quizErrorMessage(e);
	const errors = e.detail?.questionId ? fieldError(e.detail.questionId, message) : formError(message);
	const values = echo ? echoFormAnswers(echo.form, echo.attempt.layout, echo.quiz.questions) : undefined;
	return fail(e.status, { errors, values });
}

export const actions = {
	save: async (event) => {
		const user = requireUser(event);
		const { quiz } = courseAndQuiz(event.params);
		const form = await event.request.formData();
		// Read after the body: a double click's other request may have closed the attempt meanwhile.
		const attempt = ownAttempt(user.id, quiz, event.params.attempt);
		try {
			saveForm(user.id, quiz, attempt, form);
		} catch (e) {
			return refused(e, { form, attempt, quiz });
		}
		return { saved: true };
	},
	submit: async (event) => {
		const user = requireUser(event);
		const { quiz } = courseAndQuiz(event.params);
		const form = await event.request.formData();
		// Read after the body: a double click's other request may have closed the attempt meanwhile.
		const attempt = ownAttempt(user.id, quiz, event.params.attempt);
		let open = !attempt.submittedAt && !isExpired(attempt);
		try {
			// A second submit, or a submit after the deadline, grades what was saved and changes nothing else.
			if (open) saveForm(user.id, quiz, attempt, form);
		} catch (e) {
			// A double click: the other request closed the attempt (or time ran out) while this one read its form.
			const closedMeanwhile = e instanceof QuizError && (e.code === 'closed' || e.code === 'expired');
			if (!closedMeanwhile) return refused(e, { form, attempt, quiz });
			open = false;
		}
		// Submitting is deliberate: with questions left unanswered the page asks first (the answers are saved).
		// An attempt whose time is up is graded at once, as it is.
		if (open && form.get('confirm') !== 'unanswered') {
			const unanswered = unansweredQuestionIds(attempt);
			if (unanswered.length > 0) {
				const numbers = unanswered.map((id) => attempt.layout.findIndex((e) => e.questionId === id) + 1);
				return { unanswered: { count: unanswered.length, ids: unanswered, numbers } };
			}
		}
		try {
			submitAttempt(user.id, quiz, attempt.id);
		} catch (e) {
			return refused(e);
		}
		redirect(303, event.url.pathname);
	}
} satisfies Actions;
