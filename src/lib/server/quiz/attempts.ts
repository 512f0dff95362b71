// The attempt lifecycle: start (draw and freeze the layout), submit (grade once, in one durable transaction);
// answers are saved by answers.ts. Every function takes the user id and checks that the attempt is theirs.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Course, Quiz } from '../content/catalogue';
import { getDb, durably, prepared } from '../db';
import { quizAttempts, quizResponses, type QuizAttempt } from '../db/schema';
import { afterCompletion } from '../certificates/issue';
import { isFinalQuizUnlocked, isModuleUnlocked, passedQuizSlugs } from '../progress/unlock';
import { randomId } from '../ids';
import { QuizError } from './errors';
import { gradeAttempt, type Answer } from './grading';
import { keysVisible } from './key-policy';
import { buildLayout, randomSeed } from './layout';

/** Grace for the network between the learner's last click and the server's clock. */
export const DEADLINE_GRACE_MS = 5_000;

export function isQuizUnlocked(userId: string, course: Course, quiz: Quiz): boolean {
	if (quiz.slug === 'final') return isFinalQuizUnlocked(course, passedQuizSlugs(userId, course.slug));
	return isModuleUnlocked(userId, course, quiz.slug);
}

export function listAttempts(userId: string, courseSlug: string, quizSlug: string): QuizAttempt[] {
	return getDb()
		.select()
		.from(quizAttempts)
		.where(
			and(eq(quizAttempts.userId, userId), eq(quizAttempts.courseSlug, courseSlug), eq(quizAttempts.quizSlug, quizSlug))
		)
		.orderBy(desc(quizAttempts.startedAt))
		.all();
}

export type StartState =
	| { kind: 'open'; attempt: QuizAttempt }
	| { kind: 'can_start' }
	| { kind: 'locked' }
	| { kind: 'attempts_used' }
	| { kind: 'wait'; until: Date };

/** Whether the learner may start (or continue) an attempt now. Expired open attempts are graded first. */
export function startState(userId: string, course: Course, quiz: Quiz, now = new Date()): StartState {
	closeExpiredAttempts(userId, course, quiz, now);
	const attempts = listAttempts(userId, course.slug, quiz.slug);
	const open = attempts.find((a) => !a.submittedAt);
	if (open) return { kind: 'open', attempt: open };
	if (!isQuizUnlocked(userId, course, quiz)) return { kind: 'locked' };
	if (quiz.attempts > 0 && attempts.length >= quiz.attempts) return { kind: 'attempts_used' };
	const last = attempts[0]?.submittedAt;
	if (last && quiz.wait_minutes > 0) {
		const until = new Date(last.getTime() + quiz.wait_minutes * 60_000);
		if (until > now) return { kind: 'wait', until };
	}
	return { kind: 'can_start' };
}

/** Starts an attempt, or returns the one already open (a double click starts one attempt, not two). */
export function startAttempt(userId: string, course: Course, quiz: Quiz, now = new Date()): QuizAttempt {
	const state = startState(userId, course, quiz, now);
	if (state.kind === 'open') return state.attempt;
	if (state.kind === 'locked') throw new QuizError('locked');
	if (state.kind === 'attempts_used') throw new QuizError('attempts_used');
	if (state.kind === 'wait') throw new QuizError('wait', { until: state.until });
	const seed = randomSeed();
	const row = {
		id: randomId(),
		userId,
		courseSlug: course.slug,
		quizSlug: quiz.slug,
		contentVersion: quiz.version,
		seed,
		layout: buildLayout(quiz, seed),
		startedAt: now,
		deadlineAt: quiz.time_limit_minutes > 0 ? new Date(now.getTime() + quiz.time_limit_minutes * 60_000) : null
	};
	getDb().insert(quizAttempts).values(row).run();
	return getDb().select().from(quizAttempts).where(eq(quizAttempts.id, row.id)).get()!;
}

/** The user's attempt of this quiz, or a 404-style error (another user's attempt looks like no attempt at all). */
export function getOwnAttempt(userId: string, courseSlug: string, quizSlug: string, attemptId: string): QuizAttempt {
	const attempt = attemptById().get({ attemptId });
	if (!attempt || attempt.userId !== userId || attempt.courseSlug !== courseSlug || attempt.quizSlug !== quizSlug)
		throw new QuizError('not_found');
	return attempt;
}

export function isExpired(attempt: QuizAttempt, now = new Date()): boolean {
	return !!attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS;
}

