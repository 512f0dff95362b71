// Asking for a password reset link by email. The answer never says whether the address has an account.
import { eq } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import { getDb } from '../db';
import { users } from '../db/schema';
import { institutionName } from '../institution';
import { sendMail } from '../mail/outbox';
import { recordFailure, throttleKey, throttleWait } from './throttle';
import { createPasswordReset } from './tokens';

/**
 * Mails a reset link to `email` if it belongs to an active account with a password. Counted per client address
 * (apart from sign-ins), so nobody floods a mailbox; the caller answers the same whatever happened here.
 */
export function requestPasswordReset(email: string, clientAddress: string, origin: string, now = Date.now()) {
	const ipKey = throttleKey('reset-ip', clientAddress);
	if (throttleWait(ipKey, now) > 0) return;
	recordFailure('reset-ip', ipKey, now);
	const user = getDb()
		.select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt, locale: users.locale })
		.from(users)
		.where(eq(users.email, email))
		.get();
	if (!user?.passwordHash || user.disabledAt) return;
	const link = `${origin}/reset-password/${createPasswordReset(user.id, now)}`;
	// Not awaited: waiting for the SMTP server only when the account exists would let the response time tell
	// whether an email is registered. The message is in the outbox before this function returns.
	sendMail({
		to: email,
		subject: m.mail_reset_subject({}, { locale: user.locale }),
		body: m.mail_reset_body({ institution: institutionName(), link }, { locale: user.locale })
	}).catch((e) => console.error(`[mail] password reset mail not stored: ${(e as Error).message}`));
}
