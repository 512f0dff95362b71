// One step's form -> the step's part of the programme (pure). The same field names serve the form without
// JavaScript (FormData) and the autosave (JSON pairs), so both save the same way. A row (goal, indicator, partner,
// budget line, risk) whose text fields are all empty is dropped: that is how a row is removed, and why the page
// can always show one blank row to fill in. Any invalid field refuses the whole save (nothing is written).
import {
	BUDGET_SOURCES,
	PROGRAMME_FORMS,
	PROGRAMME_OFFICE_TYPES,
	PROGRAMME_REGIONS,
	type BudgetLine,
	type Indicator,
	type OperationalGoal,
	type PartnerPriority,
	type ProgrammeContent,
	type ProgrammeForm,
	type ProgrammeStep,
	type Risk,
	type StrategicGoal
} from '../../programmes/model';
import { unsafeDocumentTextReason } from '../forms/fields';
import { randomId } from '../ids';

export const SHORT = 300;
export const LONG = 4000;
export const MAX_ROWS = 40;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
/** The most field pairs one save may send: the longest real step has a few hundred. More is refused (413). */
export const MAX_PAIRS = 5000;
/** The most bytes one save may send (autosave JSON or the form without JavaScript). */
export const MAX_BYTES = 256 * 1024;

/** Error codes by field name: required, text_control, text_invisible, too_long, number_invalid, year_invalid, option_invalid. */
export type StepErrors = Record<string, string>;

export type FieldPairs = [string, string][];

/**
 * FormData or JSON pairs -> pairs of strings (files and non-strings dropped). Stops after MAX_PAIRS + 1 pairs:
 * a caller refuses `tooManyPairs` without reading the rest.
 */
export function pairsOf(input: FormData | unknown[]): FieldPairs {
	const out: FieldPairs = [];
	const entries = input instanceof FormData ? input.entries() : input;
	for (const e of entries) {
		if (out.length > MAX_PAIRS) break;
		if (!Array.isArray(e) || e.length !== 2) continue;
		const [k, v] = e;
		if (typeof k === 'string' && typeof v === 'string') out.push([k, v]);
	}
	return out;
}

export const tooManyPairs = (pairs: FieldPairs) => pairs.length > MAX_PAIRS;

/**
 * Row indexes by prefix, read from every key once: "g.1.o.2.k.3.name" adds 1 under "g.", 2 under "g.1.o." and 3
 * under "g.1.o.2.k.". Keys deeper than any real field are skipped, so indexing is linear in the keys.
 */
function rowIndex(keys: Iterable<string>): Map<string, Set<number>> {
	const index = new Map<string, Set<number>>();
	for (const k of keys) {
		const parts = k.split('.', 9);
		if (parts.length > 8) continue;
		let prefix = '';
		for (let i = 0; i < parts.length - 1; i++) {
			if (i > 0 && /^\d{1,3}$/.test(parts[i])) {
				let set = index.get(prefix);
				if (!set) index.set(prefix, (set = new Set()));
				set.add(Number(parts[i]));
			}
			prefix += `${parts[i]}.`;
		}
	}
	return index;
}

const sortedRows = (found: Set<number> | undefined) => [...(found ?? [])].sort((a, b) => a - b).slice(0, MAX_ROWS);

