// Reads the body of an autosave request: a small JSON object, refused before parsing if it is too large.
import { bodyUpTo } from '../forms/body';
import { QuizError } from './errors';

/** An answer is a few ids; 16 KB leaves room for any question and refuses junk early. */
export const MAX_ANSWER_BYTES = 16 * 1024;

export interface AnswerRequest {
	attemptId: string;
	questionId: string;
	answer: unknown;
	/** When the answer was given, in the page's estimate of the server's clock (ms); absent: now. */
	seq?: number;
}

export async function readAnswerRequest(request: Request): Promise<AnswerRequest> {
	// Only JSON: a cross-site form cannot send it without a CORS preflight, which this server never grants.
	if (!request.headers.get('content-type')?.startsWith('application/json')) throw new QuizError('bad_answer');
	const bytes = await bodyUpTo(request, MAX_ANSWER_BYTES);
	if (!bytes) throw new QuizError('too_large');
	let body: unknown;
	try {
		body = JSON.parse(new TextDecoder().decode(bytes));
	} catch {
		throw new QuizError('bad_answer');
	}
	if (typeof body !== 'object' || body === null) throw new QuizError('bad_answer');
	const { attemptId, questionId, answer, seq } = body as Record<string, unknown>;
	if (typeof attemptId !== 'string' || typeof questionId !== 'string' || answer === undefined)
		throw new QuizError('bad_answer');
	if (seq !== undefined && !(typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0))
		throw new QuizError('bad_answer');
	return { attemptId, questionId, answer, seq };
}
