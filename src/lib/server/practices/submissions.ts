// Cases sent through the form and their moderation: pending -> (changes_requested -> pending)* -> published or
// rejected. Each change is one transaction with its audit entry. A published submission becomes a case through
// the same validation as the files (parseCase), so the two sources cannot drift apart.
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { audit } from '../audit/log';
import { getDb, prepared, type Tx } from '../db';
import { practiceSubmissions, users, type PracticeSubmissionStatus } from '../db/schema';
import { randomId } from '../ids';
import { sectionsToBody } from './body';
import { parseCase, type PracticeCase } from './catalogue';
import type { SubmissionData } from './form';
import { foldForSearch } from './search';

export type SubmissionRow = typeof practiceSubmissions.$inferSelect;

export class SubmissionError extends Error {
	constructor(
		public code: 'not_found' | 'not_editable' | 'not_pending' | 'invalid',
		public status: number
	) {
		super(code);
	}
}

const EDITABLE: PracticeSubmissionStatus[] = ['pending', 'changes_requested'];

export function createSubmission(authorId: string, data: SubmissionData, tx: Tx = getDb()): string {
	const id = randomId();
	tx.transaction((t) => {
		t.insert(practiceSubmissions)
			.values({ id, authorId, title: String(data.frontmatter.title), data: { ...data }, updatedAt: new Date() })
			.run();
		audit({ actorId: authorId, action: 'practice.submitted', subjectType: 'practice_submission', subjectId: id }, t);
	});
	return id;
}

/** The author's own submission, or a SubmissionError(404) for anyone else's (no hint that it exists). */
export function getOwnSubmission(authorId: string, id: string): SubmissionRow {
	const row = getDb().select().from(practiceSubmissions).where(eq(practiceSubmissions.id, id)).get();
	if (!row || row.authorId !== authorId) throw new SubmissionError('not_found', 404);
	return row;
}

export function listOwnSubmissions(authorId: string): SubmissionRow[] {
	return getDb()
		.select()
		.from(practiceSubmissions)
		.where(eq(practiceSubmissions.authorId, authorId))
		.orderBy(desc(practiceSubmissions.updatedAt))
		.all();
}

/** The author edits a pending submission, or answers a request for changes: it goes back into the queue. */
export function updateOwnSubmission(authorId: string, id: string, data: SubmissionData, tx: Tx = getDb()) {
	tx.transaction((t) => {
		const row = t.select().from(practiceSubmissions).where(eq(practiceSubmissions.id, id)).get();
		if (!row || row.authorId !== authorId) throw new SubmissionError('not_found', 404);
		if (!EDITABLE.includes(row.status)) throw new SubmissionError('not_editable', 409);
		t.update(practiceSubmissions)
			.set({ data: { ...data }, title: String(data.frontmatter.title), status: 'pending', updatedAt: new Date() })
			.where(eq(practiceSubmissions.id, id))
			.run();
		audit({ actorId: authorId, action: 'practice.resubmitted', subjectType: 'practice_submission', subjectId: id }, t);
	});
}

export interface QueueEntry {
	id: string;
	title: string;
	status: PracticeSubmissionStatus;
	authorName: string;
	authorOrganisation: string;
	updatedAt: Date;
	slug: string | null;
}

/** The moderation queue: waiting submissions first (oldest first), then the rest, newest first. */
export function moderationQueue(): { waiting: QueueEntry[]; others: QueueEntry[] } {
	const rows = getDb()
		.select({
			id: practiceSubmissions.id,
			title: practiceSubmissions.title,
			status: practiceSubmissions.status,
			authorName: users.name,
			authorOrganisation: users.organisation,
			updatedAt: practiceSubmissions.updatedAt,
			slug: practiceSubmissions.slug
		})
		.from(practiceSubmissions)
		.leftJoin(users, eq(users.id, practiceSubmissions.authorId))
		.orderBy(desc(practiceSubmissions.updatedAt))
		.all()
		.map((r) => ({ ...r, authorName: r.authorName ?? '', authorOrganisation: r.authorOrganisation ?? '' }));
	return {
		waiting: rows.filter((r) => r.status === 'pending').reverse(),
		others: rows.filter((r) => r.status !== 'pending')
	};
}

export function getSubmission(id: string): (SubmissionRow & { authorName: string; authorEmail: string }) | undefined {
	const row = getDb()
		.select({ s: practiceSubmissions, name: users.name, email: users.email })
		.from(practiceSubmissions)
		.leftJoin(users, eq(users.id, practiceSubmissions.authorId))
		.where(eq(practiceSubmissions.id, id))
		.get();
	return row ? { ...row.s, authorName: row.name ?? '', authorEmail: row.email ?? '' } : undefined;
}

function moderate(
	adminId: string,
	id: string,
	from: PracticeSubmissionStatus[],
	change: Partial<typeof practiceSubmissions.$inferInsert>,
	action: string,
	details: Record<string, unknown>,
	tx: Tx
) {
	tx.transaction((t) => {
		const row = t.select().from(practiceSubmissions).where(eq(practiceSubmissions.id, id)).get();
		if (!row) throw new SubmissionError('not_found', 404);
		if (!from.includes(row.status)) throw new SubmissionError('not_pending', 409);
		t.update(practiceSubmissions)
			.set({ ...change, moderatedBy: adminId, updatedAt: new Date() })
			.where(eq(practiceSubmissions.id, id))
			.run();
		audit({ actorId: adminId, action, subjectType: 'practice_submission', subjectId: id, details }, t);
	});
}

