import { error } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { getSurvey } from '$lib/server/surveys';
import { download, responsesXlsx } from '$lib/server/surveys/downloads';
import type { RequestHandler } from './$types';

// Raw answers, anonymised (no office, token or time): admins only.
export const GET = (async (event) => {
	requireApiUser(event, 'admin');
	const survey = getSurvey(event.params.slug) ?? error(404, { message: 'not found' });
	const bytes = await responsesXlsx(survey);
	return download(
		bytes as BodyInit,
		`odpowiedzi-${survey.slug}.xlsx`,
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
}) satisfies RequestHandler;
