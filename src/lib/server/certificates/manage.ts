// Changes to a certificate after it is issued: the learner's one name confirmation, and an administrator's
// revocation or re-issue. Each is one durable transaction with its audit entry.
import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { audit } from '../audit/log';
import { durably, getDb, type Tx } from '../db';
import { certificateNameRequests, certificates, users, type Certificate } from '../db/schema';
import { randomId } from '../ids';
import { insertCertificate } from './issue';
import { nameCorrectionAccepted } from './name-rule';

export type ConfirmOutcome =
	| { kind: 'confirmed'; certificate: Certificate }
	/** The name differs from the account's by more than a correction: an administrator decides. */
	| { kind: 'requested' }
	| { kind: 'pending' }
	| { kind: 'not_found' }
	| { kind: 'already_confirmed' };

/**
 * The learner's confirmation of the printed name. A correction of the account's name (letter case, Polish
 * letters, hyphens, word order: name-rule.ts) is printed at once; any other name becomes a request that an
 * administrator approves or refuses (audited, with both names). One pending request per certificate.
 */
export function confirmOrRequestName(id: string, userId: string, name: string, now = new Date()): ConfirmOutcome {
	return durably(getDb(), (tx) => {
		const cert = tx
			.select()
			.from(certificates)
			.where(and(eq(certificates.id, id), eq(certificates.userId, userId)))
			.get();
		if (!cert || cert.revokedAt || cert.replacedById) return { kind: 'not_found' };
		if (cert.nameConfirmedAt) return { kind: 'already_confirmed' };
		const pending = pendingRequestFor(id, tx);
		if (pending) return { kind: 'pending' };
		const account = tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
		const accountName = account?.name.trim() ?? '';
		if (nameCorrectionAccepted(accountName, name) || name === cert.nameAsPrinted) {
			const certificate = confirmName(id, userId, name, now);
			return certificate ? { kind: 'confirmed', certificate } : { kind: 'already_confirmed' };
		}
		const requestId = randomId();
		tx.insert(certificateNameRequests)
			.values({ id: requestId, certificateId: id, userId, accountName, requestedName: name, createdAt: now })
			.run();
		audit(
			{
				actorId: userId,
				action: 'certificate.name_requested',
				subjectType: 'certificate',
				subjectId: id,
				details: { requestId, accountName, requestedName: name }
			},
			tx
		);
		return { kind: 'requested' };
	});
}

function pendingRequestFor(certificateId: string, tx: Tx = getDb()) {
	return tx
		.select()
		.from(certificateNameRequests)
		.where(and(eq(certificateNameRequests.certificateId, certificateId), isNull(certificateNameRequests.decidedAt)))
		.get();
}

/** The learner's latest request per certificate (pending or decided), for "My certificates". */
export function latestNameRequests(userId: string) {
	const rows = getDb()
		.select()
		.from(certificateNameRequests)
		.where(eq(certificateNameRequests.userId, userId))
		.orderBy(desc(certificateNameRequests.createdAt))
		.all();
	const latest = new Map<string, (typeof rows)[number]>();
	for (const row of rows) if (!latest.has(row.certificateId)) latest.set(row.certificateId, row);
	return latest;
}

/** Pending requests, oldest first, with the certificate's course; and the last decided ones. */
export function listNameRequests() {
	const select = {
		id: certificateNameRequests.id,
		certificateId: certificateNameRequests.certificateId,
		accountName: certificateNameRequests.accountName,
		requestedName: certificateNameRequests.requestedName,
		createdAt: certificateNameRequests.createdAt,
		decidedAt: certificateNameRequests.decidedAt,
		decision: certificateNameRequests.decision,
		courseTitle: certificates.courseTitle,
		code: certificates.code,
		email: users.email
	};
	const base = () =>
		getDb()
			.select(select)
			.from(certificateNameRequests)
			.innerJoin(certificates, eq(certificates.id, certificateNameRequests.certificateId))
			.leftJoin(users, eq(users.id, certificateNameRequests.userId));
	return {
		pending: base()
			.where(isNull(certificateNameRequests.decidedAt))
			.orderBy(asc(certificateNameRequests.createdAt))
			.all(),
		decided: base()
			.where(isNotNull(certificateNameRequests.decidedAt))
			.orderBy(desc(certificateNameRequests.decidedAt))
			.limit(20)
			.all()
	};
}

/**
 * An administrator's decision on a pending request. Approving prints the requested name and confirms it (the
 * learner can then download); refusing leaves the certificate unconfirmed, so the learner confirms the account's
 * name or asks again. False when the request is gone or already decided, or its certificate is no longer valid.
 */
export function decideNameRequest(
	requestId: string,
	actorId: string,
	decision: 'approved' | 'refused',
	now = new Date()
): boolean {
	return durably(getDb(), (tx) => {
		const request = tx
			.select()
			.from(certificateNameRequests)
			.where(and(eq(certificateNameRequests.id, requestId), isNull(certificateNameRequests.decidedAt)))
			.get();
		if (!request) return false;
		const cert = tx.select().from(certificates).where(eq(certificates.id, request.certificateId)).get();
		if (!cert || cert.revokedAt || cert.replacedById) return false;
		if (decision === 'approved') {
			if (cert.nameConfirmedAt) return false;
			tx.update(certificates)
				.set({ nameAsPrinted: request.requestedName, nameConfirmedAt: now })
				.where(eq(certificates.id, cert.id))
				.run();
		}
		tx.update(certificateNameRequests)
			.set({ decidedAt: now, decidedBy: actorId, decision })
			.where(eq(certificateNameRequests.id, requestId))
			.run();
		audit(
			{
				actorId,
				action: decision === 'approved' ? 'certificate.name_request_approved' : 'certificate.name_request_refused',
				subjectType: 'certificate',
				subjectId: cert.id,
				details: {
					requestId,
					code: cert.code,
					accountName: request.accountName,
					requestedName: request.requestedName
				}
			},
			tx
		);
		return true;
	});
}

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
