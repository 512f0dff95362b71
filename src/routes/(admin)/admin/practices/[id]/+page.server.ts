import { error, fail, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { fields } from '$lib/server/forms/fields';
import { formDataToObject, formError, validateForm } from '$lib/server/forms/validate';
import { fileCaseSlugs, getLessonRefs, todayInPoland } from '$lib/server/practices';
import {
	getSubmission,
	publishSubmission,
	rejectSubmission,
	requestChanges,
	submissionAsCase,
	submittedContact,
	SubmissionError
} from '$lib/server/practices/submissions';
import { caseView } from '$lib/server/practices/view';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * Every decision carries the version (last change) of the submission the moderator read: if the author changed
 * it, or another admin decided, in the meantime, the decision is refused instead of applying to unseen text.
 */
const version = z.string({ error: 'required' }).regex(/^\d{1,15}$/, 'required');
const changesSchema = z.object({ version, comment: fields.plainText(2000) });
const publishSchema = z.object({ version });
const rejectSchema = z.object({
	version,
	comment: z
		.string()
		.optional()
		.transform((s) => s?.trim() || undefined)
		.pipe(fields.plainText(2000).optional())
});

function load_(id: string) {
	const row = getSubmission(id);
	if (!row) error(404, { message: 'not found' });
	return row;
}

export const load = ((event) => {
	requireRole(event, 'admin');
	const row = load_(event.params.id);
	const check = submissionAsCase(row, getLessonRefs(), todayInPoland());
	return {
		submission: {
			id: row.id,
			title: row.title,
			status: row.status,
			comment: row.moderatorComment,
			slug: row.slug,
			authorName: row.authorName,
			authorEmail: row.authorEmail,
			createdAt: row.createdAt,
			updatedAt: row.updatedAt,
			version: String(row.updatedAt.getTime()),
			contact: submittedContact(row)
		},
		preview: check.case ? caseView(check.case, new Date(), getLocale()) : undefined,
		problems: check.problems
	};
}) satisfies PageServerLoad;

async function decide<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	apply: (adminId: string, data: z.infer<S>) => void
) {
	const admin = requireRole(event, 'admin');
	const row = load_(event.params.id);
	const form = await event.request.formData();
	const parsed = validateForm(schema, formDataToObject(form));
	const comment = String(form.get('comment') ?? '').slice(0, 2000);
	if (!parsed.ok) return fail(400, { comment, errors: parsed.errors });
	if ((parsed.data as { version: string }).version !== String(row.updatedAt.getTime()))
		return fail(409, { comment, errors: formError(m.practices_admin_changed()) });
	try {
		apply(admin.id, parsed.data);
	} catch (e) {
		if (e instanceof SubmissionError && e.code === 'not_pending')
			return fail(409, { comment, errors: formError(m.practices_admin_changed()) });
		if (e instanceof SubmissionError && e.code === 'invalid')
			return fail(400, { comment, errors: formError(m.practices_admin_invalid()) });
		throw e;
	}
	redirect(303, `/admin/practices/${row.id}?done`);
}

export const actions = {
	requestChanges: (event) =>
		decide(event, changesSchema, (adminId, data) => requestChanges(adminId, event.params.id, data.comment)),
	publish: (event) =>
		decide(event, publishSchema, (adminId) =>
			publishSubmission(adminId, event.params.id, fileCaseSlugs(), getLessonRefs(), todayInPoland())
		),
	reject: (event) =>
		decide(event, rejectSchema, (adminId, data) => rejectSubmission(adminId, event.params.id, data.comment))
} satisfies Actions;
