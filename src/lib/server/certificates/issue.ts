// Certificate issuance at the moment a learner meets a course's completion rules.
// Called by lesson completion and quiz submission (after they commit); idempotent.
import { and, eq } from 'drizzle-orm';
import type { Course } from '../content/catalogue';
import { getCourse } from '../content';
import { durably, getDb, type Tx } from '../db';
import { certificates, users, type Certificate } from '../db/schema';
import { randomId } from '../ids';
import { institutionName } from '../institution';
import { generateCode } from './code';
import { evaluateCompletion, loadCompletionFacts } from './completion';

/** The institution's one name (INSTITUTION_NAME), printed as the issuer. */
export function certificateIssuer(): string {
	return institutionName();
}

/**
 * Issues the learner's certificate for the course if its completion rules are met now; returns the learner's
 * valid certificate (new or existing), or null. A learner who already has a certificate for the course, even a
 * revoked one, gets no new one here: revocation must stick, and re-issuing is an administrator's decision.
 */
export function issueCertificateIfComplete(userId: string, courseSlug: string): Certificate | null {
	const course = getCourse(courseSlug);
	if (!course) return null;
	return issueForCourse(userId, course);
}

/** The same, for a course given directly (tests use courses with rules the catalogue does not have). */
export function issueForCourse(
	userId: string,
	course: Pick<Course, 'slug' | 'title' | 'hours' | 'lessons' | 'quizzes' | 'completion'>,
	now = new Date()
): Certificate | null {
	const db = getDb();
	// Inside a caller's transaction (e.g. a quiz submit) durably() nests in it.
	return durably(db, (tx) => {
		const existing = tx
			.select()
			.from(certificates)
			.where(and(eq(certificates.userId, userId), eq(certificates.courseSlug, course.slug)))
			.all();
		if (existing.length > 0) return existing.find((c) => !c.revokedAt && !c.replacedById) ?? null;

		const result = evaluateCompletion(course, loadCompletionFacts(userId, course.slug, tx));
		if (!result.complete) return null;
		const user = tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
		if (!user) return null;
		return insertCertificate(tx, {
			userId,
			courseSlug: course.slug,
			nameAsPrinted: user.name.trim(),
			courseTitle: course.title,
			hours: course.hours,
			completedAt: result.completedAt ?? now,
			issuedAt: now
		});
	});
}

type NewCertificate = Omit<typeof certificates.$inferInsert, 'id' | 'code' | 'issuer'> & { issuer?: string };

/** Writes a certificate row with a fresh code (a collision of 50 random bits is retried, not trusted away). */
export function insertCertificate(tx: Tx, values: NewCertificate): Certificate {
	for (let attempt = 0; ; attempt++) {
		const code = generateCode();
		const taken = tx.select({ id: certificates.id }).from(certificates).where(eq(certificates.code, code)).get();
		if (taken && attempt < 5) continue;
		return tx
			.insert(certificates)
			.values({ id: randomId(), code, issuer: certificateIssuer(), ...values })
			.returning()
			.get();
	}
}
