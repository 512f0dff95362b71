// The programme as a PDF: same access as the Word file.
import { exportProgrammePdf } from '$lib/server/programmes/export-pdf';
import { exportMetaOf, exportResponse } from '$lib/server/programmes/export-route';
import { orHttpError } from '$lib/server/programmes/http';
import { loadProgramme } from '$lib/server/programmes/store';
import type { RequestHandler } from './$types';

export const GET = (async ({ params, locals }) => {
	const p = orHttpError(() => loadProgramme(params.id, locals.user ?? null));
	const bytes = await exportProgrammePdf(p.content, exportMetaOf(p));
	return exportResponse(bytes, p, 'pdf');
}) satisfies RequestHandler;
