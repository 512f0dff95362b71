// Translations of the programme builder's codes (readiness, field errors, refusals) into the page's language.
import { m } from '$lib/paraglide/messages';
import type { MissingCode } from './readiness';
import type { ProgrammeErrorCode } from './store';

const MISSING: Record<MissingCode, () => string> = {
	office_name: m.programmes_missing_office_name,
	office_type: m.programmes_missing_office_type,
	years: m.programmes_missing_years,
	years_order: m.programmes_missing_years_order,
	current_state: m.programmes_missing_current_state,
	no_strategic_goal: m.programmes_missing_no_strategic_goal,
	strategic_without_title: m.programmes_missing_strategic_without_title,
	strategic_without_operational: m.programmes_missing_strategic_without_operational,
	operational_without_title: m.programmes_missing_operational_without_title,
	operational_without_indicator: m.programmes_missing_operational_without_indicator,
	indicator_incomplete: m.programmes_missing_indicator_incomplete,
	no_partner: m.programmes_missing_no_partner,
	partner_without_name: m.programmes_missing_partner_without_name,
	partner_without_reason: m.programmes_missing_partner_without_reason,
	no_forms: m.programmes_missing_no_forms,
	economy_empty: m.programmes_missing_economy_empty,
	coordinator: m.programmes_missing_coordinator,
	council_role: m.programmes_missing_council_role,
	head_role: m.programmes_missing_head_role,
	consultation: m.programmes_missing_consultation,
	no_budget: m.programmes_missing_no_budget,
	budget_without_year: m.programmes_missing_budget_without_year,
	budget_without_source: m.programmes_missing_budget_without_source,
	budget_without_amount: m.programmes_missing_budget_without_amount,
	no_risk: m.programmes_missing_no_risk,
	risk_without_mitigation: m.programmes_missing_risk_without_mitigation,
	report_responsible: m.programmes_missing_report_responsible,
	report_deadline: m.programmes_missing_report_deadline,
	evaluation: m.programmes_missing_evaluation
};

export function missingText(code: MissingCode, subject?: string): string {
	const text = MISSING[code]();
	return subject ? `${text}: ${subject}` : text;
}

export function fieldErrorText(code: string): string {
	if (code.startsWith('too_long:')) return m.error_too_long({ max: Number(code.slice(9)) });
	if (code === 'required') return m.error_required();
	if (code === 'text_invalid') return m.error_text_invalid();
	if (code === 'text_control') return m.programmes_error_control();
	if (code === 'text_invisible') return m.error_text_invisible();
	if (code === 'year_invalid') return m.programmes_error_year();
	if (code === 'number_invalid') return m.programmes_error_number();
	return m.programmes_error_option();
}

export function translateErrors(errors: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, fieldErrorText(v)]));
}

export function programmeErrorText(code: ProgrammeErrorCode): string {
	switch (code) {
		case 'consent_required':
			return m.programmes_error_consent();
		case 'not_published':
			return m.programmes_error_not_published();
		case 'self_share':
			return m.programmes_error_self_share();
		case 'too_many_shares':
			return m.programmes_error_too_many_shares();
		case 'too_many_comments':
			return m.programmes_error_too_many_comments();
		case 'withdrawn':
			return m.programmes_error_withdrawn();
		case 'forbidden':
			return m.programmes_error_forbidden();
		default:
			return m.programmes_error_not_found();
	}
}
