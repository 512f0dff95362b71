// people/invite.ts inviteUser: the admin's invitation of one person.
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { findValidInvitation } from '$lib/server/auth/tokens';
import { getDb } from '$lib/server/db';
import { auditLog, groups, invitations, mailOutbox } from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';
import { inviteUser } from '$lib/server/people/invite';
import { insertUser } from './db-helpers';

vi.spyOn(console, 'info').mockImplementation(() => {});

function group(name: string, archived = false) {
	const id = randomId();
	getDb()
		.insert(groups)
		.values({ id, name, courseSlug: 'dyplomacja-ekonomiczna', archivedAt: archived ? new Date() : null })
		.run();
	return id;
}

const invitationsOf = (email: string) => getDb().select().from(invitations).where(eq(invitations.email, email)).all();
const auditsOf = (email: string) => getDb().select().from(auditLog).where(eq(auditLog.subjectId, email)).all();

describe('inviteUser', () => {
	it('writes the invitation with its audit entry and mails a working link naming the group', async () => {
		const admin = insertUser({ role: 'admin', name: 'Ewa Admin' });
		const groupId = group('Grupa zaproszeń');
		const result = await inviteUser(
			admin,
			{ email: 'nowa.osoba@example.test', role: 'learner', name: 'Nowa Osoba', groupId },
			'https://akademia.example.test'
		);
		expect(result).toEqual({ ok: true });
		const [invitation] = invitationsOf('nowa.osoba@example.test');
		expect(invitation).toMatchObject({ role: 'learner', name: 'Nowa Osoba', groupId, invitedBy: admin });
		expect(auditsOf('nowa.osoba@example.test')).toMatchObject([
			{ actorId: admin, action: 'invitation.created', details: { role: 'learner', groupId } }
		]);
		const mail = getDb().select().from(mailOutbox).where(eq(mailOutbox.to, 'nowa.osoba@example.test')).get()!;
		expect(mail.body).toContain('Grupa zaproszeń');
		const token = /https:\/\/akademia\.example\.test\/invitation\/(\S+)/.exec(mail.body)![1];
		expect(findValidInvitation(token)?.id).toBe(invitation.id);
	});

	it('refuses an unknown or archived group and an address with an account, writing and mailing nothing', async () => {
		const admin = insertUser({ role: 'admin' });
		const existing = insertUser({ email: 'jest.juz@example.test' });
		expect(existing).toBeTruthy();
		const origin = 'https://akademia.example.test';
		const archived = group('Stara grupa', true);
		expect(await inviteUser(admin, { email: 'a@example.test', role: 'learner', groupId: 'nope' }, origin)).toEqual({
			ok: false,
			reason: 'group_unknown'
		});
		expect(await inviteUser(admin, { email: 'a@example.test', role: 'learner', groupId: archived }, origin)).toEqual({
			ok: false,
			reason: 'group_unknown'
		});
		expect(await inviteUser(admin, { email: 'jest.juz@example.test', role: 'trainer' }, origin)).toEqual({
			ok: false,
			reason: 'account_exists'
		});
		for (const email of ['a@example.test', 'jest.juz@example.test']) {
			expect(invitationsOf(email)).toEqual([]);
			expect(auditsOf(email)).toEqual([]);
			expect(getDb().select().from(mailOutbox).where(eq(mailOutbox.to, email)).all()).toEqual([]);
		}
	});
});
