import { describe, expect, it } from 'vitest';
import { exportFileName } from '$lib/server/programmes/export-route';
import type { LoadedProgramme } from '$lib/server/programmes/store';

describe('exportFileName', () => {
	it('is plain ASCII from the office and years, Polish letters folded', () => {
		const p = {
			content: { office: { name: 'Gmina Źdźbło Łąckie' } },
			row: { titleOffice: 'Gminy Źdźbło Łąckie', yearFrom: 2027, yearTo: 2030 }
		} as unknown as LoadedProgramme;
		expect(exportFileName(p, 'docx')).toBe('program-wspolpracy-gmina-zdzblo-lackie-2027-2030.docx');
		const untitled = { content: { office: { name: '' } }, row: { titleOffice: '„”', yearFrom: null, yearTo: null } };
		expect(exportFileName(untitled as unknown as LoadedProgramme, 'pdf')).toBe('program-wspolpracy.pdf');
	});
});
