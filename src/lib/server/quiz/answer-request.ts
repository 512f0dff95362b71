// Reads the body of an autosave request: a small JSON object, refused before parsing if it is too large.
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
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > MAX_ANSWER_BYTES) throw new QuizError('too_large');
	const text = await readLimited(request, MAX_ANSWER_BYTES);
	let body: unknown;
	try {
		body = JSON.parse(text);
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

/** Reads at most `limit` bytes; a chunked body without a length is cut off, not buffered whole. */
async function readLimited(request: Request, limit: number): Promise<string> {
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			throw new QuizError('too_large');
		}
		chunks.push(value);
	}
	return new TextDecoder().decode(Buffer.concat(chunks));
}
