// The public gallery's search and filters (pure): office type, partner region, form of cooperation and words
// (Polish letters folded as in the good-practice library).
import {
	PROGRAMME_FORMS,
	PROGRAMME_OFFICE_TYPES,
	PROGRAMME_REGIONS,
	type ProgrammeContent,
	type ProgrammeForm,
	type ProgrammeOfficeType,
	type ProgrammeRegion
} from '../../programmes/model';
import { foldForSearch, searchTerms } from '../practices/search';

export interface GalleryFilters {
	q?: string;
	type?: ProgrammeOfficeType;
	region?: ProgrammeRegion;
	form?: ProgrammeForm;
}

const pick = <T extends string>(v: string | null, options: readonly T[]): T | undefined =>
	v && (options as readonly string[]).includes(v) ? (v as T) : undefined;

export function galleryFilters(params: URLSearchParams): GalleryFilters {
	const q = params.get('q')?.trim().slice(0, 200);
	return {
		q: q || undefined,
		type: pick(params.get('type'), PROGRAMME_OFFICE_TYPES),
		region: pick(params.get('region'), PROGRAMME_REGIONS),
		form: pick(params.get('form'), PROGRAMME_FORMS)
	};
}

/** Every form the programme names: in general and per partner. */
export function formsOf(c: ProgrammeContent): ProgrammeForm[] {
	const all = new Set<ProgrammeForm>([...c.forms, ...c.partners.flatMap((p) => p.forms)]);
	return PROGRAMME_FORMS.filter((f) => all.has(f));
}

export function regionsOf(c: ProgrammeContent): ProgrammeRegion[] {
	const all = new Set(c.partners.map((p) => p.region).filter(Boolean));
	return PROGRAMME_REGIONS.filter((r) => all.has(r));
}

function searchable(title: string, c: ProgrammeContent): string {
	return foldForSearch(
		[
			title,
			c.office.name,
			...c.partners.flatMap((p) => [p.name, p.reason]),
			...c.strategicGoals.flatMap((g) => [g.title, ...g.operational.map((o) => o.title)])
		].join(' ')
	);
}

export function matchesGallery(title: string, c: ProgrammeContent, f: GalleryFilters): boolean {
	if (f.type && c.office.type !== f.type) return false;
	if (f.region && !regionsOf(c).includes(f.region)) return false;
	if (f.form && !formsOf(c).includes(f.form)) return false;
	if (f.q) {
		const words = ` ${searchable(title, c)}`;
		if (!searchTerms(f.q).every((t) => words.includes(` ${t}`))) return false;
	}
	return true;
}
