// Certificate issuance at the moment a learner meets a course's completion rules.
// Called by lesson completion and quiz submission (after they commit); idempotent.
import { and, eq } from 'drizzle-orm';
import { publicOrigin } from '../origin';
import type { Course } from '../content/catalogue';
import { getCourse } from '../content';
import { durably, getDb, type Tx } from '../db';
import { certificates, users, type Certificate } from '../db/schema';
import { randomId } from '../ids';
import { institutionName } from '../institution';
import { deliverMail, queueMail, type Mail } from '../mail/outbox';
import { m } from '../../paraglide/messages';
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
	const mails: { id: string; mail: Mail }[] = [];
	// Inside a caller's transaction (e.g. a quiz submit) durably() nests in it.
	const issued = durably(db, (tx) => {
		const existing = tx
			.select()
			.from(certificates)
			.where(and(eq(certificates.userId, userId), eq(certificates.courseSlug, course.slug)))
			.all();
		if (existing.length > 0) return existing.find((c) => !c.revokedAt && !c.replacedById) ?? null;

		const result = evaluateCompletion(course, loadCompletionFacts(userId, course.slug, tx));
		if (!result.complete) return null;
		const user = tx
			.select({ name: users.name, email: users.email, locale: users.locale })
			.from(users)
			.where(eq(users.id, userId))
			.get();
		if (!user) return null;
		const certificate = insertCertificate(tx, {
			userId,
			courseSlug: course.slug,
			nameAsPrinted: user.name.trim(),
			courseTitle: course.title,
			hours: course.hours,
			completedAt: result.completedAt ?? now,
			issuedAt: now
		});
		// The finish line reaches the learner's mailbox too; the message is stored with the certificate.
		if (user.email) {
			const message = certificateReadyMail(user.email, user.locale, course.title);
			mails.push({ id: queueMail(message), mail: message });
		}
		return certificate;
	});
	// Sent after the commit and without holding the request (SMTP can take a while); failures are recorded.
	for (const { id, mail } of mails) void deliverMail(id, mail);
	return issued;
}

/** "Your certificate is ready", in the learner's language, with the link to confirm the name and download. */
export function certificateReadyMail(to: string, locale: 'pl' | 'en', courseTitle: string): Mail {
	const link = `${publicOrigin() ?? ''}/certificates`;
	return {
		to,
		subject: m.mail_certificate_subject({ course: courseTitle }, { locale }),
		body: m.mail_certificate_body({ course: courseTitle, link }, { locale })
	};
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
