// Readiness checks (pure): a step is "ready" when its required parts are there. The checks help, they never block
// saving: the overview lists what is missing, each with the step it belongs to and the row it is about.
import { PROGRAMME_STEPS, type ProgrammeContent, type ProgrammeStep } from '../../programmes/model';

export type MissingCode =
	| 'office_name'
	| 'office_type'
	| 'years'
	| 'years_order'
	| 'current_state'
	| 'no_strategic_goal'
	| 'strategic_without_title'
	| 'strategic_without_operational'
	| 'operational_without_title'
	| 'operational_without_indicator'
	| 'indicator_incomplete'
	| 'no_partner'
	| 'partner_without_name'
	| 'partner_without_reason'
	| 'no_forms'
	| 'economy_empty'
	| 'coordinator'
	| 'council_role'
	| 'head_role'
	| 'consultation'
	| 'no_budget'
	| 'budget_without_year'
	| 'budget_without_source'
	| 'budget_without_amount'
	| 'no_risk'
	| 'risk_without_mitigation'
	| 'report_responsible'
	| 'report_deadline'
	| 'evaluation';

export interface Missing {
	step: ProgrammeStep;
	code: MissingCode;
	/** The row the item is about (a goal's title, a partner's name), or its position when it has no name yet. */
	subject?: string;
}

export interface StepReadiness {
	step: ProgrammeStep;
	ready: boolean;
	missing: Missing[];
}

const blank = (s: string | null | undefined) => !s || s.trim() === '';
const named = (text: string, n: number) => (blank(text) ? `#${n}` : text.trim());

function office(c: ProgrammeContent): Missing[] {
	const out: Missing[] = [];
	const add = (code: MissingCode) => out.push({ step: 'office', code });
	if (blank(c.office.name)) add('office_name');
	if (!c.office.type) add('office_type');
	if (c.years.from === null || c.years.to === null) add('years');
	else if (c.years.from > c.years.to) add('years_order');
	if (blank(c.office.currentPartners) && blank(c.office.currentForms) && blank(c.office.currentResults))
		add('current_state');
	return out;
}

function goals(c: ProgrammeContent): Missing[] {
	const out: Missing[] = [];
	if (c.strategicGoals.length === 0) return [{ step: 'goals', code: 'no_strategic_goal' }];
	c.strategicGoals.forEach((g, i) => {
		const gName = named(g.title, i + 1);
		if (blank(g.title)) out.push({ step: 'goals', code: 'strategic_without_title', subject: gName });
		if (g.operational.length === 0) out.push({ step: 'goals', code: 'strategic_without_operational', subject: gName });
		g.operational.forEach((o, j) => {
			const oName = named(o.title, j + 1);
			if (blank(o.title)) out.push({ step: 'goals', code: 'operational_without_title', subject: oName });
			if (o.indicators.length === 0) out.push({ step: 'goals', code: 'operational_without_indicator', subject: oName });
			o.indicators.forEach((ind, k) => {
				if ([ind.name, ind.baseline, ind.target, ind.source].some(blank))
					out.push({ step: 'goals', code: 'indicator_incomplete', subject: named(ind.name, k + 1) });
			});
		});
	});
	return out;
}

function partners(c: ProgrammeContent): Missing[] {
	const out: Missing[] = [];
	if (c.partners.length === 0) out.push({ step: 'partners', code: 'no_partner' });
	c.partners.forEach((p, i) => {
		if (blank(p.name)) out.push({ step: 'partners', code: 'partner_without_name', subject: named(p.name, i + 1) });
		if (blank(p.reason)) out.push({ step: 'partners', code: 'partner_without_reason', subject: named(p.name, i + 1) });
	});
	if (c.forms.length === 0 && !c.partners.some((p) => p.forms.length > 0))
		out.push({ step: 'partners', code: 'no_forms' });
	return out;
}

function economy(c: ProgrammeContent): Missing[] {
	const e = c.economy;
	return [e.investorService, e.exportPromotion, e.economicMissions, e.fairs].every(blank)
		? [{ step: 'economy', code: 'economy_empty' }]
		: [];
}

function organisation(c: ProgrammeContent): Missing[] {
	const o = c.organisation;
	const out: Missing[] = [];
	if (blank(o.coordinator)) out.push({ step: 'organisation', code: 'coordinator' });
	if (blank(o.councilRole)) out.push({ step: 'organisation', code: 'council_role' });
	if (blank(o.headRole)) out.push({ step: 'organisation', code: 'head_role' });
	if (blank(o.consultation)) out.push({ step: 'organisation', code: 'consultation' });
	return out;
}

function budget(c: ProgrammeContent): Missing[] {
	const out: Missing[] = [];
	if (c.budget.length === 0) out.push({ step: 'budget', code: 'no_budget' });
	c.budget.forEach((b, i) => {
		const subject = named(b.purpose, i + 1);
		if (b.year === null) out.push({ step: 'budget', code: 'budget_without_year', subject });
		if (!b.source) out.push({ step: 'budget', code: 'budget_without_source', subject });
		if (b.amount === null) out.push({ step: 'budget', code: 'budget_without_amount', subject });
	});
	if (c.risks.length === 0) out.push({ step: 'budget', code: 'no_risk' });
	c.risks.forEach((r, i) => {
		if (blank(r.mitigation))
			out.push({ step: 'budget', code: 'risk_without_mitigation', subject: named(r.risk, i + 1) });
	});
	return out;
}

function monitoring(c: ProgrammeContent): Missing[] {
	const m = c.monitoring;
	const out: Missing[] = [];
	if (blank(m.reportResponsible)) out.push({ step: 'monitoring', code: 'report_responsible' });
	if (blank(m.reportDeadline)) out.push({ step: 'monitoring', code: 'report_deadline' });
	if (blank(m.evaluation)) out.push({ step: 'monitoring', code: 'evaluation' });
	return out;
}

const CHECKS: Record<ProgrammeStep, (c: ProgrammeContent) => Missing[]> = {
	office,
	goals,
	partners,
	economy,
	organisation,
	budget,
	monitoring
};

export function stepReadiness(c: ProgrammeContent, step: ProgrammeStep): StepReadiness {
	const missing = CHECKS[step](c);
	return { step, ready: missing.length === 0, missing };
}

/** Every step in the document's order. */
export function readiness(c: ProgrammeContent): StepReadiness[] {
	return PROGRAMME_STEPS.map((s) => stepReadiness(c, s));
}

export function allMissing(c: ProgrammeContent): Missing[] {
	return readiness(c).flatMap((r) => r.missing);
}
