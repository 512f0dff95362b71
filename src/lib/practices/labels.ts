// Labels of the fixed values of a case (forms of cooperation, regions, types of local government, statuses).
import { m } from '$lib/paraglide/messages';

export const FORM_KEYS = [
	'partnership-agreement',
	'project',
	'economic-mission',
	'study-visit',
	'investor-service',
	'exchange'
] as const;
export const REGION_KEYS = ['far-east', 'middle-east', 'other'] as const;
export const OFFICE_KEYS = ['gmina', 'powiat', 'wojewodztwo', 'inne'] as const;
export const STATUS_KEYS = ['pending', 'changes_requested', 'published', 'rejected'] as const;

type Locale = 'pl' | 'en';
type Labels = Record<string, (inputs?: Record<string, never>, options?: { locale?: Locale }) => string>;
/** The request's language, or `locale` when a document has its own (the programme export). */
const opts = (locale?: Locale) => (locale ? { locale } : undefined);

const FORM_LABELS: Labels = {
	'partnership-agreement': m.practices_form_partnership_agreement,
	project: m.practices_form_project,
	'economic-mission': m.practices_form_economic_mission,
	'study-visit': m.practices_form_study_visit,
	'investor-service': m.practices_form_investor_service,
	exchange: m.practices_form_exchange
};
const REGION_LABELS: Labels = {
	'far-east': m.practices_region_far_east,
	'middle-east': m.practices_region_middle_east,
	other: m.practices_region_other
};
const OFFICE_LABELS: Labels = {
	gmina: m.practices_office_gmina,
	powiat: m.practices_office_powiat,
	wojewodztwo: m.practices_office_wojewodztwo,
	inne: m.practices_office_inne
};
const STATUS_LABELS: Labels = {
	pending: m.practices_status_pending,
	changes_requested: m.practices_status_changes_requested,
	published: m.practices_status_published,
	rejected: m.practices_status_rejected
};

export const formLabel = (f: string): string => formLabelIn(undefined, f);
export const regionLabel = (r: string): string => regionLabelIn(undefined, r);
export const officeLabel = (t: string): string => officeLabelIn(undefined, t);
export const formLabelIn = (locale: Locale | undefined, f: string): string => FORM_LABELS[f]?.({}, opts(locale)) ?? f;
export const regionLabelIn = (locale: Locale | undefined, r: string): string =>
	REGION_LABELS[r]?.({}, opts(locale)) ?? r;
export const officeLabelIn = (locale: Locale | undefined, t: string): string =>
	OFFICE_LABELS[t]?.({}, opts(locale)) ?? t;
export const statusLabel = (s: string): string => STATUS_LABELS[s]?.() ?? s;

export function yearsLabel(c: { yearFrom?: number; yearTo?: number }): string {
	if (c.yearFrom && c.yearTo) return c.yearFrom === c.yearTo ? String(c.yearFrom) : `${c.yearFrom}–${c.yearTo}`;
	if (c.yearFrom) return m.practices_years_since({ year: c.yearFrom });
	if (c.yearTo) return m.practices_years_until({ year: c.yearTo });
	return m.practices_years_unknown();
}
