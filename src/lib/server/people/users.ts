// What an admin does to accounts: find them, edit them, disable and enable them, change their role.
// Every change writes an audit entry in the same transaction.
import { and, asc, count, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import { audit } from '../audit/log';
import { getDb } from '../db';
import { groupMembers, sessions, users, type Role, type User } from '../db/schema';

export const USERS_PAGE_SIZE = 25;

export interface UserFilter {
	q?: string;
	role?: Role | '';
	organisation?: string;
	groupId?: string;
	page?: number;
}

export type UserRow = Pick<User, 'id' | 'email' | 'name' | 'organisation' | 'role' | 'disabledAt' | 'createdAt'>;

/** `%` and `_` typed by the admin are searched for literally. */
function likeTerm(s: string) {
	return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// SQLite's lower() and LIKE fold only ASCII; "Żółk" must find "żółkiewska", so names are folded in JS.
const withFolding = new WeakSet<object>();
export function foldingDb() {
	const db = getDb();
	if (!withFolding.has(db.$client)) {
		db.$client.function('akademia_fold', { deterministic: true }, (s: unknown) =>
			typeof s === 'string' ? s.toLocaleLowerCase('pl') : s
		);
		withFolding.add(db.$client);
	}
	return db;
}

export function listUsers(filter: UserFilter): { rows: UserRow[]; total: number; page: number; pages: number } {
	const db = foldingDb();
	const conditions: SQL[] = [sql`${users.anonymisedAt} is null`];
	const q = filter.q?.trim();
	if (q) {
		const term = likeTerm(q.toLocaleLowerCase('pl'));
		conditions.push(
			or(sql`akademia_fold(${users.name}) like ${term} escape '\\'`, sql`${users.email} like ${term} escape '\\'`)!
		);
	}
	if (filter.role) conditions.push(eq(users.role, filter.role));
	if (filter.organisation) conditions.push(eq(users.organisation, filter.organisation));
	if (filter.groupId)
		conditions.push(
			exists(
				db
					.select({ one: sql`1` })
					.from(groupMembers)
					.where(and(eq(groupMembers.userId, users.id), eq(groupMembers.groupId, filter.groupId)))
			)
		);
	const where = and(...conditions);
	const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
	const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1) || 1), pages);
	const rows = db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			organisation: users.organisation,
			role: users.role,
			disabledAt: users.disabledAt,
			createdAt: users.createdAt
		})
		.from(users)
		.where(where)
		.orderBy(sql`pl_name_key(${users.name})`, asc(users.email))
		.limit(USERS_PAGE_SIZE)
		.offset((page - 1) * USERS_PAGE_SIZE)
		.all();
	return { rows, total, page, pages };
}

/** Distinct organisations, for the filter's list. */
export function listOrganisations(): string[] {
	return getDb()
		.selectDistinct({ o: users.organisation })
		.from(users)
		.where(sql`${users.organisation} != '' and ${users.anonymisedAt} is null`)
		.orderBy(asc(users.organisation))
		.all()
		.map((r) => r.o);
}

export function getUser(id: string): User | undefined {
	return getDb().select().from(users).where(eq(users.id, id)).get();
}

export type AdminChange = { ok: true } | { ok: false; reason: 'not_found' | 'self' | 'last_admin' };

function activeAdminCount(): number {
	return (
		getDb()
			.select({ n: count() })
			.from(users)
			.where(and(eq(users.role, 'admin'), sql`${users.disabledAt} is null`))
			.get()?.n ?? 0
	);
}

/**
 * Name, organisation and role in one edit. An admin cannot take away their own admin role, nor demote the last
 * active admin: nobody could undo it from the app.
 */
export function updateUser(
	actorId: string,
	id: string,
	changes: { name: string; organisation: string; role: Role }
): AdminChange {
	const user = getUser(id);
	if (!user || user.anonymisedAt) return { ok: false, reason: 'not_found' };
	if (user.role === 'admin' && changes.role !== 'admin') {
		if (id === actorId) return { ok: false, reason: 'self' };
		if (!user.disabledAt && activeAdminCount() <= 1) return { ok: false, reason: 'last_admin' };
	}
	const before = { name: user.name, organisation: user.organisation, role: user.role };
	getDb().transaction((tx) => {
		tx.update(users).set(changes).where(eq(users.id, id)).run();
		const changed = Object.fromEntries(
			(Object.keys(before) as (keyof typeof before)[])
				.filter((k) => before[k] !== changes[k])
				.map((k) => [k, { from: before[k], to: changes[k] }])
		);
		if (Object.keys(changed).length === 0) return;
		audit(
			{
				actorId,
				action: changed.role ? 'user.role_changed' : 'user.updated',
				subjectType: 'user',
				subjectId: id,
				details: changed
			},
			tx
		);
	});
	return { ok: true };
}

/** A disabled account keeps its data; it cannot sign in and every session ends at once. */
export function setUserDisabled(actorId: string, id: string, disabled: boolean, now = Date.now()): AdminChange {
	const user = getUser(id);
	if (!user || user.anonymisedAt) return { ok: false, reason: 'not_found' };
	if (disabled && id === actorId) return { ok: false, reason: 'self' };
	if (disabled && user.role === 'admin' && !user.disabledAt && activeAdminCount() <= 1)
		return { ok: false, reason: 'last_admin' };
	getDb().transaction((tx) => {
		tx.update(users)
			.set({ disabledAt: disabled ? new Date(now) : null })
			.where(eq(users.id, id))
			.run();
		if (disabled) tx.delete(sessions).where(eq(sessions.userId, id)).run();
		audit({ actorId, action: disabled ? 'user.disabled' : 'user.enabled', subjectType: 'user', subjectId: id }, tx);
	});
	return { ok: true };
}
