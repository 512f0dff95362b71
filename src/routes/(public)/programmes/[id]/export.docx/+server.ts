// The programme as an editable Word file: for the author and the people it is shared with, or anyone once
// published (loadProgramme answers 404 otherwise).
import { exportProgrammeDocx } from '$lib/server/programmes/export-docx';
import { exportMetaOf, exportResponse } from '$lib/server/programmes/export-route';
import { orHttpError } from '$lib/server/programmes/http';
import { loadProgramme } from '$lib/server/programmes/store';
import type { RequestHandler } from './$types';

export const GET = (async ({ params, locals }) => {
	const p = orHttpError(() => loadProgramme(params.id, locals.user ?? null));
	const bytes = await exportProgrammeDocx(p.content, exportMetaOf(p));
	return exportResponse(bytes, p, 'docx');
}) satisfies RequestHandler;
