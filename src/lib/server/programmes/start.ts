// A new draft: step 1 pre-filled from the person's diagnosis answers when they paste their office's survey link.
import { m } from '$lib/paraglide/messages';
import { emptyProgramme, type ProgrammeContent } from '../../programmes/model';
import { getSurvey } from '../surveys';
import { loadOwnResponse, SurveyError } from '../surveys/responses';
import { contentFromDiagnosis, DIAGNOSIS_SLUG, tokenFromLink, type OptionTexts } from './prefill';

export type Start = { ok: true; content: ProgrammeContent; prefilled: boolean } | { ok: false; message: string };

export function draftFromDiagnosis(link: string, officeName: string): Start {
	if (!link.trim()) return { ok: true, content: emptyProgramme(), prefilled: false };
	const token = tokenFromLink(link);
	const survey = getSurvey(DIAGNOSIS_SLUG);
	if (!token || !survey) return { ok: false, message: m.programmes_error_survey_link() };
	try {
		const response = loadOwnResponse(survey, { kind: 'token', token });
		if (!response) return { ok: false, message: m.programmes_error_survey_empty() };
		const texts: OptionTexts = {};
		for (const q of survey.questions)
			if ('options' in q && Array.isArray(q.options))
				texts[q.id] = Object.fromEntries(q.options.map((o: { id: string; text: string }) => [o.id, o.text]));
		return { ok: true, content: contentFromDiagnosis(response.answers, texts, officeName), prefilled: true };
	} catch (e) {
		if (e instanceof SurveyError) return { ok: false, message: m.programmes_error_survey_link() };
		throw e;
	}
}
