import { describe, expect, it } from 'vitest';
import { asciiFilename, attachmentDisposition } from '../../src/lib/server/attachment';

describe('download names', () => {
	it('folds Polish letters for old browsers instead of cutting the word', () => {
		expect(asciiFilename('postępy-Grupa pilotażowa Małopolska.csv')).toBe('postepy-Grupa-pilotazowa-Malopolska.csv');
		expect(asciiFilename('Łódź – zgłoszenia.xlsx')).toBe('Lodz-zgloszenia.xlsx');
	});

	it('keeps the exact name beside it', () => {
		expect(attachmentDisposition('Łódź.csv')).toBe(
			`attachment; filename="Lodz.csv"; filename*=UTF-8''${encodeURIComponent('Łódź.csv')}`
		);
	});
});
