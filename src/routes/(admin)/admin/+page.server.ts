import { requireRole } from '$lib/server/auth/guards';
import { academyOverview } from '$lib/server/reports/overview';
import { upcomingTrainings } from '$lib/server/trainings/catalogue';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	requireRole(event, 'admin');
	return { overview: academyOverview(), trainings: upcomingTrainings().slice(0, 5) };
}) satisfies PageServerLoad;
