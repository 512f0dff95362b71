// Invitations not yet accepted, shown beside the accounts so an imported list is visible at once, and what an
// admin does with them: send a fresh link, give more time, or cancel. Each change is audited in its transaction.
import { and, asc, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { audit } from '../audit/log';
import { INVITATION_LIFETIME } from '../auth/tokens';
import { getDb } from '../db';
import { groups, invitations, users, type Role } from '../db/schema';
import { hashToken, randomId } from '../ids';
import { foldingDb } from './users';

export const PENDING_LIMIT = 100;

export function listPendingInvitations(
	filter: { q?: string; role?: Role | ''; organisation?: string; groupId?: string },
	now = Date.now()
) {
	const db = foldingDb();
	// Expired ones stay on the list (marked): they are the ones an admin re-sends or extends.
	const conditions: SQL[] = [
		isNull(invitations.usedAt),
		// An invitation whose address already has an account is history, not a pending person.
		sql`not exists (select 1 from ${users} where ${users.email} = ${invitations.email})`
	];
	const q = filter.q?.trim();
	if (q) {
		const term = `%${q.toLocaleLowerCase('pl').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		conditions.push(
			or(
				sql`akademia_fold(${invitations.name}) like ${term} escape '\\'`,
				sql`${invitations.email} like ${term} escape '\\'`
			)!
		);
	}
	if (filter.role) conditions.push(eq(invitations.role, filter.role));
	if (filter.organisation) conditions.push(eq(invitations.organisation, filter.organisation));
	if (filter.groupId) conditions.push(eq(invitations.groupId, filter.groupId));
	const where = and(...conditions);
	const total = db.select({ n: count() }).from(invitations).where(where).get()?.n ?? 0;
	const rows = db
		.select({
			id: invitations.id,
			email: invitations.email,
			name: invitations.name,
			organisation: invitations.organisation,
			role: invitations.role,
			group: groups.name,
			createdAt: invitations.createdAt,
			expiresAt: invitations.expiresAt
		})
		.from(invitations)
		.leftJoin(groups, eq(groups.id, invitations.groupId))
		.where(where)
		.orderBy(desc(invitations.createdAt), asc(invitations.email))
		.limit(PENDING_LIMIT)
		.all()
		.map((r) => ({ ...r, expired: r.expiresAt.getTime() <= now }));
	return { rows, total };
}

/** An invitation still open to action: not used, and its address has no account yet. */
function openInvitation(id: string): typeof invitations.$inferSelect | undefined {
	return getDb()
		.select()
		.from(invitations)
		.where(
			and(
				eq(invitations.id, id),
				isNull(invitations.usedAt),
				sql`not exists (select 1 from ${users} where ${users.email} = ${invitations.email})`
			)
		)
		.get();
}

/** A new link (the old one stops working) valid for the full lifetime again; the caller mails it. */
export function resendInvitation(actorId: string, id: string, now = Date.now()) {
	return getDb().transaction((tx) => {
		const invitation = openInvitation(id);
		if (!invitation) return null;
		const token = randomId(20);
		tx.update(invitations)
			.set({ tokenHash: hashToken(token), expiresAt: new Date(now + INVITATION_LIFETIME) })
			.where(eq(invitations.id, id))
			.run();
		audit({ actorId, action: 'invitation.resent', subjectType: 'invitation', subjectId: invitation.email }, tx);
		return { invitation, token };
	});
}

/** The same link works for the full lifetime from now. */
export function extendInvitation(actorId: string, id: string, now = Date.now()): boolean {
	return getDb().transaction((tx) => {
		const invitation = openInvitation(id);
		if (!invitation) return false;
		tx.update(invitations)
			.set({ expiresAt: new Date(now + INVITATION_LIFETIME) })
			.where(eq(invitations.id, id))
			.run();
		audit({ actorId, action: 'invitation.extended', subjectType: 'invitation', subjectId: invitation.email }, tx);
		return true;
	});
}

/** The link stops working and the invitation leaves the list; the audit log keeps who cancelled it. */
export function cancelInvitation(actorId: string, id: string): boolean {
	return getDb().transaction((tx) => {
		const invitation = openInvitation(id);
		if (!invitation) return false;
		tx.delete(invitations).where(eq(invitations.id, id)).run();
		audit({ actorId, action: 'invitation.cancelled', subjectType: 'invitation', subjectId: invitation.email }, tx);
		return true;
	});
}
