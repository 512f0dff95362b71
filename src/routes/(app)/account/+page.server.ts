import { fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guards';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { changePassword } from '$lib/server/auth/password-change';
import { startSession } from '$lib/server/auth/sign-in';
import { getDb } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { fields, newPasswordSchema } from '$lib/server/forms/fields';
import { fieldError, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

const changePasswordSchema = z.object({ current_password: fields.currentPassword() }).and(newPasswordSchema);

export const load = ((event) => {
	const user = requireUser(event);
	return {
		account: {
			email: user.email,
			name: user.name,
			organisation: user.organisation,
			role: user.role,
			locale: user.locale
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = validateForm(changePasswordSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { password: { errors: parsed.errors } });
		const db = getDb();
		const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
		if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, parsed.data.current_password)))
			return fail(400, { password: { errors: fieldError('current_password', m.error_wrong_current_password()) } });

		const passwordHash = await hashPassword(parsed.data.password);
		// Every session ends, this one included; the person continues in a fresh one.
		changePassword(user.id, passwordHash);
		startSession(event.cookies, event.url, user.id);
		return { password: { changed: true } };
	}
} satisfies Actions;
