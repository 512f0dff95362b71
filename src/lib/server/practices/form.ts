// The submission form: the same structure as a case file (schema.ts), read from FormData. Message strings are the
// keys validate.ts translates ("required", "too_long:N", "text_invalid"; anything else shows "invalid value").
import { z } from 'zod';
import { COUNTRIES } from './countries';
import { FORMS, OFFICE_TYPES, SECTIONS, isWebAddress, type Sections } from './schema';

/** Rows of the repeating parts of the form (offices, sources). */
export const OFFICE_ROWS = 3;
export const SOURCE_ROWS = 4;

// Markup and control characters never belong in a case; line breaks and tabs do (paragraphs, lists).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const UNSAFE = /[<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const FORMULA = /^[=+@\t\r]/;

const requiredText = (max: number) =>
	z
		.string({ error: 'required' })
		.trim()
		.min(1, 'required')
		.max(max, `too_long:${max}`)
		.refine((s) => !UNSAFE.test(s) && !FORMULA.test(s), 'text_invalid');
const optionalText = (max: number) =>
	z
		.string({ error: 'text_invalid' })
		.trim()
		.max(max, `too_long:${max}`)
		.refine((s) => !UNSAFE.test(s) && !FORMULA.test(s), 'text_invalid')
		.optional()
		.transform((s) => s || undefined);
/** A section: paragraphs and "- " lists, no headings. */
const sectionText = requiredText(6000).refine((s) => !/^\s*#/m.test(s), 'text_invalid');
const optionalYear = z
	.string({ error: 'practices_year_invalid' })
	.trim()
	.optional()
	.refine((s) => !s || /^(19[5-9]\d|20\d\d)$/.test(s), 'practices_year_invalid')
	.transform((s) => (s ? Number(s) : undefined));
const list = <T extends z.ZodType<string, string>>(item: T) =>
	z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v): string[] => (v === undefined ? [] : [v].flat()))
		.pipe(z.array(item));

export function submissionFormSchema(lessonRefs: Set<string>) {
	const shape: Record<string, z.ZodType> = {
		title: requiredText(200),
		summary: requiredText(1000),
		partner_name: requiredText(200),
		partner_country: z.string({ error: 'required' }).refine((c) => c in COUNTRIES, 'required'),
		forms: list(z.enum(FORMS, { error: 'invalid' })).refine((f) => f.length > 0, 'practices_forms_required'),
		year_from: optionalYear,
		year_to: optionalYear,
		funding: optionalText(500),
		lessons: list(z.string().refine((l) => lessonRefs.has(l), 'invalid')),
		contact_consent: z.literal('on', { error: 'invalid' }).optional(),
		contact_text: optionalText(500)
	};
	for (let i = 1; i <= OFFICE_ROWS; i++) {
		shape[`office_name_${i}`] = i === 1 ? requiredText(200) : optionalText(200);
		shape[`office_type_${i}`] = z.preprocess(
			(t) => t || undefined,
			z.enum(OFFICE_TYPES, { error: 'required' }).optional()
		);
	}
	for (let i = 1; i <= SOURCE_ROWS; i++) {
		shape[`source_title_${i}`] = i === 1 ? requiredText(300) : optionalText(300);
		shape[`source_publisher_${i}`] = i === 1 ? requiredText(200) : optionalText(200);
		shape[`source_date_${i}`] = optionalText(40);
		shape[`source_url_${i}`] =
			i === 1
				? requiredText(1000).refine(isWebAddress, 'practices_url_invalid')
				: optionalText(1000).refine((u) => u === undefined || isWebAddress(u), 'practices_url_invalid');
	}
	for (const s of SECTIONS) shape[`section_${s.key}`] = sectionText;
	return z.object(shape).superRefine((v, ctx) => {
		for (let i = 1; i <= OFFICE_ROWS; i++) {
			if (v[`office_name_${i}`] && !v[`office_type_${i}`])
				ctx.addIssue({ code: 'custom', path: [`office_type_${i}`], message: 'required' });
		}
		for (let i = 2; i <= SOURCE_ROWS; i++) {
			const filled = ['title', 'publisher', 'url'].filter((k) => v[`source_${k}_${i}`]);
			if (filled.length > 0 || v[`source_date_${i}`])
				for (const k of ['title', 'publisher', 'url'])
					if (!v[`source_${k}_${i}`]) ctx.addIssue({ code: 'custom', path: [`source_${k}_${i}`], message: 'required' });
		}
		const from = v.year_from as number | undefined;
		const to = v.year_to as number | undefined;
		if (from && to && to < from) ctx.addIssue({ code: 'custom', path: ['year_to'], message: 'practices_year_order' });
		if (v.contact_consent && !v.contact_text)
			ctx.addIssue({ code: 'custom', path: ['contact_text'], message: 'required' });
	});
}

