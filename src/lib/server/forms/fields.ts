// Field schemas shared by every form, with message keys that validate.ts translates.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password';
import { ROLES } from '../db/schema';
import { startsLikeFormula } from '../csv';

const tooLong = (max: number) => `too_long:${max}`;
// Control characters and markup never belong in a name or an office; a formula start (server/csv.ts) would be
// a formula in Excel.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const UNSAFE_TEXT = new RegExp(`[<>]|${CONTROL.source}`);
// Invisible format characters (Unicode category Cf): bidi overrides such as U+202E turn "exe.txt" around on a page,
// zero-width ones hide a formula from the CSV guard or make two names look alike. Nobody types them on purpose.
const INVISIBLE = /\p{Cf}/u;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

/** The message key for free text that must not reach a page, a CSV or a PDF as it is, or null when it is fine. */
export function unsafeTextReason(text: string): 'text_invalid' | 'text_invisible' | null {
	if (INVISIBLE.test(text)) return 'text_invisible';
	if (UNSAFE_TEXT.test(text) || startsLikeFormula(text)) return 'text_invalid';
	return null;
}

/**
 * The message key for text that reaches only pages and documents, where it is escaped, and never a spreadsheet:
 * a programme's paragraphs. There a pasted list ("- Wydział Promocji"), a phone ("+48 …") or "Budżet < 50 tys. zł"
 * is ordinary text; control and invisible characters are still refused.
 */
export function unsafeDocumentTextReason(text: string): 'text_control' | 'text_invisible' | null {
	if (INVISIBLE.test(text)) return 'text_invisible';
	if (CONTROL.test(text)) return 'text_control';
	return null;
}

/** Adds the free-text rules to a string schema (for a field the ready-made ones below do not fit). */
export function safeText<S extends z.ZodType<string>>(schema: S) {
	return schema.superRefine((s, ctx) => {
		const reason = unsafeTextReason(s);
		if (reason) ctx.addIssue({ code: 'custom', message: reason });
	});
}

const requiredString = (max: number) =>
	z.string({ error: 'required' }).trim().min(1, 'required').max(max, tooLong(max));

export const fields = {
	email: () =>
		requiredString(254)
			.pipe(z.email('email_invalid'))
			.transform((s) => s.toLowerCase()),
	password: () =>
		z
			.string({ error: 'required' })
			.min(1, 'required')
			.min(PASSWORD_MIN_LENGTH, 'password_too_short')
			.max(PASSWORD_MAX_LENGTH, 'password_too_long'),
	/** A password typed to prove who you are: only presence and a sane length are checked. */
	currentPassword: () =>
		z.string({ error: 'required' }).min(1, 'required').max(PASSWORD_MAX_LENGTH, 'password_too_long'),
	personName: () =>
		requiredString(120)
			.transform((s) => s.replace(/\s+/g, ' '))
			.refine((s) => !INVISIBLE.test(s), 'text_invisible')
			.refine((s) => NAME.test(s), 'name_invalid'),
	organisation: () => safeText(requiredString(200).transform((s) => s.replace(/\s+/g, ' '))),
	/**
	 * Free text typed by people (a reason, a place, a title, a comment): required, trimmed, at most `max`
	 * characters, no markup, control or invisible characters, no formula start. Use this (or `optionalText`) for
	 * every new free-text field: whatever it takes can end up on a page, in a CSV or in a PDF.
	 */
	plainText: (max: number) => safeText(requiredString(max)),
	/** plainText that may be left empty (gives ''). */
	optionalText: (max: number) =>
		safeText(z.string({ error: 'required' }).trim().max(max, tooLong(max)))
			.optional()
			.transform((s) => s ?? ''),
	role: () => z.enum(ROLES, { error: 'role_invalid' })
};

/** A new password typed twice. */
export const newPasswordSchema = z
	.object({ password: fields.password(), password_repeat: z.string({ error: 'required' }) })
	.refine((v) => v.password === v.password_repeat, { message: 'passwords_differ', path: ['password_repeat'] });
