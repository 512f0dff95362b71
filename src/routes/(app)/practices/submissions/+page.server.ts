import { requireUser } from '$lib/server/auth/guards';
import { listOwnSubmissions } from '$lib/server/practices/submissions';
import type { PageServerLoad } from './$types';

// The signed-in person's own submissions and their status.
export const load = ((event) => {
	const user = requireUser(event);
	return {
		submissions: listOwnSubmissions(user.id).map((s) => ({
			id: s.id,
			title: s.title,
			status: s.status,
			updatedAt: s.updatedAt,
			slug: s.slug
		}))
	};
}) satisfies PageServerLoad;