class Reader {
	map = new Map<string, string[]>();
	errors: StepErrors = {};
	private index: Map<string, Set<number>>;
	constructor(pairs: FieldPairs) {
		for (const [k, v] of pairs) {
			const list = this.map.get(k);
			if (list) list.push(v);
			else this.map.set(k, [v]);
		}
		this.index = rowIndex(this.map.keys());
	}
	raw(name: string): string {
		// Text pasted from Word may carry its line and page breaks as control characters (U+000B, U+000C).
		// eslint-disable-next-line no-control-regex -- exactly these two control characters become new lines
		return (this.map.get(name)?.[0] ?? '').replace(/\r\n/g, '\n').replace(/[\u000b\u000c]/g, '\n');
	}
	text(name: string, max: number): string {
		const s = this.raw(name).trim();
		if (s.length > max) this.errors[name] = `too_long:${max}`;
		else {
			const reason = s ? unsafeDocumentTextReason(s) : null;
			if (reason) this.errors[name] = reason;
		}
		return s;
	}
	int(name: string, min: number, max: number, code = 'number_invalid'): number | null {
		const s = this.raw(name).replace(/[\s\u00a0]/g, '');
		if (s === '') return null;
		if (!/^\d{1,13}$/.test(s) || Number(s) < min || Number(s) > max) {
			this.errors[name] = code;
			return null;
		}
		return Number(s);
	}
	option<T extends string>(name: string, options: readonly T[]): T | '' {
		const s = this.raw(name).trim();
		if (s === '') return '';
		if (!(options as readonly string[]).includes(s)) {
			this.errors[name] = 'option_invalid';
			return '';
		}
		return s as T;
	}
	options<T extends string>(name: string, options: readonly T[]): T[] {
		const all = this.map.get(name) ?? [];
		const bad = all.filter((v) => !(options as readonly string[]).includes(v));
		if (bad.length) this.errors[name] = 'option_invalid';
		return options.filter((o) => all.includes(o));
	}
	/** A row's id: kept when it looks like one of ours, else a new one. */
	id(name: string): string {
		const s = this.raw(name);
		return /^[a-z0-9]{4,32}$/.test(s) ? s : randomId(8);
	}
	/** Row indexes present under a prefix ("g." -> 0, 1, ...), in order, at most MAX_ROWS. */
	rows(prefix: string): number[] {
		return sortedRows(this.index.get(prefix));
	}
}

const anyText = (...s: (string | number | null)[]) => s.some((x) => x !== null && x !== '');

function readIndicators(r: Reader, prefix: string): Indicator[] {
	const out: Indicator[] = [];
	for (const k of r.rows(`${prefix}k.`)) {
		const p = `${prefix}k.${k}.`;
		const row = {
			id: r.id(`${p}id`),
			name: r.text(`${p}name`, SHORT),
			baseline: r.text(`${p}baseline`, SHORT),
			target: r.text(`${p}target`, SHORT),
			source: r.text(`${p}source`, SHORT)
		};
		if (anyText(row.name, row.baseline, row.target, row.source)) out.push(row);
	}
	return out;
}

function readGoals(r: Reader): StrategicGoal[] {
	const out: StrategicGoal[] = [];
	for (const i of r.rows('g.')) {
		const p = `g.${i}.`;
		const operational: OperationalGoal[] = [];
		for (const j of r.rows(`${p}o.`)) {
			const q = `${p}o.${j}.`;
			const op = { id: r.id(`${q}id`), title: r.text(`${q}title`, SHORT), indicators: readIndicators(r, q) };
			if (op.title || op.indicators.length) operational.push(op);
		}
		const goal = { id: r.id(`${p}id`), title: r.text(`${p}title`, SHORT), operational };
		if (goal.title || operational.length) out.push(goal);
	}
	return out;
}

function readPartners(r: Reader): PartnerPriority[] {
	const out: PartnerPriority[] = [];
	for (const i of r.rows('p.')) {
		const p = `p.${i}.`;
		const row = {
			id: r.id(`${p}id`),
			name: r.text(`${p}name`, SHORT),
			region: r.option(`${p}region`, PROGRAMME_REGIONS),
			reason: r.text(`${p}reason`, LONG),
			forms: r.options(`${p}forms`, PROGRAMME_FORMS) as ProgrammeForm[]
		};
		if (anyText(row.name, row.reason)) out.push(row);
	}
	return out;
}

function readBudget(r: Reader): BudgetLine[] {
	const out: BudgetLine[] = [];
	for (const i of r.rows('b.')) {
		const p = `b.${i}.`;
		const row = {
			id: r.id(`${p}id`),
			year: r.int(`${p}year`, YEAR_MIN, YEAR_MAX, 'year_invalid'),
			source: r.option(`${p}source`, BUDGET_SOURCES),
			amount: r.int(`${p}amount`, 0, 1e12),
			purpose: r.text(`${p}purpose`, SHORT)
		};
		if (anyText(row.year, row.amount, row.purpose)) out.push(row);
	}
	return out;
}

