import { error, fail, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guards';
import { formDataToObject, formError, validateForm } from '$lib/server/forms/validate';
import { formOptions, getLessonRefs, todayInPoland } from '$lib/server/practices';
import {
	echoForm,
	formValuesFromData,
	submissionDataFromForm,
	submissionFormSchema,
	type SubmissionData
} from '$lib/server/practices/form';
import {
	getOwnSubmission,
	submissionAsCase,
	SubmissionError,
	updateOwnSubmission
} from '$lib/server/practices/submissions';
import { caseView } from '$lib/server/practices/view';
import type { Actions, PageServerLoad } from './$types';

/** The author's own submission; anyone else gets 404, as for an id that does not exist. */
function own(userId: string, id: string) {
	try {
		return getOwnSubmission(userId, id);
	} catch (e) {
		if (e instanceof SubmissionError) error(e.status, { message: e.code });
		throw e;
	}
}

export const load = ((event) => {
	const user = requireUser(event);
	const row = own(user.id, event.params.id);
	const preview = submissionAsCase(row, getLessonRefs(), todayInPoland()).case;
	const editable = row.status === 'pending' || row.status === 'changes_requested';
	return {
		submission: {
			id: row.id,
			title: row.title,
			status: row.status,
			comment: row.moderatorComment,
			slug: row.slug,
			updatedAt: row.updatedAt
		},
		sent: event.url.searchParams.has('sent'),
		preview: preview ? caseView(preview, new Date(), getLocale()) : undefined,
		editable,
		values: editable ? formValuesFromData(row.data as unknown as SubmissionData) : undefined,
		...formOptions()
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const user = requireUser(event);
		own(user.id, event.params.id);
		const form = await event.request.formData();
		const parsed = validateForm(submissionFormSchema(getLessonRefs()), formDataToObject(form));
		if (!parsed.ok) return fail(400, { values: echoForm(form), errors: parsed.errors });
		try {
			updateOwnSubmission(user.id, event.params.id, submissionDataFromForm(parsed.data));
		} catch (e) {
			if (e instanceof SubmissionError && e.code === 'not_editable')
				return fail(409, { values: echoForm(form), errors: formError(m.practices_not_editable()) });
			throw e;
		}
		redirect(303, `/practices/submissions/${event.params.id}?sent`);
	}
} satisfies Actions;
