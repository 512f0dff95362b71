// PLACEHOLDER (feat/prog-core): the real .docx export is built on feat/prog-export and replaces this file at merge.
// It answers 501 so the routes compile and say plainly that the export is not there yet.
import { error } from '@sveltejs/kit';
import type { ProgrammeContent } from '../../programmes/model';

export interface ExportMeta {
	title: string;
	authorOffice: string;
	updatedAt: Date;
	locale: string;
	includeResolution: boolean;
}

export function exportProgrammeDocx(content: ProgrammeContent, meta: ExportMeta): Uint8Array {
	void content;
	void meta;
	error(501, { message: 'export not available yet' });
}