/** What a submission stores: the case file's fields (without last_verified, set on publishing) and its sections. */
export interface SubmissionData {
	frontmatter: Record<string, unknown>;
	sections: Sections;
}

/** The validated form as case-file data. */
export function submissionDataFromForm(v: Record<string, unknown>): SubmissionData {
	const offices = [];
	for (let i = 1; i <= OFFICE_ROWS; i++)
		if (v[`office_name_${i}`]) offices.push({ name: v[`office_name_${i}`], type: v[`office_type_${i}`] });
	const sources = [];
	for (let i = 1; i <= SOURCE_ROWS; i++)
		if (v[`source_title_${i}`])
			sources.push({
				title: v[`source_title_${i}`],
				publisher: v[`source_publisher_${i}`],
				...(v[`source_date_${i}`] ? { date: v[`source_date_${i}`] } : {}),
				url: v[`source_url_${i}`]
			});
	const country = v.partner_country as string;
	const frontmatter: Record<string, unknown> = {
		title: v.title,
		summary: v.summary,
		offices,
		partner: { name: v.partner_name, country, region: COUNTRIES[country].region },
		forms: [...new Set(v.forms as string[])],
		lessons: [...new Set(v.lessons as string[])],
		sources
	};
	if (v.year_from) frontmatter.year_from = v.year_from;
	if (v.year_to) frontmatter.year_to = v.year_to;
	if (v.funding) frontmatter.funding = v.funding;
	if (v.contact_text) frontmatter.contact = { consent: v.contact_consent === 'on', text: v.contact_text };
	const sections = Object.fromEntries(SECTIONS.map((s) => [s.key, v[`section_${s.key}`]])) as Sections;
	return { frontmatter, sections };
}

/** The form's fields filled from stored data (editing a submission after a request for changes). */
export function formValuesFromData(data: SubmissionData): Record<string, string | string[]> {
	const f = data.frontmatter as {
		title: string;
		summary: string;
		offices: { name: string; type: string }[];
		partner: { name: string; country: string };
		forms: string[];
		lessons: string[];
		year_from?: number;
		year_to?: number;
		funding?: string;
		sources: { title: string; publisher: string; date?: string; url: string }[];
		contact?: { consent: boolean; text: string };
	};
	const out: Record<string, string | string[]> = {
		title: f.title,
		summary: f.summary,
		partner_name: f.partner.name,
		partner_country: f.partner.country,
		forms: f.forms,
		lessons: f.lessons,
		year_from: f.year_from ? String(f.year_from) : '',
		year_to: f.year_to ? String(f.year_to) : '',
		funding: f.funding ?? '',
		contact_text: f.contact?.text ?? '',
		contact_consent: f.contact?.consent ? 'on' : ''
	};
	f.offices.forEach((o, i) => {
		out[`office_name_${i + 1}`] = o.name;
		out[`office_type_${i + 1}`] = o.type;
	});
	f.sources.forEach((s, i) => {
		out[`source_title_${i + 1}`] = s.title;
		out[`source_publisher_${i + 1}`] = s.publisher;
		out[`source_date_${i + 1}`] = s.date ?? '';
		out[`source_url_${i + 1}`] = s.url;
	});
	for (const s of SECTIONS) out[`section_${s.key}`] = data.sections[s.key];
	return out;
}

/** Every field name of the form (the hostile-input table and the echo of a refused form use it). */
export function formFieldNames(): string[] {
	const names = [
		'title',
		'summary',
		'partner_name',
		'partner_country',
		'forms',
		'year_from',
		'year_to',
		'funding',
		'lessons',
		'contact_consent',
		'contact_text'
	];
	for (let i = 1; i <= OFFICE_ROWS; i++) names.push(`office_name_${i}`, `office_type_${i}`);
	for (let i = 1; i <= SOURCE_ROWS; i++)
		names.push(`source_title_${i}`, `source_publisher_${i}`, `source_date_${i}`, `source_url_${i}`);
	for (const s of SECTIONS) names.push(`section_${s.key}`);
	return names;
}

/** A refused form echoed back as typed (cut to a sane length), so nothing typed is lost. */
export function echoForm(form: FormData): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const name of formFieldNames()) {
		const all = form.getAll(name).filter((v): v is string => typeof v === 'string');
		if (name === 'forms' || name === 'lessons') out[name] = all.slice(0, 50).map((v) => v.slice(0, 200));
		else if (all.length) out[name] = all[0].slice(0, 6000);
	}
	return out;
}
