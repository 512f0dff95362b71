import { requireRole } from '$lib/server/auth/guards';
import { getSurveys } from '$lib/server/surveys';
import { getSettings, isOpen, responseCount } from '$lib/server/surveys/responses';
import type { PageServerLoad } from './$types';

// Admins manage surveys; trainers read the reports.
export const load = ((event) => {
	requireRole(event, 'admin', 'trainer');
	return {
		surveys: getSurveys().map((s) => ({
			slug: s.slug,
			title: s.title,
			kind: s.kind,
			open: isOpen(s, getSettings(s)),
			responses: responseCount(s.slug)
		}))
	};
}) satisfies PageServerLoad;
