// Changes to a certificate after it is issued: the learner's one name confirmation, and an administrator's
// revocation or re-issue. Each is one durable transaction with its audit entry.
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../audit/log';
import { durably, getDb } from '../db';
import { certificates, type Certificate } from '../db/schema';
import { insertCertificate } from './issue';

/**
 * The learner confirms (or corrects) the printed name before the first download; only once. Returns the updated
 * certificate, or null when it is not theirs, already confirmed, or no longer valid.
 */
export function confirmName(id: string, userId: string, name: string, now = new Date()): Certificate | null {
	return durably(getDb(), (tx) => {
		const updated = tx
			.update(certificates)
			.set({ nameAsPrinted: name, nameConfirmedAt: now })
			.where(
				and(
					eq(certificates.id, id),
					eq(certificates.userId, userId),
					isNull(certificates.nameConfirmedAt),
					isNull(certificates.revokedAt)
				)
			)
			.returning()
			.get();
		if (!updated) return null;
		audit(
			{
				actorId: userId,
				action: 'certificate.name_confirmed',
				subjectType: 'certificate',
				subjectId: id,
				details: { name }
			},
			tx
		);
		return updated;
	});
}

export function revokeCertificate(id: string, actorId: string, reason: string, now = new Date()): Certificate | null {
	return durably(getDb(), (tx) => {
		const updated = tx
			.update(certificates)
			.set({ revokedAt: now, revokedReason: reason })
			.where(and(eq(certificates.id, id), isNull(certificates.revokedAt)))
			.returning()
			.get();
		if (!updated) return null;
		audit(
			{
				actorId,
				action: 'certificate.revoked',
				subjectType: 'certificate',
				subjectId: id,
				details: { code: updated.code, reason }
			},
			tx
		);
		return updated;
	});
}

/**
 * A new certificate (new code) with the corrected name and the same course, hours and dates; the old one is
 * revoked and points to it, so its verification page sends people to the new one.
 */
export function reissueCertificate(
	id: string,
	actorId: string,
	name: string,
	reason: string,
	now = new Date()
): Certificate | null {
	return durably(getDb(), (tx) => {
		const old = tx.select().from(certificates).where(eq(certificates.id, id)).get();
		if (!old || old.replacedById) return null;
		tx.update(certificates)
			.set({ revokedAt: old.revokedAt ?? now, revokedReason: old.revokedReason ?? reason })
			.where(eq(certificates.id, id))
			.run();
		const fresh = insertCertificate(tx, {
			userId: old.userId,
			courseSlug: old.courseSlug,
			nameAsPrinted: name,
			courseTitle: old.courseTitle,
			hours: old.hours,
			completedAt: old.completedAt,
			issuer: old.issuer,
			issuedAt: now,
			// The administrator set the name on the learner's behalf: nothing left to confirm.
			nameConfirmedAt: now
		});
		tx.update(certificates).set({ replacedById: fresh.id }).where(eq(certificates.id, id)).run();
		audit(
			{
				actorId,
				action: 'certificate.reissued',
				subjectType: 'certificate',
				subjectId: id,
				details: { oldCode: old.code, newCode: fresh.code, newId: fresh.id, name, reason }
			},
			tx
		);
		return fresh;
	});
}
