// The programme of international cooperation an office drafts in the programme builder (/programmes): the one
// shape the editor, the readiness checks, the autosave, the .docx/PDF export and the public gallery share.
// Pure data, no imports from the server, so the page and the export read the same type.
import { FORM_KEYS, REGION_KEYS } from '$lib/practices/labels';

export const PROGRAMME_OFFICE_TYPES = ['gmina', 'powiat', 'wojewodztwo'] as const;
export type ProgrammeOfficeType = (typeof PROGRAMME_OFFICE_TYPES)[number];

/** The seven steps, in the order of the exported document's chapters. Steps may be done in any order. */
export const PROGRAMME_STEPS = [
	'office',
	'goals',
	'partners',
	'economy',
	'organisation',
	'budget',
	'monitoring'
] as const;
export type ProgrammeStep = (typeof PROGRAMME_STEPS)[number];

/** Forms of cooperation and partner regions: the same fixed values as the good-practice library, so a step can
 * show the cases that did the same thing and the gallery filters by the same words. */
export const PROGRAMME_FORMS = FORM_KEYS;
export type ProgrammeForm = (typeof PROGRAMME_FORMS)[number];
export const PROGRAMME_REGIONS = REGION_KEYS;
export type ProgrammeRegion = (typeof PROGRAMME_REGIONS)[number];

export const BUDGET_SOURCES = ['own', 'eu', 'partners', 'other'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

/** Rows of a list (goals, indicators, partners, budget lines, risks) carry a stable id so two editors can tell
 * them apart and the page can key them; the id is made by the client or the server (short random text). */
export interface Indicator {
	id: string;
	name: string;
	baseline: string;
	target: string;
	source: string;
}

export interface OperationalGoal {
	id: string;
	title: string;
	indicators: Indicator[];
}

export interface StrategicGoal {
	id: string;
	title: string;
	operational: OperationalGoal[];
}

export interface PartnerPriority {
	id: string;
	/** A country or a region in the person's words ("Prowincja Syczuan, Chiny"). */
	name: string;
	region: ProgrammeRegion | '';
	reason: string;
	forms: ProgrammeForm[];
}

export interface BudgetLine {
	id: string;
	year: number | null;
	source: BudgetSource | '';
	/** Whole złoty; null until typed. */
	amount: number | null;
	purpose: string;
}

export interface Risk {
	id: string;
	risk: string;
	mitigation: string;
}

export interface ProgrammeContent {
	office: {
		name: string;
		type: ProgrammeOfficeType | '';
		/** Inhabitants, as the person gives it (a number). */
		population: number | null;
		currentPartners: string;
		currentForms: string;
		currentResults: string;
	};
	years: { from: number | null; to: number | null };
	strategicGoals: StrategicGoal[];
	partners: PartnerPriority[];
	/** Forms of cooperation the programme uses in general (each partner may name its own too). */
	forms: ProgrammeForm[];
	economy: {
		investorService: string;
		exportPromotion: string;
		economicMissions: string;
		fairs: string;
	};
	organisation: {
		coordinator: string;
		departments: string;
		councilRole: string;
		headRole: string;
		consultation: string;
	};
	budget: BudgetLine[];
	risks: Risk[];
	monitoring: {
		/** Who writes the yearly report to the council, and by when ("do 31 marca każdego roku"). */
		reportResponsible: string;
		reportDeadline: string;
		evaluation: string;
	};
	/** The optional draft council resolution (projekt uchwały) that adopts the programme as its annex. */
	resolution: { include: boolean; councilName: string };
}

export function emptyProgramme(): ProgrammeContent {
	return {
		office: {
			name: '',
			type: '',
			population: null,
			currentPartners: '',
			currentForms: '',
			currentResults: ''
		},
		years: { from: null, to: null },
		strategicGoals: [],
		partners: [],
		forms: [],
		economy: { investorService: '', exportPromotion: '', economicMissions: '', fairs: '' },
		organisation: {
			coordinator: '',
			departments: '',
			councilRole: '',
			headRole: '',
			consultation: ''
		},
		budget: [],
		risks: [],
		monitoring: { reportResponsible: '', reportDeadline: '', evaluation: '' },
		resolution: { include: false, councilName: '' }
	};
}