function readRisks(r: Reader): Risk[] {
	const out: Risk[] = [];
	for (const i of r.rows('r.')) {
		const p = `r.${i}.`;
		const row = { id: r.id(`${p}id`), risk: r.text(`${p}risk`, LONG), mitigation: r.text(`${p}mitigation`, LONG) };
		if (anyText(row.risk, row.mitigation)) out.push(row);
	}
	return out;
}

export interface StepUpdate {
	/** The programme with this step's part replaced. */
	apply: (c: ProgrammeContent) => ProgrammeContent;
	/** Step 1 also sets the title's office part ("Gminy Przykładowej"). */
	titleOffice?: string;
}

export type StepParse = { ok: true; update: StepUpdate } | { ok: false; errors: StepErrors };

/** Reads one step's fields. */
export function parseStep(step: ProgrammeStep, pairs: FieldPairs): StepParse {
	const r = new Reader(pairs);
	let update: StepUpdate;
	switch (step) {
		case 'office': {
			const office = {
				name: r.text('office.name', SHORT),
				type: r.option('office.type', PROGRAMME_OFFICE_TYPES),
				population: r.int('office.population', 0, 100_000_000),
				currentPartners: r.text('office.currentPartners', LONG),
				currentForms: r.text('office.currentForms', LONG),
				currentResults: r.text('office.currentResults', LONG)
			};
			const years = {
				from: r.int('years.from', YEAR_MIN, YEAR_MAX, 'year_invalid'),
				to: r.int('years.to', YEAR_MIN, YEAR_MAX, 'year_invalid')
			};
			const titleOffice = r.text('title.office', SHORT);
			// The title needs the office's name in the genitive ("Gminy Przykładowej"), which only a person can write:
			// an emptied field is refused (a field left out of the form keeps the title as it was).
			if (!titleOffice && r.map.has('title.office')) r.errors['title.office'] = 'required';
			update = { apply: (c) => ({ ...c, office, years }), titleOffice: titleOffice || undefined };
			break;
		}
		case 'goals': {
			const strategicGoals = readGoals(r);
			update = { apply: (c) => ({ ...c, strategicGoals }) };
			break;
		}
		case 'partners': {
			const partners = readPartners(r);
			const forms = r.options('forms', PROGRAMME_FORMS) as ProgrammeForm[];
			update = { apply: (c) => ({ ...c, partners, forms }) };
			break;
		}
		case 'economy': {
			const economy = {
				investorService: r.text('economy.investorService', LONG),
				exportPromotion: r.text('economy.exportPromotion', LONG),
				economicMissions: r.text('economy.economicMissions', LONG),
				fairs: r.text('economy.fairs', LONG)
			};
			update = { apply: (c) => ({ ...c, economy }) };
			break;
		}
		case 'organisation': {
			const organisation = {
				coordinator: r.text('organisation.coordinator', LONG),
				departments: r.text('organisation.departments', LONG),
				councilRole: r.text('organisation.councilRole', LONG),
				headRole: r.text('organisation.headRole', LONG),
				consultation: r.text('organisation.consultation', LONG)
			};
			update = { apply: (c) => ({ ...c, organisation }) };
			break;
		}
		case 'budget': {
			const budget = readBudget(r);
			const risks = readRisks(r);
			update = { apply: (c) => ({ ...c, budget, risks }) };
			break;
		}
		case 'monitoring': {
			const monitoring = {
				reportResponsible: r.text('monitoring.reportResponsible', LONG),
				reportDeadline: r.text('monitoring.reportDeadline', SHORT),
				evaluation: r.text('monitoring.evaluation', LONG)
			};
			const resolution = {
				include: r.raw('resolution.include') === 'on',
				councilName: r.text('resolution.councilName', SHORT)
			};
			update = { apply: (c) => ({ ...c, monitoring, resolution }) };
			break;
		}
	}
	if (Object.keys(r.errors).length) return { ok: false, errors: r.errors };
	return { ok: true, update };
}

/** The content read back from storage, with anything missing filled from the empty shape (older rows, demo). */
export function normaliseContent(raw: unknown, empty: ProgrammeContent): ProgrammeContent {
	const c = (raw && typeof raw === 'object' ? raw : {}) as Partial<ProgrammeContent>;
	return {
		...empty,
		...c,
		office: { ...empty.office, ...(c.office ?? {}) },
		years: { ...empty.years, ...(c.years ?? {}) },
		economy: { ...empty.economy, ...(c.economy ?? {}) },
		organisation: { ...empty.organisation, ...(c.organisation ?? {}) },
		monitoring: { ...empty.monitoring, ...(c.monitoring ?? {}) },
		resolution: { ...empty.resolution, ...(c.resolution ?? {}) }
	};
}

