// Step 1 pre-filled from the needs-diagnosis survey (surveys/diagnoza-wspolpracy-zagranicznej.yaml). The survey is
// answered through an office's token link and is anonymous: a response carries no user id or e-mail, so nothing
// links a signed-in person to a response. The person may paste their office's survey link (or its code): whoever
// holds the link can already open and edit those answers, so reading them here shows nothing new. Without a link,
// the office's name comes from the person's account (organisation) and its type is read from the name.
import {
	emptyProgramme,
	type ProgrammeContent,
	type ProgrammeForm,
	type ProgrammeOfficeType
} from '../../programmes/model';

export const DIAGNOSIS_SLUG = 'diagnoza-wspolpracy-zagranicznej';

/** The survey's option texts, so the current state reads as the person ticked it. */
export interface OptionTexts {
	[questionId: string]: Record<string, string>;
}

const TYPE: Record<string, ProgrammeOfficeType> = {
	'gmina-wiejska': 'gmina',
	'gmina-miejsko-wiejska': 'gmina',
	'gmina-miejska': 'gmina',
	'miasto-na-prawach-powiatu': 'gmina',
	powiat: 'powiat',
	wojewodztwo: 'wojewodztwo'
};

const FORM: Record<string, ProgrammeForm> = {
	porozumienia: 'partnership-agreement',
	projekty: 'project',
	'misje-gospodarcze': 'economic-mission',
	'wizyty-studyjne': 'study-visit',
	'obsluga-inwestorow': 'investor-service',
	wymiana: 'exchange'
};

/** The office's type from its name ("Urząd Gminy ...", "Starostwo Powiatowe ...", "Urząd Marszałkowski ..."). */
export function officeTypeFromName(name: string): ProgrammeOfficeType | '' {
	const n = name.toLowerCase();
	if (/marszałk|wojew/.test(n)) return 'wojewodztwo';
	if (/powiat|starost/.test(n)) return 'powiat';
	if (/gmin|miast|burmistrz|wójt|prezydent/.test(n)) return 'gmina';
	return '';
}

const choice = (v: unknown): { choice?: string; other?: string } =>
	v && typeof v === 'object' && !Array.isArray(v) ? (v as { choice?: string; other?: string }) : {};
const choices = (v: unknown): { choices: string[]; other?: string } => {
	const o = v && typeof v === 'object' && !Array.isArray(v) ? (v as { choices?: unknown; other?: string }) : {};
	return { choices: Array.isArray(o.choices) ? o.choices.filter((c) => typeof c === 'string') : [], other: o.other };
};

/**
 * Maps a diagnosis response to step 1 (and the general forms of step 3). Size is asked in bands ("od 20 do 50
 * tys."), the programme wants a number of inhabitants: the band is not turned into an invented number.
 */
export function contentFromDiagnosis(
	answers: Record<string, unknown>,
	texts: OptionTexts,
	officeName: string
): ProgrammeContent {
	const c = emptyProgramme();
	c.office.name = officeName;
	const type = choice(answers['typ-jst']).choice;
	c.office.type = (type && TYPE[type]) || officeTypeFromName(officeName);
	const label = (q: string, id: string) => texts[q]?.[id] ?? id;
	const regions = choices(answers['regiony-partnerow']);
	const regionText = [...regions.choices.filter((id) => id !== 'other').map((id) => label('regiony-partnerow', id))];
	if (regions.other) regionText.push(regions.other);
	const countries = typeof answers['kraje-partnerow'] === 'string' ? answers['kraje-partnerow'].trim() : '';
	c.office.currentPartners = [regionText.join(', '), countries].filter(Boolean).join('. ');
	const forms = choices(answers['formy-wspolpracy']);
	const formText = forms.choices.filter((id) => id !== 'other').map((id) => label('formy-wspolpracy', id));
	if (forms.other) formText.push(forms.other);
	c.office.currentForms = formText.join(', ');
	c.forms = [...new Set(forms.choices.map((id) => FORM[id]).filter(Boolean))];
	const who = choice(answers['kto-zajmuje-sie']).choice;
	if (who && who !== 'nikt') c.organisation.coordinator = label('kto-zajmuje-sie', who);
	return c;
}

/** The token from a pasted survey link (".../surveys/<slug>?t=TOKEN") or the bare code. */
export function tokenFromLink(input: string): string | null {
	const s = input.trim();
	if (!s) return null;
	const match = /[?&]t=([^&#\s]+)/.exec(s);
	let token = s;
	if (match)
		try {
			token = decodeURIComponent(match[1]);
		} catch {
			return null; // a malformed escape ("%E0%A4") is not a link we made
		}
	return /^[A-Za-z0-9_-]{8,200}$/.test(token) ? token : null;
}
