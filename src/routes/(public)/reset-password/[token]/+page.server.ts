import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { hashPassword } from '$lib/server/auth/password';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { consumePasswordReset, findValidPasswordReset } from '$lib/server/auth/tokens';
import { audit } from '$lib/server/audit/log';
import { getDb } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { newPasswordSchema } from '$lib/server/forms/fields';
import { formError, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ params }) => {
	return { valid: Boolean(findValidPasswordReset(params.token)) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params }) => {
		const reset = findValidPasswordReset(params.token);
		if (!reset) return fail(400, { errors: formError(m.reset_invalid()) });
		const parsed = validateForm(newPasswordSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });

		const passwordHash = await hashPassword(parsed.data.password);
		const db = getDb();
		const done = db.transaction((tx) => {
			if (!consumePasswordReset(reset.id, tx)) return false;
			tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).run();
			audit({ actorId: reset.userId, action: 'password.reset', subjectType: 'user', subjectId: reset.userId }, tx);
			return true;
		});
		if (!done) return fail(400, { errors: formError(m.reset_invalid()) });
		invalidateUserSessions(reset.userId);
		redirect(303, '/login?reset=1');
	}
} satisfies Actions;
