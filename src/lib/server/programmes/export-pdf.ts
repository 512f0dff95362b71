// PLACEHOLDER (feat/prog-core): the real PDF export is built on feat/prog-export and replaces this file at merge.
// It answers 501 so the routes compile; same signature as the real one.
import { error } from '@sveltejs/kit';
import type { ProgrammeContent } from '../../programmes/model';

export async function exportProgrammePdf(
	content: ProgrammeContent,
	meta: { title: string; authorOffice: string; updatedAt: Date; locale: 'pl' | 'en'; includeResolution: boolean }
): Promise<Uint8Array> {
	void content;
	void meta;
	error(501, { message: 'export not available yet' });
}
