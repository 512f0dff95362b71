// Invitations not yet accepted, shown beside the accounts so an imported list is visible at once.
import { and, asc, count, desc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import { groups, invitations, users, type Role } from '../db/schema';
import { foldingDb } from './users';

export const PENDING_LIMIT = 100;

export function listPendingInvitations(
	filter: { q?: string; role?: Role | ''; organisation?: string; groupId?: string },
	now = Date.now()
) {
	const db = foldingDb();
	const conditions: SQL[] = [
		isNull(invitations.usedAt),
		gt(invitations.expiresAt, new Date(now)),
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
			createdAt: invitations.createdAt
		})
		.from(invitations)
		.leftJoin(groups, eq(groups.id, invitations.groupId))
		.where(where)
		.orderBy(desc(invitations.createdAt), asc(invitations.email))
		.limit(PENDING_LIMIT)
		.all();
	return { rows, total };
}
