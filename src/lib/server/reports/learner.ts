// One learner's attempts in a course, each with every answer put into words. Opening it is audited by the page.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Course } from '../content/catalogue';
import { getDb } from '../db';
import { quizAttempts, quizResponses } from '../db/schema';
import { answerInWords, correctInWords, type AnswerWords } from './answers';

export interface AnswerDetail {
	questionId: string;
	prompt: string;
	answer: AnswerWords;
	correct: AnswerWords | null;
	score: number | null;
}

export interface AttemptDetail {
	id: string;
	quizSlug: string;
	quizTitle: string;
	submittedAt: Date | null;
	percent: number | null;
	score: number | null;
	maxScore: number | null;
	passed: boolean | null;
	/** The attempt was made on an older version of the quiz: wording may have changed since. */
	olderVersion: boolean;
	answers: AnswerDetail[];
}

export function learnerAttempts(userId: string, course: Course): AttemptDetail[] {
	const db = getDb();
	const attempts = db
		.select()
		.from(quizAttempts)
		.where(
			and(
				eq(quizAttempts.userId, userId),
				eq(quizAttempts.courseSlug, course.slug),
				isNotNull(quizAttempts.submittedAt)
			)
		)
		.orderBy(asc(quizAttempts.startedAt))
		.all();
	if (attempts.length === 0) return [];
	const responses = db
		.select()
		.from(quizResponses)
		.where(
			inArray(
				quizResponses.attemptId,
				attempts.map((a) => a.id)
			)
		)
		.all();
	const byAttempt = new Map<string, (typeof responses)[number][]>();
	for (const r of responses) byAttempt.set(r.attemptId, [...(byAttempt.get(r.attemptId) ?? []), r]);

	return attempts.map((attempt) => {
		const quiz = course.quizzes.find((q) => q.slug === attempt.quizSlug);
		const given = new Map((byAttempt.get(attempt.id) ?? []).map((r) => [r.questionId, r]));
		// In the order the learner saw the questions; responses to questions not in the layout come last.
		const order = [...new Set([...attempt.layout.map((l) => l.questionId), ...given.keys()])];
		const answers = order.map((questionId): AnswerDetail => {
			const question = quiz?.questions.find((q) => q.id === questionId);
			const response = given.get(questionId);
			return {
				questionId,
				prompt: question?.prompt ?? questionId,
				answer: question
					? answerInWords(question, response?.answer)
					: response
						? { kind: 'raw', text: JSON.stringify(response.answer) }
						: { kind: 'none' },
				correct: question ? correctInWords(question) : null,
				score: response?.score ?? (response ? null : 0)
			};
		});
		return {
			id: attempt.id,
			quizSlug: attempt.quizSlug,
			quizTitle: quiz?.title ?? attempt.quizSlug,
			submittedAt: attempt.submittedAt,
			percent: attempt.percent,
			score: attempt.score,
			maxScore: attempt.maxScore,
			passed: attempt.passed,
			olderVersion: !!quiz && quiz.version !== attempt.contentVersion,
			answers
		};
	});
}
