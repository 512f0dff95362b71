import { describe, expect, it } from 'vitest';
import { readAutosave } from '$lib/server/surveys/autosave-request';
import { SurveyError } from '$lib/server/surveys/responses';

const post = (body: unknown) =>
	new Request('http://localhost/surveys/x/answer', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});

describe('survey autosave request', () => {
	it('refuses fields whose name is not a string (a 400, never a TypeError)', async () => {
		await expect(readAutosave(post({ fields: [[1, 'x']] }))).rejects.toBeInstanceOf(SurveyError);
		await expect(readAutosave(post({ fields: [[null, 'x']] }))).rejects.toBeInstanceOf(SurveyError);
	});

	it('reads well-formed fields', async () => {
		const read = await readAutosave(post({ t: 'abc', fields: [['q1', 'tak']] }));
		expect(read.t).toBe('abc');
	});
});
