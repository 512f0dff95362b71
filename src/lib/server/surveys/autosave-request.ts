// Reads an autosave request: JSON { t?, course?, fields: [[name, value], ...] }, refused before parsing if too large.
import { fieldsOf, type Fields } from './answers';
import { SurveyError } from './responses';

export const MAX_AUTOSAVE_BYTES = 64 * 1024;

export interface AutosaveRequest {
	t: string | null;
	course: string | null;
	fields: Fields;
}

export async function readAutosave(request: Request): Promise<AutosaveRequest> {
	// Only JSON: a cross-site form cannot send it without a CORS preflight, which this server never grants.
	if (!request.headers.get('content-type')?.startsWith('application/json')) throw new SurveyError('bad_request');
	if (Number(request.headers.get('content-length') ?? '0') > MAX_AUTOSAVE_BYTES) throw new SurveyError('too_large');
	const text = await request.text();
	if (text.length > MAX_AUTOSAVE_BYTES) throw new SurveyError('too_large');
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new SurveyError('bad_request');
	}
	if (typeof body !== 'object' || body === null) throw new SurveyError('bad_request');
	const { t, course, fields } = body as Record<string, unknown>;
	// Each field a [name, value] pair with a string name, or the body is refused (a number there threw a 500).
	if (!Array.isArray(fields) || !fields.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string'))
		throw new SurveyError('bad_request');
	return {
		t: typeof t === 'string' ? t : null,
		course: typeof course === 'string' ? course : null,
		fields: fieldsOf(fields as [string, unknown][], MAX_AUTOSAVE_BYTES)
	};
}
