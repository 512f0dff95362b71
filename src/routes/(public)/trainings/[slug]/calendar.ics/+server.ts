import { error } from '@sveltejs/kit';
import { publicCalendar } from '$lib/server/trainings/calendar';
import type { RequestHandler } from './$types';

// Public, like the training page: the dates and place (never the online link) as METHOD:PUBLISH.
export const GET = (({ params, url }) => {
	const ics = publicCalendar(params.slug, url.origin);
	if (ics === null) error(404, { message: 'not_found' });
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${params.slug}.ics"`,
			'cache-control': 'public, max-age=300'
		}
	});
}) satisfies RequestHandler;
