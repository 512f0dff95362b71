import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { trainingRecord } from '$lib/server/record/training-record';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const user = requireUser(event);
	const record = trainingRecord(user.id);
	if (!record) error(404, { message: 'not found' });
	return { record };
}) satisfies PageServerLoad;
