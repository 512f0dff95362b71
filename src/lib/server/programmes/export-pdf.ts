// PLACEHOLDER (feat/prog-core): the real PDF export is built on feat/prog-export and replaces this file at merge.
import { error } from '@sveltejs/kit';
import type { ProgrammeContent } from '../../programmes/model';
import type { ExportMeta } from './export-docx';

export function exportProgrammePdf(content: ProgrammeContent, meta: ExportMeta): Uint8Array {
	void content;
	void meta;
	error(501, { message: 'export not available yet' });
}
