import { error } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { getSurvey } from '$lib/server/surveys';
import { download, responsesCsv } from '$lib/server/surveys/downloads';
import type { RequestHandler } from './$types';

// Raw answers, anonymised, as Polish-Excel CSV: admins only.
export const GET = (async (event) => {
	requireApiUser(event, 'admin');
	const survey = getSurvey(event.params.slug) ?? error(404, { message: 'not found' });
	return download(responsesCsv(survey), `odpowiedzi-${survey.slug}.csv`, 'text/csv; charset=utf-8');
}) satisfies RequestHandler;
