// PLACEHOLDER (feat/prog-core): the real .docx export is built on feat/prog-export and replaces this file at merge.
// It answers 501 so the routes compile and say plainly that the export is not there yet. Same signature as the
// real one (async, meta = { title, authorOffice, updatedAt, locale, includeResolution }).
import { error } from '@sveltejs/kit';
import type { ProgrammeContent } from '../../programmes/model';

export async function exportProgrammeDocx(
	content: ProgrammeContent,
	meta: { title: string; authorOffice: string; updatedAt: Date; locale: 'pl' | 'en'; includeResolution: boolean }
): Promise<Uint8Array> {
	void content;
	void meta;
	error(501, { message: 'export not available yet' });
}
