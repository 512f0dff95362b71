// Erasure (RODO) that keeps the statistics: the person's row stays so progress, attempts and certificates keep
// counting, but nothing in it identifies them any more. Certificates stay verifiable as "issued" without a name.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { audit } from '../audit/log';
import { durably, getDb, type DB } from '../db';
import {
	auditLog,
	certificateNameRequests,
	certificates,
	invitations,
	mailOutbox,
	passwordResets,
	programmeShares,
	sessions,
	trainingRegistrations,
	users
} from '../db/schema';
import { shareRef } from '../programmes/store';

export const ANONYMISED_NAME = 'Osoba zanonimizowana';

export type AnonymiseResult = { ok: true } | { ok: false; reason: 'not_found' | 'already' | 'self' };

export function findPersonByEmail(email: string, db: DB = getDb()) {
	return (
		db
			.select({
				id: users.id,
				email: users.email,
				name: users.name,
				organisation: users.organisation,
				role: users.role,
				anonymisedAt: users.anonymisedAt
			})
			.from(users)
			.where(eq(users.email, email.trim().toLowerCase()))
			.get() ?? null
	);
}

export function anonymisePerson(userId: string, actorId: string, db: DB = getDb(), now = new Date()): AnonymiseResult {
	if (userId === actorId) return { ok: false, reason: 'self' };
	return durably(db, (tx) => {
		const user = tx.select().from(users).where(eq(users.id, userId)).get();
		if (!user) return { ok: false, reason: 'not_found' } as const;
		if (user.anonymisedAt) return { ok: false, reason: 'already' } as const;
		const email = user.email ?? '';
		tx.update(users)
			.set({
				name: ANONYMISED_NAME,
				email: null,
				organisation: '',
				passwordHash: null,
				anonymisedAt: now
			})
			.where(eq(users.id, userId))
			.run();
		tx.delete(sessions).where(eq(sessions.userId, userId)).run();
		tx.delete(passwordResets).where(eq(passwordResets.userId, userId)).run();
		if (email) {
			tx.delete(invitations).where(eq(invitations.email, email)).run();
			// Messages to the person (invitations, reset links) carry their address and name.
			tx.delete(mailOutbox).where(eq(mailOutbox.to, email)).run();
			// Programme drafts shared with the address: the share names the person, and an anonymised account
			// reads nothing.
			tx.delete(programmeShares).where(eq(programmeShares.email, email)).run();
			// Their audit rows name the share by a hash of the address (older rows by the address): drop both.
			tx.update(auditLog)
				.set({ details: sql`json_remove(${auditLog.details}, '$.email', '$.share')` })
				.where(
					and(
						inArray(auditLog.action, ['programme.shared', 'programme.unshared']),
						or(
							sql`json_extract(${auditLog.details}, '$.email') = ${email}`,
							sql`json_extract(${auditLog.details}, '$.share') = ${shareRef(email)}`
						)
					)
				)
				.run();
			// Training registration cards under the address: the row stays for the seat counts, the person goes.
			tx.update(trainingRegistrations)
				.set({
					email: sql`'anonymised-' || ${trainingRegistrations.id}`,
					firstName: ANONYMISED_NAME,
					lastName: '',
					position: '',
					office: '',
					phone: '',
					dietaryNeeds: '',
					accessibilityNeeds: '',
					superiorEmail: null,
					anonymisedAt: now
				})
				.where(eq(trainingRegistrations.email, email))
				.run();
			// Older audit entries (e.g. invitation.created) name the person by email: point them at the row id.
			tx.update(auditLog).set({ subjectId: userId }).where(eq(auditLog.subjectId, email)).run();
		}
		tx.update(certificates).set({ nameAsPrinted: '' }).where(eq(certificates.userId, userId)).run();
		// Requests to print another name hold the account's name and the one asked for.
		tx.delete(certificateNameRequests).where(eq(certificateNameRequests.userId, userId)).run();
		// The audit entry names the row id only: the email would undo the anonymisation.
		audit({ actorId, action: 'user.anonymised', subjectType: 'user', subjectId: userId }, tx);
		return { ok: true } as const;
	});
}
