// Autosave: one step's fields as JSON pairs, with the version the page started from. A save based on an older
// version is refused (409) with the current text, never applied over a colleague's work.
import { error, json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireApiUser } from '$lib/server/auth/guards';
import { canEdit } from '$lib/server/programmes/access';
import { MAX_BYTES, MAX_PAIRS, pairsOf, parseStep } from '$lib/server/programmes/form';
import { bodyUpTo } from '$lib/server/forms/body';
import { orHttpError, stepOr404 } from '$lib/server/programmes/http';
import { missingText, translateErrors } from '$lib/server/programmes/messages';
import { stepReadiness } from '$lib/server/programmes/readiness';
import { loadProgramme, saveStep } from '$lib/server/programmes/store';
import type { RequestHandler } from './$types';

export const POST = (async (event) => {
	const user = requireApiUser(event);
	const p = orHttpError(() => loadProgramme(event.params.id, user));
	if (!canEdit(p.access)) error(p.access === 'public' ? 404 : 403, { message: 'forbidden' });
	// Only JSON: a cross-site form cannot send it without a CORS preflight, which this server never grants.
	if (!event.request.headers.get('content-type')?.startsWith('application/json'))
		return json({ error: m.programmes_error_request() }, { status: 400 });
	const bytes = await bodyUpTo(event.request, MAX_BYTES);
	if (!bytes) return json({ error: m.programmes_error_too_large() }, { status: 413 });
	const text = new TextDecoder().decode(bytes);
	let body: { step?: unknown; version?: unknown; fields?: unknown };
	try {
		body = JSON.parse(text);
	} catch {
		return json({ error: m.programmes_error_request() }, { status: 400 });
	}
	if (!body || typeof body !== 'object' || typeof body.step !== 'string' || !Array.isArray(body.fields))
		return json({ error: m.programmes_error_request() }, { status: 400 });
	if (typeof body.version !== 'number' || !Number.isInteger(body.version))
		return json({ error: m.programmes_error_version() }, { status: 400 });
	if (body.fields.length > MAX_PAIRS) return json({ error: m.programmes_error_too_large() }, { status: 413 });
	const step = stepOr404(body.step);
	const parsed = parseStep(step, pairsOf(body.fields));
	if (!parsed.ok)
		return json({ error: m.programmes_autosave_invalid(), errors: translateErrors(parsed.errors) }, { status: 400 });
	const result = orHttpError(() => saveStep(user, p.row.id, step, body.version as number, parsed.update));
	if (!result.ok)
		return json(
			{ error: m.programmes_conflict(), conflict: { version: result.version, content: result.content } },
			{ status: 409 }
		);
	const after = orHttpError(() => loadProgramme(p.row.id, user));
	const r = stepReadiness(after.content, step);
	return json({
		saved: true,
		version: result.version,
		savedAt: Date.now(),
		ready: r.ready,
		missing: r.missing.map((x) => missingText(x.code, x.subject))
	});
}) satisfies RequestHandler;
