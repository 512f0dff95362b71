// Certificate issuance at the moment a learner meets a course's completion rules: afterCompletion() is called at the
// end of each completing write (lesson completion, quiz submission, attendance), in its transaction; idempotent.
import { and, eq } from 'drizzle-orm';
import { publicOrigin } from '../origin';
import type { Course } from '../content/catalogue';
import { getCourse } from '../content';
import { durably, getDb, type Tx } from '../db';
import { certificates, users, type Certificate } from '../db/schema';
import { randomId } from '../ids';
import { institutionName } from '../institution';
import { deliverAfterCommit, queueMail, type Mail } from '../mail/outbox';
import { m } from '../../paraglide/messages';
import { generateCode } from './code';
import { evaluateCompletion, loadCompletionFacts } from './completion';

/** The institution's one name (INSTITUTION_NAME), printed as the issuer. */
export function certificateIssuer(): string {
	return institutionName();
}

/**
 * The one call at the end of every write that can complete a course (a lesson completed, a quiz passed, attendance
 * saved), inside that write's transaction: issues the learner's certificate if the course's completion rules are
 * met now, so it commits, or rolls back, with the change that earned it. Returns the learner's valid certificate
 * (new or existing), or null. A learner who already has a certificate for the course, even a revoked one, gets no
 * new one here: revocation must stick, and re-issuing is an administrator's decision. The "certificate ready"
 * mail is stored in the same transaction and sent after the commit.
 */
export function afterCompletion(tx: Tx, userId: string, courseSlug: string, now = new Date()): Certificate | null {
	const course = getCourse(courseSlug);
	if (!course) return null;
	return issueIn(tx, userId, course, now);
}

/** afterCompletion() on its own, in a durable transaction (demo data, tests, and writes that have none). */
export function issueCertificateIfComplete(userId: string, courseSlug: string): Certificate | null {
	return durably(getDb(), (tx) => afterCompletion(tx, userId, courseSlug));
}

/** The same, for a course given directly (tests use courses with rules the catalogue does not have). */
export function issueForCourse(
	userId: string,
	course: Pick<Course, 'slug' | 'title' | 'hours' | 'lessons' | 'quizzes' | 'completion'>,
	now = new Date()
): Certificate | null {
	return durably(getDb(), (tx) => issueIn(tx, userId, course, now));
}

function issueIn(
	tx: Tx,
	userId: string,
	course: Pick<Course, 'slug' | 'title' | 'hours' | 'lessons' | 'quizzes' | 'completion'>,
	now: Date
): Certificate | null {
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
	// The finish line reaches the learner's mailbox too: the message is stored with the certificate and sent after
	// the commit, without holding the request (SMTP can take a while); failures are recorded.
	if (user.email) {
		const message = certificateReadyMail(user.email, user.locale, course.title);
		deliverAfterCommit(queueMail(message, tx), message);
	}
	return certificate;
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
