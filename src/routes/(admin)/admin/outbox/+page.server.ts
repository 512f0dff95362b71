import { desc } from 'drizzle-orm';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { mailOutbox } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	requireRole(event, 'admin');
	const messages = getDb().select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(200).all();
	return { messages };
}) satisfies PageServerLoad;
