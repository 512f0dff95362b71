// The one path an answer takes into quiz_responses, for the autosave endpoint (one answer, JSON) and the attempt
// form without JavaScript (every answer on the form). Each save reads the attempt once, checks once that it is
// this learner's and still open, translates the public answers (the opaque ids the page showed, public-view.ts)
// into the stored shape, validates all of them, and only then writes them, in one transaction: a refused save
// writes nothing. Keys never leave the server: the browser sends and receives public ids only.
import type { Quiz } from '../content/catalogue';
import type { Question } from '../content/schema';
import { getDb, prepared } from '../db';
import { quizResponses, type QuizAttempt } from '../db/schema';
import { and, isNull, sql } from 'drizzle-orm';
import { readAnswerRequest, type AnswerRequest } from './answer-request';
import { getOwnAttempt, isExpired, savedAnswers, submitAttempt, unansweredQuestionIds } from './attempts';
import { QuizError } from './errors';
import { echoFormAnswers } from './form-echo';
import { readFormAnswers } from './form-answers';
import { parseAnswer, type Answer } from './grading';
import { fromPublicAnswer } from './public-view';

/** A save may not claim to come from further ahead of the server's clock than this (it would freeze the answer). */
export const MAX_SEQ_AHEAD_MS = 60_000;

/** The attempt as read for this save, refused unless it is still open at `now`. */
function openAttempt(userId: string, quiz: Quiz, attemptId: string, now: number): QuizAttempt {
	const attempt = getOwnAttempt(userId, quiz.courseSlug, quiz.slug, attemptId);
	checkOpen(attempt, now);
	return attempt;
}

function checkOpen(attempt: QuizAttempt, now: number) {
	if (attempt.submittedAt) throw new QuizError('closed');
	if (isExpired(attempt, new Date(now))) throw new QuizError('expired');
}

/** The question, if it was drawn into this attempt; its layout entry gives the opaque ids their meaning. */
function drawnQuestion(attempt: QuizAttempt, quiz: Quiz, questionId: string) {
	const entry = attempt.layout.find((e) => e.questionId === questionId);
	const question = entry && quiz.questions.find((q) => q.id === questionId);
	if (!entry || !question) throw new QuizError('unknown_question', { questionId });
	return { entry, question };
}

/** A stored-shape value checked against its question; refused (bad_answer) if it has the wrong shape or ids. */
function validAnswer(question: Question, value: unknown): Answer {
	const answer = parseAnswer(question, value);
	if (answer === null) throw new QuizError('bad_answer', { questionId: question.id });
	return answer;
}

/**
 * Writes checked answers; one statement for one answer, one transaction for several. `seq` says when the answers
 * were given (server-clock ms): a save older than the stored answer arrived late and changes nothing. Returns
 * whether each answer is now the stored one.
 */
function writeAnswers(attemptId: string, answers: Map<string, Answer>, now: number, seq: number): boolean[] {
	const write = (questionId: string, answer: Answer) =>
		upsertResponse().run({ attemptId, questionId, answer: JSON.stringify(answer), answeredAt: now, seq }).changes > 0;
	if (answers.size === 1) {
		const [[questionId, answer]] = answers;
		return [write(questionId, answer)];
	}
	return getDb().transaction(() => [...answers].map(([questionId, answer]) => write(questionId, answer)));
}

export interface AutosaveResult {
	/** False when a later answer to this question is already stored (this request arrived late): not an error. */
	current: boolean;
	savedAt: number;
}

/**
 * Autosave: one answer from the attempt page's JSON request. The body is read first, then the attempt is read,
 * checked and written with no await in between; a refused body is reported only after the 404 for someone
 * else's attempt, so a stranger learns nothing from the order of checks.
 */
export async function autosaveAnswer(
	userId: string,
	quiz: Quiz,
	attemptId: string,
	request: Request,
	now = () => Date.now()
): Promise<AutosaveResult> {
	const read = await readAnswerRequest(request).then(
		(body) => ({ body }),
		(failure: unknown) => ({ failure })
	);
	const attempt = getOwnAttempt(userId, quiz.courseSlug, quiz.slug, attemptId);
	if ('failure' in read) throw read.failure;
	return saveOneAnswer(attempt, quiz, read.body, now());
}

/** The autosave after its body is read: the attempt as just read, the answer in the public shape. */
function saveOneAnswer(attempt: QuizAttempt, quiz: Quiz, body: AnswerRequest, now = Date.now()): AutosaveResult {
	if (body.attemptId !== attempt.id) throw new QuizError('wrong_attempt');
	checkOpen(attempt, now);
	const { entry, question } = drawnQuestion(attempt, quiz, body.questionId);
	const answer = validAnswer(question, fromPublicAnswer(question, entry, body.answer));
	const seq = Math.min(body.seq ?? now, now + MAX_SEQ_AHEAD_MS);
	const [current] = writeAnswers(attempt.id, new Map([[question.id, answer]]), now, seq);
	return { current, savedAt: now };
}

/**
 * Saves (or replaces) one answer already in the stored shape, as tests and demo data give it. `seq` as above;
 * false when a later answer is stored.
 */
