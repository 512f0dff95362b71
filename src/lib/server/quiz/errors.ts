// Why a quiz request was refused; routes translate the code (quiz_error_<code>) and use the status.
export const QUIZ_ERRORS = {
	not_found: 404,
	locked: 403,
	attempts_used: 403,
	wait: 403,
	closed: 409,
	expired: 409,
	unknown_question: 400,
	bad_answer: 400,
	wrong_attempt: 400,
	too_large: 413
} as const;

export type QuizErrorCode = keyof typeof QUIZ_ERRORS;

export class QuizError extends Error {
	readonly status: number;
	/** A refused form read back in the public shape (form-echo.ts), for the page to draw every field again. */
	echo?: Record<string, unknown>;
	constructor(
		readonly code: QuizErrorCode,
		readonly detail?: { until?: Date; questionId?: string }
	) {
		super(`quiz: ${code}`);
		this.status = QUIZ_ERRORS[code];
	}
}
