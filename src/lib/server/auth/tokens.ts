// Single-use, expiring links (invitations and password resets). Only the SHA-256 of a token is stored.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb, type Tx } from '../db';
import { invitations, passwordResets, type Role } from '../db/schema';
import { hashToken, randomId } from '../ids';

const HOUR = 60 * 60 * 1000;
export const INVITATION_LIFETIME = 7 * 24 * HOUR;
export const RESET_LIFETIME = 1 * HOUR;

export interface NewInvitation {
	email: string;
	role: Role;
	name?: string;
	organisation?: string;
	groupId?: string | null;
	invitedBy: string | null;
}

/** Creates an invitation and returns the token for the link. Pass `tx` to take part in a transaction. */
export function createInvitation(input: NewInvitation, now = Date.now(), tx: Tx = getDb()): string {
	const token = randomId(20);
	tx.insert(invitations)
		.values({
			id: randomId(),
			tokenHash: hashToken(token),
			email: input.email.toLowerCase(),
			role: input.role,
			name: input.name ?? '',
			organisation: input.organisation ?? '',
			groupId: input.groupId ?? null,
			invitedBy: input.invitedBy,
			expiresAt: new Date(now + INVITATION_LIFETIME)
		})
		.run();
	return token;
}

/** The invitation behind a token if it is unused and unexpired. */
export function findValidInvitation(token: string, now = Date.now()) {
	return getDb()
		.select()
		.from(invitations)
		.where(
			and(
				eq(invitations.tokenHash, hashToken(token)),
				isNull(invitations.usedAt),
				gt(invitations.expiresAt, new Date(now))
			)
		)
		.get();
}

/** Marks the invitation used; false when someone used it first (a second tab, a replay). */
export function consumeInvitation(id: string, tx: Tx, now = Date.now()): boolean {
	const result = tx
		.update(invitations)
		.set({ usedAt: new Date(now) })
		.where(and(eq(invitations.id, id), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date(now))))
		.run();
	return result.changes === 1;
}

export function createPasswordReset(userId: string, now = Date.now()): string {
	const token = randomId(20);
	getDb()
		.insert(passwordResets)
		.values({ id: randomId(), tokenHash: hashToken(token), userId, expiresAt: new Date(now + RESET_LIFETIME) })
		.run();
	return token;
}

export function findValidPasswordReset(token: string, now = Date.now()) {
	return getDb()
		.select()
		.from(passwordResets)
		.where(
			and(
				eq(passwordResets.tokenHash, hashToken(token)),
				isNull(passwordResets.usedAt),
				gt(passwordResets.expiresAt, new Date(now))
			)
		)
		.get();
}

export function consumePasswordReset(id: string, tx: Tx, now = Date.now()): boolean {
	const result = tx
		.update(passwordResets)
		.set({ usedAt: new Date(now) })
		.where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date(now))))
		.run();
	return result.changes === 1;
}

/**
 * Voids every outstanding reset link of the account (marks it used). Called in the same transaction as every
 * password change: a link mailed before the change must not set another password afterwards.
 */
export function voidPasswordResets(userId: string, tx: Tx, now = Date.now()) {
	tx.update(passwordResets)
		.set({ usedAt: new Date(now) })
		.where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
		.run();
}
