// What the export routes share: the meta the exporters take, and the download response.
import { getLocale } from '$lib/paraglide/runtime';
import type { exportProgrammeDocx } from './export-docx';
import { foldForSearch } from '../practices/search';
import { programmeTitle, type LoadedProgramme } from './store';

/** The meta the exporters take (typed from the exporter, so this file follows it). */
export type ExportMeta = Parameters<typeof exportProgrammeDocx>[1];

export function exportMetaOf(p: LoadedProgramme): ExportMeta {
	return {
		title: programmeTitle(p.row),
		authorOffice: p.content.office.name || p.row.titleOffice,
		updatedAt: p.row.updatedAt,
		locale: getLocale(),
		includeResolution: p.content.resolution.include
	};
}

const TYPES = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf'
} as const;

/** "program-wspolpracy-gmina-przykladowa-2026-2030.docx": ASCII, so every browser keeps the name. */
export function exportFileName(p: LoadedProgramme, ext: 'docx' | 'pdf'): string {
	const words = `program wspolpracy ${p.content.office.name || p.row.titleOffice} ${p.row.yearFrom ?? ''} ${p.row.yearTo ?? ''}`;
	const base = foldForSearch(words)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 100);
	return `${base || 'program'}.${ext}`;
}

export function exportResponse(bytes: Uint8Array, p: LoadedProgramme, ext: 'docx' | 'pdf'): Response {
	return new Response(bytes as BodyInit, {
		headers: {
			'Content-Type': TYPES[ext],
			'Content-Disposition': `attachment; filename="${exportFileName(p, ext)}"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
