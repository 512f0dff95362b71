import { requireRole } from '$lib/server/auth/guards';
import { academyOverview } from '$lib/server/admin/overview';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	requireRole(event, 'admin');
	return { overview: academyOverview() };
}) satisfies PageServerLoad;
