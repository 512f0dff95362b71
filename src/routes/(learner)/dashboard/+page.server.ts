import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireRole(event, 'learner');
	return { name: user.name };
}) satisfies PageServerLoad;
