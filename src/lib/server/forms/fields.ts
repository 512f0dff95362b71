// Field schemas shared by every form, with message keys that validate.ts translates.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password';
import { ROLES } from '../db/schema';

const tooLong = (max: number) => `too_long:${max}`;
// Control characters and markup never belong in a name or an office; a leading =+-@ would be a formula in Excel.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const UNSAFE_TEXT = /[<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|^[=+\-@\t\r]/;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

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
			.refine((s) => NAME.test(s), 'name_invalid'),
	organisation: () =>
		requiredString(200)
			.transform((s) => s.replace(/\s+/g, ' '))
			.refine((s) => !UNSAFE_TEXT.test(s), 'text_invalid'),
	/** Free text typed by staff (a reason, a place): no markup, no formula. */
	plainText: (max: number) => requiredString(max).refine((s) => !UNSAFE_TEXT.test(s), 'text_invalid'),
	role: () => z.enum(ROLES, { error: 'role_invalid' })
};

/** A new password typed twice. */
export const newPasswordSchema = z
	.object({ password: fields.password(), password_repeat: z.string({ error: 'required' }) })
	.refine((v) => v.password === v.password_repeat, { message: 'passwords_differ', path: ['password_repeat'] });
