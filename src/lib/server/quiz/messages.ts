// Translated messages for quiz refusals (routes only: this file uses the Paraglide messages).
import { m } from '$lib/paraglide/messages';
import { formatDateTime } from '$lib/format';
import { QuizError, type QuizErrorCode } from './errors';

const MESSAGES: Record<QuizErrorCode, (e: QuizError) => string> = {
	not_found: () => m.quiz_error_not_found(),
	locked: () => m.quiz_error_locked(),
	attempts_used: () => m.quiz_error_attempts_used(),
	wait: (e) => m.quiz_error_wait({ time: formatDateTime(e.detail?.until) }),
	closed: () => m.quiz_error_closed(),
	expired: () => m.quiz_error_expired(),
	unknown_question: () => m.quiz_error_unknown_question(),
	bad_answer: () => m.quiz_error_bad_answer(),
	wrong_attempt: () => m.quiz_error_wrong_attempt(),
	too_large: () => m.quiz_error_too_large()
};

export function quizErrorMessage(e: QuizError): string {
	return MESSAGES[e.code](e);
}