export type Fields = Record<string, string[]>;

/**
 * The sent fields, to draw the form again. No prototype: a field called "constructor" or "toString" is data. No
 * form field is called "__proto__", and the page data cannot carry that key (devalue refuses it): it is dropped.
 */
export function fieldsFromPairs(pairs: FieldPairs): Fields {
	const out = Object.create(null) as Fields;
	for (const [k, v] of pairs) {
		if (k === '__proto__') continue;
		if (!Object.hasOwn(out, k)) out[k] = [];
		out[k].push(v.slice(0, LONG + 10));
	}
	return out;
}

const str = (v: string | number | null) => (v === null ? '' : String(v));

/** The step's part of the programme as form fields (the inverse of parseStep), to draw the form. */
export function fieldsFromContent(step: ProgrammeStep, c: ProgrammeContent, titleOffice: string): Fields {
	const f: Fields = {};
	const set = (k: string, v: string | number | null) => (f[k] = [str(v)]);
	switch (step) {
		case 'office':
			set('title.office', titleOffice);
			for (const [k, v] of Object.entries(c.office)) set(`office.${k}`, v);
			set('years.from', c.years.from);
			set('years.to', c.years.to);
			break;
		case 'goals':
			c.strategicGoals.forEach((g, i) => {
				set(`g.${i}.id`, g.id);
				set(`g.${i}.title`, g.title);
				g.operational.forEach((o, j) => {
					set(`g.${i}.o.${j}.id`, o.id);
					set(`g.${i}.o.${j}.title`, o.title);
					o.indicators.forEach((ind, k) => {
						for (const key of ['id', 'name', 'baseline', 'target', 'source'] as const)
							set(`g.${i}.o.${j}.k.${k}.${key}`, ind[key]);
					});
				});
			});
			break;
		case 'partners':
			c.partners.forEach((p, i) => {
				for (const key of ['id', 'name', 'region', 'reason'] as const) set(`p.${i}.${key}`, p[key]);
				f[`p.${i}.forms`] = [...p.forms];
			});
			f.forms = [...c.forms];
			break;
		case 'economy':
			for (const [k, v] of Object.entries(c.economy)) set(`economy.${k}`, v);
			break;
		case 'organisation':
			for (const [k, v] of Object.entries(c.organisation)) set(`organisation.${k}`, v);
			break;
		case 'budget':
			c.budget.forEach((b, i) => {
				for (const key of ['id', 'year', 'source', 'amount', 'purpose'] as const) set(`b.${i}.${key}`, b[key]);
			});
			c.risks.forEach((r, i) => {
				for (const key of ['id', 'risk', 'mitigation'] as const) set(`r.${i}.${key}`, r[key]);
			});
			break;
		case 'monitoring':
			for (const [k, v] of Object.entries(c.monitoring)) set(`monitoring.${k}`, v);
			if (c.resolution.include) f['resolution.include'] = ['on'];
			set('resolution.councilName', c.resolution.councilName);
			break;
	}
	return f;
}

/** Row indexes to draw: the rows the fields have, plus one blank row at the end of every list. */
export interface RowShape {
	goals: { i: number; ops: { j: number; inds: number[] }[] }[];
	partners: number[];
	budget: number[];
	risks: number[];
}

export function rowShape(f: Fields): RowShape {
	const index = rowIndex(Object.keys(f));
	const indexes = (_: Fields, prefix: string): number[] => {
		const list = sortedRows(index.get(prefix));
		return [...list, list.length ? list[list.length - 1] + 1 : 0];
	};
	return {
		goals: indexes(f, 'g.').map((i) => ({
			i,
			ops: indexes(f, `g.${i}.o.`).map((j) => ({ j, inds: indexes(f, `g.${i}.o.${j}.k.`) }))
		})),
		partners: indexes(f, 'p.'),
		budget: indexes(f, 'b.'),
		risks: indexes(f, 'r.')
	};
}
