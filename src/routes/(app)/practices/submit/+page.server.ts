import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { formDataToObject, validateForm } from '$lib/server/forms/validate';
import { formOptions, getLessonRefs } from '$lib/server/practices';
import { echoForm, submissionDataFromForm, submissionFormSchema } from '$lib/server/practices/form';
import { createSubmission } from '$lib/server/practices/submissions';
import type { Actions, PageServerLoad } from './$types';

// Any signed-in person (every role) may propose a case; an admin moderates it before it is published.
export const load = ((event) => {
	requireUser(event);
	return formOptions();
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = validateForm(submissionFormSchema(getLessonRefs()), formDataToObject(form));
		if (!parsed.ok) return fail(400, { values: echoForm(form), errors: parsed.errors });
		const id = createSubmission(user.id, submissionDataFromForm(parsed.data));
		redirect(303, `/practices/submissions/${id}?sent`);
	}
} satisfies Actions;
