import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
	cancelInvitation,
	extendInvitation,
	listPendingInvitations,
	resendInvitation
} from '$lib/server/people/invitations';
import { createInvitation, findValidInvitation, INVITATION_LIFETIME } from '$lib/server/auth/tokens';
import { getDb } from '$lib/server/db';
import { invitationMail } from '$lib/server/people/invitation-mail';
import { insertUser } from './db-helpers';
import { insertGroup } from './trainer-fixtures';

const audited = (action: string) =>
	getDb().all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = ${action}`)[0].n;

describe('managing invitations', () => {
	let admin = '';
	beforeAll(() => {
		admin = insertUser({ role: 'admin', name: 'Anna Administratorka' });
	});
	const long = Date.now() - INVITATION_LIFETIME - 1000;

	it('lists expired invitations too, marked, so they can be re-sent', () => {
		createInvitation({ email: 'stara@urzad.test', role: 'learner', invitedBy: admin }, long);
		const row = listPendingInvitations({}).rows.find((r) => r.email === 'stara@urzad.test')!;
		expect(row.expired).toBe(true);
	});

	it('re-sends with a new link (the old one stops working) valid for the full time again', () => {
		const old = createInvitation({ email: 'jan@urzad.test', role: 'learner', invitedBy: admin });
		const id = listPendingInvitations({}).rows.find((r) => r.email === 'jan@urzad.test')!.id;
		const result = resendInvitation(admin, id)!;
		expect(findValidInvitation(old)).toBeUndefined();
		expect(findValidInvitation(result.token)?.email).toBe('jan@urzad.test');
		expect(audited('invitation.resent')).toBe(1);
	});

	it('extends an expired link by the full time, same link', () => {
		const token = createInvitation({ email: 'ewa@urzad.test', role: 'learner', invitedBy: admin }, long);
		expect(findValidInvitation(token)).toBeUndefined();
		const id = listPendingInvitations({}).rows.find((r) => r.email === 'ewa@urzad.test')!.id;
		expect(extendInvitation(admin, id)).toBe(true);
		expect(findValidInvitation(token)?.email).toBe('ewa@urzad.test');
		expect(audited('invitation.extended')).toBe(1);
	});

	it('cancels: the link stops working, the row goes, the audit log keeps it; nothing twice', () => {
		const token = createInvitation({ email: 'olga@urzad.test', role: 'learner', invitedBy: admin });
		const id = listPendingInvitations({}).rows.find((r) => r.email === 'olga@urzad.test')!.id;
		expect(cancelInvitation(admin, id)).toBe(true);
		expect(findValidInvitation(token)).toBeUndefined();
		expect(cancelInvitation(admin, id)).toBe(false);
		expect(resendInvitation(admin, id)).toBeNull();
		expect(audited('invitation.cancelled')).toBe(1);
	});

	it('does nothing to an invitation whose address already has an account', () => {
		createInvitation({ email: 'konto@urzad.test', role: 'learner', invitedBy: admin });
		const id = getDb().all<{ id: string }>(sql`SELECT id FROM invitations WHERE email = 'konto@urzad.test'`)[0].id;
		insertUser({ email: 'konto@urzad.test' });
		expect(resendInvitation(admin, id)).toBeNull();
		expect(extendInvitation(admin, id)).toBe(false);
	});

	it('writes one mail naming the institution, the inviter, the group and its course', () => {
		const group = insertGroup(admin, 'Grupa Podkarpacie');
		getDb().run(sql`UPDATE groups SET course_slug = 'protokol-dyplomatyczny' WHERE id = ${group}`);
		const mail = invitationMail({
			to: 'x@urzad.test',
			role: 'learner',
			link: 'https://akademia.example.pl/invitation/abc',
			groupId: group,
			invitedBy: admin
		});
		expect(mail.body).toContain('Anna Administratorka (Akademia współpracy międzynarodowej samorządów) zaprasza');
		expect(mail.body).toContain('Grupa: Grupa Podkarpacie. Kurs: Protokół dyplomatyczny');
		expect(mail.body).toContain('https://akademia.example.pl/invitation/abc');
	});
});