export function saveAnswer(
	userId: string,
	quiz: Quiz,
	attemptId: string,
	questionId: string,
	value: unknown,
	now = new Date(),
	seq = now.getTime()
): boolean {
	const attempt = openAttempt(userId, quiz, attemptId, now.getTime());
	const { question } = drawnQuestion(attempt, quiz, questionId);
	const [current] = writeAnswers(attempt.id, new Map([[questionId, validAnswer(question, value)]]), now.getTime(), seq);
	return current;
}

/** The form's answers checked against the attempt: every one valid, or a refusal naming the first bad one. */
function formAnswers(attempt: QuizAttempt, quiz: Quiz, form: FormData): Map<string, Answer> {
	const { values, shown } = readFormAnswers(form, attempt.layout, quiz.questions);
	const answers = new Map<string, Answer>();
	for (const [questionId, value] of values) {
		const { entry, question } = drawnQuestion(attempt, quiz, questionId);
		answers.set(questionId, validAnswer(question, fromPublicAnswer(question, entry, value)));
	}
	// "Nothing ticked" clears an earlier multiple-choice answer; an untouched question stays unanswered.
	if (shown.size > 0) {
		const previous = savedAnswers(attempt.id);
		for (const questionId of shown) if (previous.has(questionId)) answers.set(questionId, []);
	}
	return answers;
}

/**
 * A refusal of the form, with the whole form read back in the public shape (form-echo.ts) for the page to draw
 * again, so one bad question does not lose the answers typed in the others: without JavaScript nothing else
 * holds them.
 */
function withEcho(e: unknown, form: FormData, attempt: QuizAttempt, quiz: Quiz): unknown {
	if (e instanceof QuizError) e.echo = echoFormAnswers(form, attempt.layout, quiz.questions);
	return e;
}

function saveFormTo(attempt: QuizAttempt, quiz: Quiz, form: FormData, now: number) {
	try {
		const attemptField = form.get('attempt');
		if (attemptField !== null && attemptField !== attempt.id) throw new QuizError('wrong_attempt');
		checkOpen(attempt, now);
		const answers = formAnswers(attempt, quiz, form);
		if (answers.size > 0) writeAnswers(attempt.id, answers, now, now);
	} catch (e) {
		throw withEcho(e, form, attempt, quiz);
	}
}

/** The form's "save": every answer on it, or nothing if any is refused (the error carries the echo). */
export function saveFormAnswers(userId: string, quiz: Quiz, attemptId: string, form: FormData, now = Date.now()) {
	saveFormTo(getOwnAttempt(userId, quiz.courseSlug, quiz.slug, attemptId), quiz, form, now);
}

export type FormSubmit =
	| { kind: 'submitted'; attempt: QuizAttempt }
	/** Questions are left without an answer (the others are saved): the page asks before grading. */
	| { kind: 'unanswered'; unanswered: { count: number; ids: string[]; numbers: number[] } };

/**
 * The form's "submit": saves the form while the attempt is open, asks first when questions are left unanswered
 * (unless `confirm=unanswered`), then grades. A second submit, or one after the deadline, grades what was saved
 * and changes nothing else; an attempt closed by a double click's other request meanwhile is not an error.
 */
export function submitFormAnswers(
	userId: string,
	quiz: Quiz,
	attemptId: string,
	form: FormData,
	now = Date.now()
): FormSubmit {
	const attempt = getOwnAttempt(userId, quiz.courseSlug, quiz.slug, attemptId);
	let open = !attempt.submittedAt && !isExpired(attempt, new Date(now));
	if (open) {
		try {
			saveFormTo(attempt, quiz, form, now);
		} catch (e) {
			const closedMeanwhile = e instanceof QuizError && (e.code === 'closed' || e.code === 'expired');
			if (!closedMeanwhile) throw e;
			open = false;
		}
	}
	// An attempt whose time is up is graded at once, as it is.
	if (open && form.get('confirm') !== 'unanswered') {
		const ids = unansweredQuestionIds(attempt);
		if (ids.length > 0) {
			const numbers = ids.map((id) => attempt.layout.findIndex((e) => e.questionId === id) + 1);
			return { kind: 'unanswered', unanswered: { count: ids.length, ids, numbers } };
		}
	}
	return { kind: 'submitted', attempt: submitAttempt(userId, quiz, attempt.id, new Date(now)).attempt };
}

// Autosave runs this on every answer a learner gives, so it is prepared once (db/index.ts prepared()): building a
// Drizzle query costs more than running it. The placeholders take driver values (the JSON text and the Unix
// milliseconds), and excluded.* reuses them in the update.
const upsertResponse = prepared((db) =>
	db
		.insert(quizResponses)
		.values({
			attemptId: sql.placeholder('attemptId'),
			questionId: sql.placeholder('questionId'),
			answer: sql`${sql.placeholder('answer')}`,
			answeredAt: sql`${sql.placeholder('answeredAt')}`,
			seq: sql`${sql.placeholder('seq')}`
		})
		.onConflictDoUpdate({
			target: [quizResponses.attemptId, quizResponses.questionId],
			set: { answer: sql`excluded.answer`, answeredAt: sql`excluded.answered_at`, seq: sql`excluded.seq` },
			// Not after grading; and a save given before the stored one (it arrived late) loses.
			setWhere: and(isNull(quizResponses.score), sql`excluded.seq >= ${quizResponses.seq}`)
		})
		.prepare()
);
