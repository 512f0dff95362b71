// Creating a user is inviting them: one invitation with its audit entry, then the mail with the link.
import { eq } from 'drizzle-orm';
import { audit } from '../audit/log';
import { createInvitation } from '../auth/tokens';
import { getDb } from '../db';
import { groups, users, type Role } from '../db/schema';
import { sendMail } from '../mail/outbox';
import { invitationMail } from './invitation-mail';

export interface Invite {
	email: string;
	role: Role;
	/** Prefill the invitation (the person can correct them when accepting). */
	name?: string;
	organisation?: string;
	/** The group the person joins on accepting (and its course). */
	groupId?: string;
}

export type InviteResult = { ok: true } | { ok: false; reason: 'group_unknown' | 'account_exists' };

/**
 * Invites `input.email` on behalf of `actorId`: refused for a group that does not exist or is archived and for an
 * address that already has an account (nothing written). The invitation and its audit entry are one transaction;
 * the mail is stored and sent after it, with a link on `origin`.
 */
export async function inviteUser(
	actorId: string,
	input: Invite,
	origin: string,
	now = Date.now()
): Promise<InviteResult> {
	const { email, role, name, organisation } = input;
	const created = getDb().transaction((tx) => {
		const group = input.groupId
			? tx
					.select({ id: groups.id, archivedAt: groups.archivedAt })
					.from(groups)
					.where(eq(groups.id, input.groupId))
					.get()
			: undefined;
		if (input.groupId && (!group || group.archivedAt)) return { ok: false, reason: 'group_unknown' } as const;
		if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get())
			return { ok: false, reason: 'account_exists' } as const;
		const groupId = group?.id;
		const token = createInvitation({ email, role, name, organisation, groupId, invitedBy: actorId }, now, tx);
		audit(
			{
				actorId,
				action: 'invitation.created',
				subjectType: 'invitation',
				subjectId: email,
				details: { role, groupId: groupId ?? null }
			},
			tx
		);
		return { ok: true, token, groupId } as const;
	});
	if (!created.ok) return created;
	await sendMail(
		invitationMail({
			to: email,
			role,
			link: `${origin}/invitation/${created.token}`,
			groupId: created.groupId,
			invitedBy: actorId
		})
	);
	return { ok: true };
}
