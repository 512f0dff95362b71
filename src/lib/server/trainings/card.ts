// The registration card (karta zgłoszenia) as a form schema, and the organiser's training form.
import { z } from 'zod';
import { OFFICE_TYPES, type ProgrammeItem } from '../db/schema';
import { fields } from '../forms/fields';

// The programme's lines keep their own check (markup, control characters, a formula start): they are parsed,
// not validated by a schema. Free text of the card and the training form uses the shared fields.optionalText.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const UNSAFE_TEXT = /[<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|^[=+\-@\t\r]/;

const optionalText = fields.optionalText;

// A phone number in any usual notation: "+48 12 345 67 89", "(12) 345-67-89". Only these characters pass, so no
// formula rule applies: a leading "+" is the country code (CSV exports neutralise it on output, server/csv.ts).
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

export const cardSchema = (requiresApproval: boolean) =>
	z.object({
		first_name: fields.personName(),
		last_name: fields.personName(),
		position: optionalText(120),
		office: fields.organisation(),
		office_type: z.enum(OFFICE_TYPES, { error: 'required' }),
		email: fields.email(),
		phone: z
			.string()
			.optional()
			.transform((s) => (s ?? '').trim())
			.refine((s) => s === '' || PHONE.test(s), 'phone_invalid'),
		dietary: optionalText(300),
		accessibility: optionalText(300),
		superior_email: requiresApproval
			? fields.email()
			: z
					.string()
					.optional()
					.transform((s) => (s ?? '').trim().toLowerCase())
					.pipe(z.union([z.literal(''), z.email('email_invalid')])),
		consent: z.literal('yes', { error: 'consent_required' })
	});

export const CARD_FIELDS = [
	'first_name',
	'last_name',
	'position',
	'office',
	'office_type',
	'email',
	'phone',
	'dietary',
	'accessibility',
	'superior_email'
];

/**
 * The programme typed by the organiser, one line per item: "09:00-10:30 | Topic | Trainer" (the trainer may be
 * left out). Returns the items, or the 1-based number of the first line that does not fit.
 */
export function parseProgramme(text: string): { ok: true; items: ProgrammeItem[] } | { ok: false; line: number } {
	const items: ProgrammeItem[] = [];
	const lines = text.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].trim();
		if (!line) continue;
		const match = /^(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})\s*\|\s*([^|]+?)\s*(?:\|\s*([^|]*?)\s*)?$/.exec(line);
		if (!match || UNSAFE_TEXT.test(match[5]) || UNSAFE_TEXT.test(match[6] ?? '')) return { ok: false, line: i + 1 };
		const [h1, m1, h2, m2] = [match[1], match[2], match[3], match[4]].map(Number);
		if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59 || h2 * 60 + m2 <= h1 * 60 + m1) return { ok: false, line: i + 1 };
		const pad = (n: number) => String(n).padStart(2, '0');
		items.push({
			start: `${pad(h1)}:${pad(m1)}`,
			end: `${pad(h2)}:${pad(m2)}`,
			topic: match[5],
			trainer: match[6] ?? ''
		});
	}
	return { ok: true, items };
}

export function programmeText(items: ProgrammeItem[]): string {
	return items.map((i) => `${i.start}-${i.end} | ${i.topic}${i.trainer ? ` | ${i.trainer}` : ''}`).join('\n');
}

/** The organiser's training form (dates are Polish wall-clock time, converted by the route). */
export const trainingSchema = z.object({
	title: fields.plainText(160),
	invitation: optionalText(5000),
	place: optionalText(200),
	online_url: z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim())
		.pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'url_invalid' }).max(500, 'too_long:500')])),
	seats: z.coerce
		.number({ error: 'required' })
		.int('seats_invalid')
		.min(1, 'seats_invalid')
		.max(10000, 'seats_invalid'),
	deadline_date: z.string({ error: 'required' }).min(1, 'required'),
	deadline_time: z.string({ error: 'required' }).min(1, 'required'),
	approval: z.literal('yes').optional(),
	courses: z.union([z.string(), z.array(z.string())]).optional()
});

export const TRAINING_FIELDS = [
	'title',
	'invitation',
	'place',
	'online_url',
	'seats',
	'deadline_date',
	'deadline_time'
];

export const daySchema = z.object({
	date: z.string({ error: 'required' }).min(1, 'required'),
	start: z.string({ error: 'required' }).min(1, 'required'),
	end: z.string({ error: 'required' }).min(1, 'required'),
	programme: optionalText(5000)
});
