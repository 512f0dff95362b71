import { error } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/auth/guards';
import { renderTrainingRecordPdf } from '$lib/server/record/record-pdf';
import { trainingRecord } from '$lib/server/record/training-record';
import type { RequestHandler } from './$types';

// Only one's own record: there is no id in the URL to ask for anyone else's.
export const GET = (async (event) => {
	const user = requireApiUser(event);
	const record = trainingRecord(user.id);
	if (!record) error(404, { message: 'not found' });
	const pdf = await renderTrainingRecordPdf(record, event.url.origin);
	return new Response(pdf as Uint8Array<ArrayBuffer>, {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': 'attachment; filename="przebieg-szkolen.pdf"',
			'Content-Length': String(pdf.length),
			'Cache-Control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