export function savedAnswers(attemptId: string): Map<string, Answer> {
	const rows = getDb().select().from(quizResponses).where(eq(quizResponses.attemptId, attemptId)).all();
	return new Map(rows.map((r) => [r.questionId, r.answer as Answer]));
}

export function responseScores(attemptId: string): Map<string, number | null> {
	const rows = getDb().select().from(quizResponses).where(eq(quizResponses.attemptId, attemptId)).all();
	return new Map(rows.map((r) => [r.questionId, r.score]));
}

// Every save reads the attempt (answers.ts), so this is prepared once (db/index.ts prepared()): building a Drizzle
// query costs more than running it.
const attemptById = prepared((db) =>
	db
		.select()
		.from(quizAttempts)
		.where(eq(quizAttempts.id, sql.placeholder('attemptId')))
		.prepare()
);

export interface SubmitResult {
	attempt: QuizAttempt;
	/** False when the attempt had already been submitted (a second submit changes nothing). */
	gradedNow: boolean;
}

/**
 * Grades the attempt with the answers saved so far and writes every score in one durable transaction.
 * Idempotent: an attempt already submitted is returned as it is.
 */
export function submitAttempt(userId: string, quiz: Quiz, attemptId: string, now = new Date()): SubmitResult {
	getOwnAttempt(userId, quiz.courseSlug, quiz.slug, attemptId);
	return durably(getDb(), (tx) => {
		const attempt = tx.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId)).get()!;
		if (attempt.submittedAt) return { attempt, gradedNow: false };
		const rows = tx.select().from(quizResponses).where(eq(quizResponses.attemptId, attemptId)).all();
		const answers = new Map(rows.map((r) => [r.questionId, r.answer as unknown]));
		const ids = attempt.layout.map((e) => e.questionId);
		const grade = gradeAttempt(ids, quiz.questions, answers, quiz.pass_mark);
		for (const row of rows) {
			tx.update(quizResponses)
				.set({ score: grade.perQuestion.get(row.questionId) ?? 0 })
				.where(and(eq(quizResponses.attemptId, attemptId), eq(quizResponses.questionId, row.questionId)))
				.run();
		}
		// An expired attempt is closed at its deadline, not at the moment someone noticed.
		const submittedAt = attempt.deadlineAt && now > attempt.deadlineAt ? attempt.deadlineAt : now;
		tx.update(quizAttempts)
			.set({ submittedAt, score: grade.score, maxScore: grade.maxScore, percent: grade.percent, passed: grade.passed })
			.where(and(eq(quizAttempts.id, attemptId), isNull(quizAttempts.submittedAt)))
			.run();
		// A pass can be the last rule of the course: the certificate commits with it.
		if (grade.passed) afterCompletion(tx, userId, quiz.courseSlug);
		return { attempt: tx.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId)).get()!, gradedNow: true };
	});
}

/** Grades every open attempt of this quiz whose time is up, with what was saved. */
export function closeExpiredAttempts(userId: string, course: Course, quiz: Quiz, now = new Date()) {
	for (const attempt of listAttempts(userId, course.slug, quiz.slug)) {
		if (!attempt.submittedAt && isExpired(attempt, now)) submitAttempt(userId, quiz, attempt.id, now);
	}
}

/**
 * Whether a submitted attempt's review may show right answers, explanations and feedback (key-policy.ts): after
 * a pass in any attempt, once no attempt is left, or at once for a practice quiz with `feedback: after_submit`.
 * So a failed attempt cannot be used to copy the key into the next one.
 */
export function keysShown(userId: string, quiz: Quiz): boolean {
	const submitted = listAttempts(userId, quiz.courseSlug, quiz.slug).filter((a) => a.submittedAt).length;
	return keysVisible(quiz, {
		passed: passedQuizSlugs(userId, quiz.courseSlug).has(quiz.slug),
		attemptsUsed: submitted
	});
}

/**
 * The questions of the attempt still without an answer, in the order shown: nothing saved, nothing ticked
 * (multiple) or nothing paired (matching). Submitting with any of them asks first.
 */
export function unansweredQuestionIds(attempt: QuizAttempt): string[] {
	const answers = savedAnswers(attempt.id);
	return attempt.layout
		.map((e) => e.questionId)
		.filter((id) => {
			const answer = answers.get(id);
			if (answer === undefined || answer === null) return true;
			if (Array.isArray(answer)) return answer.length === 0;
			if (typeof answer === 'object') return Object.keys(answer).length === 0;
			return false;
		});
}
