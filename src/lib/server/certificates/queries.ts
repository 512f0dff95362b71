// Reading certificates: by public code (verification), by owner (the learner), by group (trainer), by search (admin).
import { and, desc, eq, inArray, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import { getCourse } from '../content';
import type { Course } from '../content/catalogue';
import { getDb, prepared } from '../db';
import { certificates, groupMembers, groups, users, type Certificate } from '../db/schema';
import { loadCompletionFacts, missingForCertificate } from './completion';

export type CertificateStatus = 'valid' | 'revoked' | 'replaced';

/**
 * The course title to show beside a certificate: as printed (Polish), or the course's English title on an
 * English page (the PDF prints it the same way in its English line).
 */
export function shownCourseTitle(cert: Pick<Certificate, 'courseSlug' | 'courseTitle'>, locale: string): string {
	return locale === 'en' ? (getCourse(cert.courseSlug)?.titleEn ?? cert.courseTitle) : cert.courseTitle;
}

export function statusOf(cert: Pick<Certificate, 'revokedAt' | 'replacedById'>): CertificateStatus {
	return cert.replacedById ? 'replaced' : cert.revokedAt ? 'revoked' : 'valid';
}

export function findByCode(code: string): Certificate | undefined {
	return getDb().select().from(certificates).where(eq(certificates.code, code)).get();
}

export function findById(id: string): Certificate | undefined {
	return getDb().select().from(certificates).where(eq(certificates.id, id)).get();
}

/** The certificate, only if it belongs to the user (anyone else gets nothing, as if it did not exist). */
export function findOwned(id: string, userId: string): Certificate | undefined {
	return getDb()
		.select()
		.from(certificates)
		.where(and(eq(certificates.id, id), eq(certificates.userId, userId)))
		.get();
}

export function listForUser(userId: string): Certificate[] {
	return getDb()
		.select()
		.from(certificates)
		.where(eq(certificates.userId, userId))
		.orderBy(desc(certificates.issuedAt))
		.all();
}

function findGroup(groupId: string) {
	return getDb().select().from(groups).where(eq(groups.id, groupId)).get();
}

function validOfGroup(groupId: string, nameConfirmed: boolean) {
	const group = findGroup(groupId);
	if (!group) return [];
	const members = getDb()
		.select({ id: groupMembers.userId })
		.from(groupMembers)
		.where(eq(groupMembers.groupId, groupId))
		.all()
		.map((m) => m.id);
	if (members.length === 0) return [];
	return getDb()
		.select()
		.from(certificates)
		.where(
			and(
				inArray(certificates.userId, members),
				eq(certificates.courseSlug, group.courseSlug),
				isNull(certificates.revokedAt),
				isNull(certificates.replacedById),
				nameConfirmed ? isNotNull(certificates.nameConfirmedAt) : isNull(certificates.nameConfirmedAt)
			)
		)
		.orderBy(sql`pl_name_key(${certificates.nameAsPrinted})`)
		.all();
}

/**
 * Valid certificates of the group's members for the group's course whose names their owners confirmed: a
 * trainer never prints a spelling nobody checked.
 */
export function validCertificatesOfGroup(groupId: string): Certificate[] {
	return validOfGroup(groupId, true);
}

/** How many of the group's valid certificates wait for their owner to confirm the spelling of the name. */
export function certificatesAwaitingNameCount(groupId: string): number {
	return validOfGroup(groupId, false).length;
}

export interface AdminCertificateRow extends Certificate {
	email: string | null;
}

/** Newest first; `query` matches the printed name, the code, the course title or the learner's e-mail. */
export function searchCertificates(query: string, limit = 200): AdminCertificateRow[] {
	const q = query.trim();
	const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const match = (column: Parameters<typeof like>[0]) => like(column, pattern);
	const rows = getDb()
		.select({ cert: certificates, email: users.email })
		.from(certificates)
		.innerJoin(users, eq(users.id, certificates.userId))
		.where(
			q
				? or(
						match(certificates.nameAsPrinted),
						match(certificates.code),
						match(certificates.courseTitle),
						match(users.email)
					)
				: undefined
		)
		.orderBy(desc(certificates.issuedAt))
		.limit(limit)
		.all();
	return rows.map((r) => ({ ...r.cert, email: r.email }));
}

/** The learner's valid certificate for the course (not revoked, not replaced), if any. */
export function validCertificateFor(userId: string, courseSlug: string): Certificate | undefined {
	return validCertificateQuery().get({ userId, courseSlug });
}

/**
 * Whether the learner holds a valid certificate for the course: the lesson and quiz pages' finish line. Answered
 * from the partial index of valid certificates alone (certificates_one_valid_idx), without reading the row and
 * its signed credential.
 */
export function hasValidCertificate(userId: string, courseSlug: string): boolean {
	return validCertificateExists().get(userId, courseSlug) !== undefined;
}

const validCertificateExists = prepared((db) =>
	db.$client.prepare<[string, string], { found: 1 }>(
		`select 1 as found from certificates
		 where user_id = ? and course_slug = ? and revoked_at is null and replaced_by_id is null`
	)
);

// The course page's finish line runs it: prepared once (db/index.ts prepared()).
const validCertificateQuery = prepared((db) =>
	db
		.select()
		.from(certificates)
		.where(
			and(
				eq(certificates.userId, sql.placeholder('userId')),
				eq(certificates.courseSlug, sql.placeholder('courseSlug')),
				isNull(certificates.revokedAt),
				isNull(certificates.replacedById)
			)
		)
		.prepare()
);

/** The course page's finish line: the valid certificate if there is one, else what is still missing. */
export function finishLine(userId: string, course: Course) {
	const certificate = validCertificateFor(userId, course.slug);
	if (certificate) return { complete: true as const, certificateId: certificate.id, missing: null };
	return {
		complete: false as const,
		certificateId: null,
		missing: missingForCertificate(course, loadCompletionFacts(userId, course.slug))
	};
}
