import { error } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { getSurvey } from '$lib/server/surveys';
import { download, reportPdf } from '$lib/server/surveys/downloads';
import type { RequestHandler } from './$types';

// The report as the page shows it (admins; trainers read it too).
export const GET = (async (event) => {
	const user = requireApiUser(event, 'admin', 'trainer');
	const survey = getSurvey(event.params.slug) ?? error(404, { message: 'not found' });
	// Trainers read evaluations per group, from five responses up, on the group page: not across all groups here.
	if (survey.kind === 'evaluation' && user.role !== 'admin') error(403, { message: 'forbidden' });
	const bytes = await reportPdf(survey);
	return download(bytes as BodyInit, `raport-${survey.slug}.pdf`, 'application/pdf');
}) satisfies RequestHandler;
