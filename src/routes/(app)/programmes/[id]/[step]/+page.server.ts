import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { PROGRAMME_STEPS } from '$lib/programmes/model';
import { requireUser } from '$lib/server/auth/guards';
import { fields } from '$lib/server/forms/fields';
import { formError, validateForm } from '$lib/server/forms/validate';
import { canEdit, isCollaborator } from '$lib/server/programmes/access';
import {
	fieldsFromContent,
	fieldsFromPairs,
	MAX_BYTES,
	pairsOf,
	parseStep,
	rowShape,
	tooManyPairs,
	type Fields
} from '$lib/server/programmes/form';
import { formDataUpTo } from '$lib/server/forms/body';
import { orHttpError, refusedForm, stepOr404 } from '$lib/server/programmes/http';
import { missingText, translateErrors } from '$lib/server/programmes/messages';
import { stepReadiness } from '$lib/server/programmes/readiness';
import { casesForStep, lessonsForStep } from '$lib/server/programmes/resources';
import { addComment, commentsOf, loadProgramme, programmeTitle, saveStep } from '$lib/server/programmes/store';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** The working view is for the author and the people the draft is shared with; anyone else gets 404. */
function collaborator(event: RequestEvent<{ id: string; step: string }>) {
	const user = requireUser(event);
	const step = stepOr404(event.params.step);
	const p = orHttpError(() => loadProgramme(event.params.id, user));
	if (!isCollaborator(p.access)) error(404, { message: 'not found' });
	return { user, step, p };
}

export const load = ((event) => {
	const { step, p } = collaborator(event);
	const r = stepReadiness(p.content, step);
	const f = fieldsFromContent(step, p.content, p.row.titleOffice);
	const index = PROGRAMME_STEPS.indexOf(step);
	return {
		id: p.row.id,
		title: programmeTitle(p.row),
		step,
		prev: PROGRAMME_STEPS[index - 1] ?? null,
		next: PROGRAMME_STEPS[index + 1] ?? null,
		version: p.row.version,
		/** A save takes a published programme out of the gallery until it is published again. */
		published: p.row.status === 'published',
		editable: canEdit(p.access),
		content: p.content,
		fields: f,
		shape: rowShape(f),
		ready: r.ready,
		missing: r.missing.map((x) => missingText(x.code, x.subject)),
		lessons: lessonsForStep(step),
		cases: casesForStep(step, p.content),
		comments: commentsOf(p.row.id).filter((c) => c.step === step),
		saved: event.url.searchParams.has('saved')
	};
}) satisfies PageServerLoad;

const versionSchema = z.object({
	version: z
		.string()
		.regex(/^\d{1,9}$/, 'required')
		.transform(Number)
});

export const actions = {
	save: async (event) => {
		const { user, step, p } = collaborator(event);
		if (!canEdit(p.access)) error(403, { message: 'forbidden' });
		const form = await formDataUpTo(event.request, MAX_BYTES);
		// Too large: nothing is written and the form shows the stored text again, with the message.
		const tooLarge = () => {
			const stored = fieldsFromContent(step, p.content, p.row.titleOffice);
			return fail(413, {
				fields: stored,
				shape: rowShape(stored),
				errors: formError(m.programmes_error_too_large())
			});
		};
		if (!form) return tooLarge();
		const pairs = pairsOf(form);
		if (tooManyPairs(pairs)) return tooLarge();
		const echo: Fields = fieldsFromPairs(pairs.filter(([k]) => k !== 'version'));
		const v = validateForm(versionSchema, form);
		if (!v.ok)
			return fail(400, { fields: echo, shape: rowShape(echo), errors: formError(m.programmes_error_version()) });
		const parsed = parseStep(step, pairs);
		if (!parsed.ok) return fail(400, { fields: echo, shape: rowShape(echo), errors: translateErrors(parsed.errors) });
		const result = orHttpError(() => saveStep(user, p.row.id, step, v.data.version, parsed.update));
		if (!result.ok)
			return fail(409, {
				fields: echo,
				shape: rowShape(echo),
				errors: formError(m.programmes_conflict()),
				conflict: { version: result.version, content: result.content }
			});
		const add = form.get('add');
		redirect(303, `/programmes/${p.row.id}/${step}?saved${add ? `#${encodeURIComponent(String(add))}` : ''}`);
	},
	comment: async (event) => {
		const { user, step, p } = collaborator(event);
		const form = await event.request.formData();
		const parsed = validateForm(z.object({ body: fields.plainText(2000) }), form);
		if (!parsed.ok) return fail(400, { comment: String(form.get('body') ?? '').slice(0, 2000), errors: parsed.errors });
		try {
			addComment(user, p.row.id, step, parsed.data.body);
		} catch (e) {
			return refusedForm(e, { comment: parsed.data.body });
		}
		redirect(303, `/programmes/${p.row.id}/${step}#comments`);
	}
} satisfies Actions;
