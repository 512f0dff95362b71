import { requireRole } from '$lib/server/auth/guards';
import { moderationQueue } from '$lib/server/practices/submissions';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	requireRole(event, 'admin');
	return moderationQueue();
}) satisfies PageServerLoad;
