import { fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { createPasswordReset } from '$lib/server/auth/tokens';
import { recordFailure, throttleKey, throttleWait } from '$lib/server/auth/throttle';
import { getDb } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { fields } from '$lib/server/forms/fields';
import { safeValues, validateForm } from '$lib/server/forms/validate';
import { sendMail } from '$lib/server/mail/outbox';
import type { Actions, PageServerLoad } from './$types';
import { institutionName } from '$lib/server/institution';

const requestSchema = z.object({ email: fields.email() });

export const load = (() => ({})) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, url, getClientAddress }) => {
		const form = await request.formData();
		const parsed = validateForm(requestSchema, form);
		if (!parsed.ok) return fail(400, { values: safeValues(form, ['email']), errors: parsed.errors });

		// Counted per address (apart from sign-ins), so nobody floods a mailbox; the answer is the same either way.
		const ipKey = throttleKey('reset-ip', getClientAddress());
		if (throttleWait(ipKey) === 0) {
			recordFailure('reset-ip', ipKey);
			const user = getDb().select().from(users).where(eq(users.email, parsed.data.email)).get();
			if (user && user.passwordHash && !user.disabledAt) {
				const token = createPasswordReset(user.id);
				const link = `${url.origin}/reset-password/${token}`;
				// Not awaited: waiting for the SMTP server only when the account exists would let the response
				// time tell whether an email is registered. The message is in the outbox before this line returns.
				sendMail({
					to: parsed.data.email,
					subject: m.mail_reset_subject({}, { locale: user.locale }),
					body: m.mail_reset_body({ institution: institutionName(), link }, { locale: user.locale })
				}).catch((e) => console.error(`[mail] password reset mail not stored: ${(e as Error).message}`));
			}
		}
		return { sent: true };
	}
} satisfies Actions;
