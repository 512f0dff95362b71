import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSession, generateSessionToken, validateSessionToken } from '$lib/server/auth/session';
import { checkCredentials } from '$lib/server/auth/sign-in';
import { hashPassword } from '$lib/server/auth/password';
import { createGroup, addMember } from '$lib/server/groups/groups';
import { listUsers, setUserDisabled, updateUser, USERS_PAGE_SIZE } from '$lib/server/people/users';
import { getDb } from '$lib/server/db';
import { auditLog, authThrottle, groups, users } from '$lib/server/db/schema';
import { insertUser } from './db-helpers';

let adminId: string;

beforeEach(() => {
	const db = getDb();
	db.delete(groups).run();
	db.delete(auditLog).run();
	db.delete(authThrottle).run();
	db.delete(users).run();
	adminId = insertUser({ role: 'admin', email: 'admin@example.test', name: 'Anna Admin' });
});

const auditActions = (subjectId: string) =>
	getDb()
		.select()
		.from(auditLog)
		.where(eq(auditLog.subjectId, subjectId))
		.all()
		.map((a) => a.action);

describe('listUsers', () => {
	it('searches name (with Polish letters, any case) and email', () => {
		insertUser({ name: 'Łucja Żółkiewska', email: 'lucja@gmina.test' });
		insertUser({ name: 'Jan Nowak', email: 'jan@powiat.test' });
		expect(listUsers({ q: 'żółk' }).rows.map((u) => u.email)).toEqual(['lucja@gmina.test']);
		expect(listUsers({ q: 'Żółk' }).rows.map((u) => u.email)).toEqual(['lucja@gmina.test']);
		expect(listUsers({ q: 'POWIAT' }).rows.map((u) => u.email)).toEqual(['jan@powiat.test']);
		expect(listUsers({ q: '%' }).total).toBe(0);
	});

	it('filters by role, organisation and group', () => {
		const t = insertUser({ role: 'trainer', organisation: 'Akademia' });
		const l = insertUser({ organisation: 'Urząd Gminy A', email: 'a@x.test' });
		insertUser({ organisation: 'Urząd Gminy B' });
		const groupId = createGroup(adminId, { name: 'G', courseSlug: 'protokol-dyplomatyczny', trainerIds: [t] });
		addMember(adminId, getDb().select().from(groups).where(eq(groups.id, groupId)).get()!, 'a@x.test');
		expect(listUsers({ role: 'trainer' }).rows.map((u) => u.id)).toEqual([t]);
		expect(listUsers({ organisation: 'Urząd Gminy A' }).rows.map((u) => u.id)).toEqual([l]);
		expect(listUsers({ groupId }).rows.map((u) => u.id)).toEqual([l]);
	});

	it('pages through the list without losing or repeating anyone', () => {
		for (let i = 0; i < USERS_PAGE_SIZE + 3; i++) insertUser({ name: `Osoba ${String(i).padStart(2, '0')}` });
		const first = listUsers({ page: 1 });
		const second = listUsers({ page: 2 });
		expect(first.pages).toBe(2);
		expect(first.rows).toHaveLength(USERS_PAGE_SIZE);
		expect(second.rows).toHaveLength(4);
		const ids = [...first.rows, ...second.rows].map((u) => u.id);
		expect(new Set(ids).size).toBe(USERS_PAGE_SIZE + 4);
		expect(listUsers({ page: 99 }).page).toBe(2);
		expect(listUsers({ page: Number('abc') }).page).toBe(1);
	});
});

describe('updateUser', () => {
	it('changes name, office and role, and audits a role change with before and after', () => {
		const id = insertUser({ name: 'Jan Stary' });
		expect(updateUser(adminId, id, { name: 'Jan Nowy', organisation: 'Urząd X', role: 'trainer' })).toEqual({
			ok: true
		});
		expect(getDb().select().from(users).where(eq(users.id, id)).get()).toMatchObject({
			name: 'Jan Nowy',
			organisation: 'Urząd X',
			role: 'trainer'
		});
		const entry = getDb()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'user.role_changed')))
			.get();
		expect(entry?.details).toMatchObject({
			role: { from: 'learner', to: 'trainer' },
			name: { from: 'Jan Stary', to: 'Jan Nowy' }
		});
		expect(entry?.actorId).toBe(adminId);
	});

	it('refuses to demote yourself or the last active admin, and says why', () => {
		expect(updateUser(adminId, adminId, { name: 'Anna', organisation: 'X', role: 'learner' })).toEqual({
			ok: false,
			reason: 'self'
		});
		const other = insertUser({ role: 'admin' });
		setUserDisabled(other, adminId, true);
		// `other` is now the only active admin; nobody else can remove its role.
		const third = insertUser({ role: 'admin', disabledAt: new Date() });
		expect(updateUser(third, other, { name: 'B', organisation: 'X', role: 'learner' })).toEqual({
			ok: false,
			reason: 'last_admin'
		});
		expect(updateUser(adminId, 'missing', { name: 'B', organisation: 'X', role: 'learner' })).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});

describe('setUserDisabled', () => {
	it('ends the sessions, blocks sign-in, keeps the data; enabling lets the person in again', async () => {
		const id = insertUser({ email: 'k@x.test', passwordHash: await hashPassword('dobre-haslo-123') });
		const token = generateSessionToken();
		createSession(token, id);
		expect(setUserDisabled(adminId, id, true)).toEqual({ ok: true });
		expect(validateSessionToken(token).user).toBeNull();
		expect((await checkCredentials('k@x.test', 'dobre-haslo-123', '1.1.1.1')).ok).toBe(false);
		expect(getDb().select().from(users).where(eq(users.id, id)).get()?.email).toBe('k@x.test');
		expect(setUserDisabled(adminId, id, false)).toEqual({ ok: true });
		expect((await checkCredentials('k@x.test', 'dobre-haslo-123', '1.1.1.2')).ok).toBe(true);
		expect(auditActions(id)).toEqual(['user.disabled', 'user.enabled']);
	});

	it('does not let an admin lock themselves out', () => {
		expect(setUserDisabled(adminId, adminId, true)).toEqual({ ok: false, reason: 'self' });
	});
});
