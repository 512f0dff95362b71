import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { formError } from '$lib/server/forms/validate';
import { fieldsOf } from '$lib/server/surveys/answers';
import { getSurvey } from '$lib/server/surveys';
import { answerErrors, surveyErrorMessage } from '$lib/server/surveys/messages';
import { formState, publicSurvey, saveForm } from '$lib/server/surveys/public';
import { respondentFrom } from '$lib/server/surveys/respondent';
import { SurveyError } from '$lib/server/surveys/responses';
import type { Actions, PageServerLoad } from './$types';

function surveyOf(slug: string) {
	return getSurvey(slug) ?? error(404, { message: surveyErrorMessage('not_found') });
}

// Public: a diagnosis survey is answered without an account (an open link, or a per-office token link); an
// evaluation survey is answered by a signed-in learner about a course they took.
export const load = (async (event) => {
	const survey = surveyOf(event.params.slug);
	// The form shows an office's saved answers (token links): never cached, the token never sent on as a referrer.
	event.setHeaders({ 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' });
	const userId = survey.kind === 'evaluation' ? requireUser(event).id : null;
	const token = event.url.searchParams.get('t');
	const course = event.url.searchParams.get('course');
	try {
		const who = respondentFrom(
			survey,
			{ token, course, cookies: event.cookies, secure: event.url.protocol === 'https:', userId },
			false
		);
		return {
			survey: publicSurvey(survey),
			state: formState(survey, who.respondent),
			token: who.token,
			course: who.course,
			refusal: null,
			sent: event.url.searchParams.has('sent')
		};
	} catch (e) {
		if (!(e instanceof SurveyError)) throw e;
		if (e.code === 'not_found') error(404, { message: surveyErrorMessage('not_found') });
		// No form without a valid token: the page explains how to get the office's link.
		return {
			survey: publicSurvey(survey),
			state: null,
			token: null,
			course,
			refusal: surveyErrorMessage(e.code),
			sent: false
		};
	}
}) satisfies PageServerLoad;

async function save(event: RequestEvent<{ slug: string }>, submit: boolean) {
	const survey = surveyOf(event.params.slug);
	const userId = survey.kind === 'evaluation' ? requireUser(event).id : null;
	const form = await event.request.formData();
	const fields = fieldsOf(form.entries());
	const token = form.get('t');
	const course = form.get('course');
	try {
		const who = respondentFrom(
			survey,
			{
				token: typeof token === 'string' ? token : null,
				course: typeof course === 'string' ? course : null,
				cookies: event.cookies,
				secure: event.url.protocol === 'https:',
				userId
			},
			true
		);
		const result = saveForm(survey, who.respondent!, fields, { submit, lenient: false });
		if (!result.ok) return fail(400, { fields, errors: answerErrors(result.errors), saved: false });
		if (submit) {
			const query = new URLSearchParams();
			if (who.token) query.set('t', who.token);
			if (who.course) query.set('course', who.course);
			query.set('sent', '1');
			redirect(303, `/surveys/${survey.slug}?${query}`);
		}
		return { fields, errors: {}, saved: true };
	} catch (e) {
		if (!(e instanceof SurveyError)) throw e;
		return fail(e.status, { fields, errors: formError(surveyErrorMessage(e.code)), saved: false });
	}
}

export const actions = {
	save: (event) => save(event, false),
	submit: (event) => save(event, true)
} satisfies Actions;
