// Translated messages for survey refusals and answer problems (routes only: this file uses the Paraglide messages).
import { m } from '$lib/paraglide/messages';
import type { AnswerErrorCode } from './answers';
import type { SurveyErrorCode } from './responses';

const SURVEY: Record<SurveyErrorCode, () => string> = {
	not_found: () => m.survey_error_not_found(),
	closed: () => m.survey_error_closed(),
	token_required: () => m.survey_error_token_required(),
	token_invalid: () => m.survey_error_token_invalid(),
	bad_request: () => m.survey_error_bad_request(),
	too_large: () => m.survey_error_too_large(),
	anonymous_locked: () => m.survey_error_anonymous_locked()
};

const ANSWER: Record<AnswerErrorCode, () => string> = {
	required: () => m.survey_answer_required(),
	incomplete: () => m.survey_answer_incomplete(),
	invalid_option: () => m.survey_answer_invalid_option(),
	other_text: () => m.survey_answer_other_text(),
	too_many: () => m.survey_answer_too_many(),
	number_invalid: () => m.survey_answer_number_invalid(),
	number_range: () => m.survey_answer_number_range(),
	number_integer: () => m.survey_answer_number_integer(),
	too_long: () => m.survey_answer_too_long(),
	ranking_duplicate: () => m.survey_answer_ranking_duplicate()
};

export const surveyErrorMessage = (code: SurveyErrorCode) => SURVEY[code]();

export function answerErrors(errors: Record<string, AnswerErrorCode>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([id, code]) => [id, ANSWER[code]()]));
}

/** Labels the aggregation needs in the UI language. */
export const resultLabels = () => ({ other: m.survey_other_option(), merged: m.survey_breakdown_merged() });
