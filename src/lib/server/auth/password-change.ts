// Every way a password changes, each in one transaction with its audit entry. Each voids all outstanding reset
// links of the account (auth/tokens.ts voidPasswordResets) and ends the account's sessions.
import { eq } from 'drizzle-orm';
import { audit } from '../audit/log';
import { getDb } from '../db';
import { users } from '../db/schema';
import { hashPassword, verifyPassword } from './password';
import { invalidateUserSessions } from './session';
import { clearAccountThrottle } from './throttle';
import { consumePasswordReset, findValidPasswordReset, voidPasswordResets } from './tokens';

/**
 * Sets the password through a reset link. False when the link was used or expired meanwhile (nothing written).
 * The owner proved access to the mailbox, so an account-wide sign-in block (auth/throttle.ts) is lifted too.
 */
export function resetPasswordWithLink(
	reset: { id: string; userId: string },
	passwordHash: string,
	now = Date.now()
): boolean {
	const done = getDb().transaction((tx) => {
		if (!consumePasswordReset(reset.id, tx, now)) return false;
		const user = tx.select({ email: users.email }).from(users).where(eq(users.id, reset.userId)).get();
		tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).run();
		voidPasswordResets(reset.userId, tx, now);
		if (user?.email) clearAccountThrottle(user.email, tx);
		audit({ actorId: reset.userId, action: 'password.reset', subjectType: 'user', subjectId: reset.userId }, tx);
		return true;
	});
	if (done) invalidateUserSessions(reset.userId);
	return done;
}

/** A signed-in person's new password (the current one already checked). Every session ends, theirs included. */
export function changePassword(userId: string, passwordHash: string, now = Date.now()) {
	getDb().transaction((tx) => {
		tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
		voidPasswordResets(userId, tx, now);
		audit({ actorId: userId, action: 'password.changed', subjectType: 'user', subjectId: userId }, tx);
	});
	invalidateUserSessions(userId);
}

/**
 * The account page's change: the current password must be right (false otherwise, nothing written), then
 * changePassword(). Every session ends, the caller's included; the route starts a fresh one.
 */
export async function changeOwnPassword(
	userId: string,
	currentPassword: string,
	newPassword: string
): Promise<boolean> {
	const row = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
	if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, currentPassword))) return false;
	changePassword(userId, await hashPassword(newPassword));
	return true;
}

/** A new password through the reset link `token`; false when the link is unknown, used or expired (nothing written). */
export async function resetPassword(token: string, newPassword: string): Promise<boolean> {
	const reset = findValidPasswordReset(token);
	if (!reset) return false;
	return resetPasswordWithLink(reset, await hashPassword(newPassword));
}
