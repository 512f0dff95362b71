// The routes' one way to call the store: a ProgrammeError becomes the matching HTTP error (404 for a draft the
// person may not see, as for an id that does not exist).
import { error, fail } from '@sveltejs/kit';
import { PROGRAMME_STEPS, type ProgrammeStep } from '../../programmes/model';
import { formError } from '../forms/validate';
import { programmeErrorText } from './messages';
import { ProgrammeError } from './store';

export function orHttpError<T>(fn: () => T): T {
	try {
		return fn();
	} catch (e) {
		if (e instanceof ProgrammeError) error(e.status, { message: e.code });
		throw e;
	}
}

/** The request's body, or null when it is longer than `max` bytes (read no further than that). */
export async function bodyUpTo(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > max) return null;
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			await reader.cancel();
			return null;
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}

/** The form's fields (none when the body is not a form), or null when it is longer than `max` bytes. */
export async function formDataUpTo(request: Request, max: number): Promise<FormData | null> {
	const body = await bodyUpTo(request, max);
	if (!body) return null;
	const type = request.headers.get('content-type') ?? 'application/x-www-form-urlencoded';
	try {
		return await new Response(body, { headers: { 'content-type': type } }).formData();
	} catch {
		// Not a form body (text/plain, a broken multipart): no fields, so the action answers 400 with its message.
		return new FormData();
	}
}

/**
 * A form action's answer to a store refusal: the form shows the message (self-share, too many shares, consent...),
 * except for 404, which stays the page for a programme the person may not see. Anything else is rethrown.
 */
export function refusedForm<D extends Record<string, unknown>>(e: unknown, data: D) {
	if (e instanceof ProgrammeError) {
		if (e.status === 404) error(404, { message: e.code });
		return fail(e.status, { ...data, errors: formError(programmeErrorText(e.code)) });
	}
	throw e;
}

export function stepOr404(step: string): ProgrammeStep {
	if (!(PROGRAMME_STEPS as readonly string[]).includes(step)) error(404, { message: 'not found' });
	return step as ProgrammeStep;
}
