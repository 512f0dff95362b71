// One way to read a form: FormData -> zod schema -> typed data, or field errors already translated.
// Schemas use message keys (below) as their error messages; this file turns them into the user's language.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export type FieldErrors = Record<string, string>;

/** An error about the whole form (shown at its top), in the same shape as field errors. */
export function formError(message: string): FieldErrors {
	return { form: message };
}

/** One field's error, in the same shape as validateForm's. */
export function fieldError(field: string, message: string): FieldErrors {
	return { [field]: message };
}

/** Error keys used in schemas, with their translations. */
const MESSAGES: Record<string, (max?: number) => string> = {
	required: () => m.error_required(),
	email_invalid: () => m.error_email_invalid(),
	name_invalid: () => m.error_name_invalid(),
	text_invalid: () => m.error_text_invalid(),
	text_invisible: () => m.error_text_invisible(),
	password_too_short: () => m.error_password_too_short(),
	password_too_long: () => m.error_password_too_long(),
	passwords_differ: () => m.error_passwords_differ(),
	password_unchanged: () => m.error_password_unchanged(),
	role_invalid: () => m.error_role_invalid(),
	practices_forms_required: () => m.practices_error_forms_required(),
	practices_year_invalid: () => m.practices_error_year_invalid(),
	practices_year_order: () => m.practices_error_year_order(),
	practices_url_invalid: () => m.practices_error_url_invalid(),
	programmes_year: () => m.programmes_error_year(),
	programmes_year_order: () => m.programmes_error_year_order(),
	programmes_consent: () => m.programmes_error_consent()
};

function translate(issue: z.core.$ZodIssue): string {
	if (issue.message.startsWith('too_long:')) return m.error_too_long({ max: Number(issue.message.slice(9)) });
	return MESSAGES[issue.message]?.() ?? m.error_invalid();
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function validateForm<S extends z.ZodType>(
	schema: S,
	form: FormData | Record<string, unknown>
): FormResult<z.infer<S>> {
	const input = form instanceof FormData ? formDataToObject(form) : form;
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = issue.path.map(String).join('.') || 'form';
		errors[field] ??= translate(issue);
	}
	return { ok: false, errors };
}

/** Repeated names become arrays; files are ignored (forms that take files read them explicitly). */
export function formDataToObject(form: FormData): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string') continue;
		const prev = out[key];
		out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return out;
}

/** Echoes back only the fields that are safe to show again (never passwords). */
export function safeValues(form: FormData, fields: string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of fields) {
		const value = form.get(field);
		if (typeof value === 'string') values[field] = value.slice(0, 500);
	}
	return values;
}
