// What the public survey pages show: the list of open surveys and the form's data for one respondent.
import { answersToFields, readAnswers, type AnswerErrorCode, type Fields } from './answers';
import type { Survey } from './catalogue';
import { getSurveys } from './index';
import {
	checkRespondent,
	closesAt,
	getSettings,
	isOpen,
	loadOwnResponse,
	saveResponse,
	type Respondent
} from './responses';

export function listOpenSurveys() {
	return getSurveys()
		.filter((s) => s.kind === 'diagnosis' && isOpen(s, getSettings(s)))
		.map((s) => ({
			slug: s.slug,
			title: s.title,
			titleEn: s.title_en ?? s.title,
			access: s.access,
			closes: closesAt(s)
		}));
}

/** The survey without its report rules: what a respondent's page needs. */
export function publicSurvey(survey: Survey) {
	return {
		slug: survey.slug,
		title: survey.title,
		kind: survey.kind,
		intro: survey.intro,
		access: survey.access,
		sections: survey.sections
	};
}

export interface FormState {
	open: boolean;
	closes: Date | null;
	anonymous: boolean;
	office: string | null;
	fields: Fields;
	submittedAt: Date | null;
}

export function formState(survey: Survey, respondent: Respondent | null): FormState {
	const settings = getSettings(survey);
	const { office } = respondent ? checkRespondent(survey, respondent) : { office: null };
	const own = respondent ? loadOwnResponse(survey, respondent) : null;
	return {
		open: isOpen(survey, settings),
		closes: closesAt(survey),
		anonymous: settings.anonymous,
		office,
		fields: answersToFields(survey.questions, own?.answers ?? {}),
		submittedAt: own?.submittedAt ?? null
	};
}

export type FormSaveResult =
	| { ok: true; submitted: boolean; skipped: string[]; problems: Record<string, AnswerErrorCode> }
	| { ok: false; errors: Record<string, AnswerErrorCode> };

/**
 * Saves the whole form. `lenient` (autosave): answers with a problem are skipped and reported, the rest saved;
 * otherwise (the form's buttons) any problem refuses the post and nothing is written.
 */
export function saveForm(
	survey: Survey,
	respondent: Respondent,
	fields: Fields,
	options: { submit: boolean; lenient: boolean }
): FormSaveResult {
	// Who may answer is settled before any answer is read: a bad token is refused as such.
	checkRespondent(survey, respondent);
	const { values, errors } = readAnswers(survey.questions, (name) => fields[name] ?? []);
	const skipped = Object.keys(errors);
	if (skipped.length > 0 && !options.lenient) return { ok: false, errors };
	const result = saveResponse(survey, respondent, values, { submit: options.submit });
	if (!result.ok) return result;
	return { ok: true, submitted: result.submitted, skipped, problems: errors };
}
