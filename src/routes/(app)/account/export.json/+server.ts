import { error, json } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { exportPersonalData } from '$lib/server/privacy/export';
import type { RequestHandler } from './$types';

// Owner only: the id comes from the session, never from the URL, so nobody can ask for someone else's data.
export const GET = ((event) => {
	const user = requireApiUser(event);
	const data = exportPersonalData(user.id);
	if (!data) error(404, { message: 'not found' });
	const day = new Date().toISOString().slice(0, 10);
	return json(data, {
		headers: {
			'Content-Disposition': `attachment; filename="akademia-moje-dane-${day}.json"`,
			'Cache-Control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
