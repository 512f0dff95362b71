// Turns an invitation into an account in one transaction: the account, its group and course, the audit entry.
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { enrollments, groupMembers, groups, invitations, users } from '../db/schema';
import { audit } from '../audit/log';
import { randomId } from '../ids';
import { consumeInvitation } from './tokens';

type Invitation = typeof invitations.$inferSelect;

export type AcceptResult = { ok: true; userId: string } | { ok: false; reason: 'used' | 'email_taken' };

export function acceptInvitation(
	invitation: Invitation,
	details: { name: string; organisation: string; passwordHash: string }
): AcceptResult {
	return getDb().transaction((tx) => {
		if (tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).get())
			return { ok: false, reason: 'email_taken' } as const;
		if (!consumeInvitation(invitation.id, tx)) return { ok: false, reason: 'used' } as const;
		const userId = randomId();
		tx.insert(users)
			.values({ id: userId, email: invitation.email, role: invitation.role, ...details })
			.run();
		if (invitation.groupId) {
			const group = tx.select().from(groups).where(eq(groups.id, invitation.groupId)).get();
			if (group) {
				tx.insert(groupMembers).values({ groupId: group.id, userId }).onConflictDoNothing().run();
				tx.insert(enrollments).values({ userId, courseSlug: group.courseSlug }).onConflictDoNothing().run();
			}
		}
		audit({ actorId: userId, action: 'invitation.accepted', subjectType: 'user', subjectId: userId }, tx);
		return { ok: true, userId } as const;
	});
}
