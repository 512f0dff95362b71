import { requireRole } from '$lib/server/auth/guards';
import { recentMail } from '$lib/server/mail/outbox';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	requireRole(event, 'admin');
	return { messages: recentMail() };
}) satisfies PageServerLoad;
