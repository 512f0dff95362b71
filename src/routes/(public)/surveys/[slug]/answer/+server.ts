// Autosave: the whole form as the respondent fills it in; answers with a problem are skipped and reported.
import { error, json } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { getSurvey } from '$lib/server/surveys';
import { readAutosave } from '$lib/server/surveys/autosave-request';
import { answerErrors, surveyErrorMessage } from '$lib/server/surveys/messages';
import { saveForm } from '$lib/server/surveys/public';
import { respondentFrom } from '$lib/server/surveys/respondent';
import { SurveyError } from '$lib/server/surveys/responses';
import type { RequestHandler } from './$types';

// Public like the form: the token, the learner's session or the browser's key decides whose response it is.
export const POST = (async (event) => {
	const survey = getSurvey(event.params.slug);
	if (!survey) error(404, { message: surveyErrorMessage('not_found') });
	const userId = survey.kind === 'evaluation' ? requireApiUser(event).id : null;
	try {
		const body = await readAutosave(event.request);
		const who = respondentFrom(
			survey,
			{ token: body.t, course: body.course, cookies: event.cookies, secure: event.url.protocol === 'https:', userId },
			true
		);
		const result = saveForm(survey, who.respondent!, body.fields, { submit: false, lenient: true });
		if (!result.ok) return json({ errors: answerErrors(result.errors) }, { status: 400 });
		// Each skipped answer's reason, for the message beside its question.
		return json({ saved: true, savedAt: Date.now(), skipped: result.skipped, problems: answerErrors(result.problems) });
	} catch (e) {
		if (!(e instanceof SurveyError)) throw e;
		return json({ error: surveyErrorMessage(e.code), code: e.code }, { status: e.status });
	}
}) satisfies RequestHandler;