/**
 * What the submitter wrote about being contacted, for the moderator: the case page shows the text only with the
 * consent, so the moderator sees both before publishing.
 */
export function submittedContact(row: SubmissionRow): { text: string; consent: boolean } | null {
	const contact = (row.data as unknown as SubmissionData).frontmatter.contact as
		{ consent?: boolean; text?: string } | undefined;
	return contact?.text ? { text: String(contact.text), consent: contact.consent === true } : null;
}

export function requestChanges(adminId: string, id: string, comment: string, tx: Tx = getDb()) {
	moderate(
		adminId,
		id,
		['pending'],
		{ status: 'changes_requested', moderatorComment: comment },
		'practice.changes_requested',
		{ comment },
		tx
	);
}

export function rejectSubmission(adminId: string, id: string, comment: string | undefined, tx: Tx = getDb()) {
	moderate(
		adminId,
		id,
		['pending', 'changes_requested'],
		{ status: 'rejected', moderatorComment: comment ?? null },
		'practice.rejected',
		{ comment: comment ?? null },
		tx
	);
}

/** A URL slug from the title ("Łódź i Chengdu" -> "lodz-i-chengdu"), unique among `taken`. */
export function slugFromTitle(title: string, taken: Set<string>): string {
	const base =
		foldForSearch(title)
			.replace(/[^a-z0-9 ]/g, '')
			.trim()
			.split(/\s+/)
			.join('-')
			.slice(0, 60)
			.replace(/-+$/, '') || 'przypadek';
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
	return slug;
}

/**
 * Publishes a pending submission: validates it as a case (the same rules as a file; a problem is
 * SubmissionError('invalid') with the messages), gives it a slug no file or other submission has, and stamps
 * today as "last verified" (the moderator checked it now).
 */
export function publishSubmission(
	adminId: string,
	id: string,
	fileSlugs: Set<string>,
	lessonRefs: Set<string>,
	today: string,
	tx: Tx = getDb()
): string {
	// Read, validate and write in one transaction, so the published data is exactly the data that was checked
	// (an author's edit landing in between cannot be overwritten by the older text).
	return tx.transaction((t) => {
		const row = t.select().from(practiceSubmissions).where(eq(practiceSubmissions.id, id)).get();
		if (!row) throw new SubmissionError('not_found', 404);
		const published = t
			.select({ slug: practiceSubmissions.slug })
			.from(practiceSubmissions)
			.where(isNotNull(practiceSubmissions.slug))
			.all()
			.map((r) => r.slug!);
		const slug = slugFromTitle(row.title, new Set([...fileSlugs, ...published]));
		const check = submissionAsCase({ ...row, slug }, lessonRefs, today);
		if (!check.case) throw Object.assign(new SubmissionError('invalid', 400), { problems: check.problems });
		moderate(
			adminId,
			id,
			['pending'],
			{ status: 'published', slug, publishedAt: new Date(), data: { ...row.data, last_verified: today } },
			'practice.published',
			{ slug },
			t
		);
		return slug;
	});
}

/** A submission's data as a case, through the same validation as a file. */
export function submissionAsCase(
	row: Pick<SubmissionRow, 'id' | 'data' | 'slug'>,
	lessonRefs: Set<string>,
	lastVerified?: string
): { case?: PracticeCase; problems: string[] } {
	const data = row.data as unknown as SubmissionData & { last_verified?: string };
	const frontmatter = { ...data.frontmatter, last_verified: lastVerified ?? data.last_verified };
	return parseCase(
		`submission ${row.id}`,
		row.slug ?? 'draft',
		frontmatter,
		sectionsToBody(data.sections),
		lessonRefs,
		'submission'
	);
}

// What changes whenever a published case may have: the count, latest and sum of the published rows' change
// times, read from the (status, updated_at) index alone. Every write here sets updated_at, and a row leaving or
// joining the published set moves the count or the sum. The lesson page asks this on every view; the cases
// themselves are read and parsed again only when it changes (index.ts, docs/PERFORMANCE.md round four).
const publishedFingerprint = prepared((db) =>
	db.$client.prepare<[], { n: number; latest: number | null; total: number }>(
		`select count(*) as n, max(updated_at) as latest, total(updated_at) as total
			 from practice_submissions where status = 'published'`
	)
);
export function publishedCasesVersion(): string {
	const { n, latest, total } = publishedFingerprint().get()!;
	return `${n}|${latest}|${total}`;
}

/** Published submissions as cases; one that no longer validates is left out (and logged). */
export function publishedSubmissionCases(lessonRefs: Set<string>): PracticeCase[] {
	const rows = getDb()
		.select({ id: practiceSubmissions.id, slug: practiceSubmissions.slug, data: practiceSubmissions.data })
		.from(practiceSubmissions)
		.where(and(eq(practiceSubmissions.status, 'published'), isNotNull(practiceSubmissions.slug)))
		.all();
	const out: PracticeCase[] = [];
	for (const row of rows) {
		const result = submissionAsCase(row, lessonRefs);
		if (result.case) out.push(result.case);
		else console.warn(`[practices] published ${result.problems.join('; ')}`);
	}
	return out;
}

/** Counts by status, for the admin's front page. */
export function waitingCount(): number {
	return getDb()
		.select({ id: practiceSubmissions.id })
		.from(practiceSubmissions)
		.where(inArray(practiceSubmissions.status, ['pending']))
		.all().length;
}
