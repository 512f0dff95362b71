// Labels of the programme builder's fixed values (steps, budget sources, share roles), in the page's language.
import { m } from '$lib/paraglide/messages';
import type { BudgetSource, ProgrammeStep } from './model';

const STEPS: Record<ProgrammeStep, () => string> = {
	office: m.programmes_step_office,
	goals: m.programmes_step_goals,
	partners: m.programmes_step_partners,
	economy: m.programmes_step_economy,
	organisation: m.programmes_step_organisation,
	budget: m.programmes_step_budget,
	monitoring: m.programmes_step_monitoring
};
const SOURCES: Record<BudgetSource, (inputs?: Record<string, never>, options?: { locale?: 'pl' | 'en' }) => string> = {
	own: m.programmes_source_own,
	eu: m.programmes_source_eu,
	partners: m.programmes_source_partners,
	other: m.programmes_source_other
};

export const stepLabel = (s: ProgrammeStep): string => STEPS[s]();
/** In the page's language, or `locale` for a document with its own (the export). */
export const sourceLabelIn = (locale: 'pl' | 'en' | undefined, s: string): string =>
	SOURCES[s as BudgetSource]?.({}, locale ? { locale } : undefined) ?? s;
export const sourceLabel = (s: string): string => sourceLabelIn(undefined, s);
export const shareRoleLabel = (r: string): string =>
	r === 'edit' ? m.programmes_role_edit() : r === 'author' ? m.programmes_role_author() : m.programmes_role_view();
