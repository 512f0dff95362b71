// Programmes in the database: create, read with access, save a step (version check), share, comment, publish and
// unpublish. Every write and its audit row commit in one transaction.
import { and, asc, count, desc, eq, or } from 'drizzle-orm';
import { emptyProgramme, type ProgrammeContent, type ProgrammeStep } from '../../programmes/model';
import { audit } from '../audit/log';
import { getDb, type Tx } from '../db';
import { programmeComments, programmes, programmeShares, users, type ProgrammeShareRole } from '../db/schema';
import { hashToken, randomId } from '../ids';
import {
	accessFor,
	canEdit,
	canPublish,
	canShare,
	canUnpublish,
	isCollaborator,
	type AccessUser,
	type ProgrammeAccess
} from './access';
import { normaliseContent, type StepUpdate } from './form';

export type ProgrammeErrorCode =
	| 'not_found'
	| 'forbidden'
	| 'consent_required'
	| 'not_published'
	| 'self_share'
	| 'too_many_shares'
	| 'too_many_comments'
	| 'withdrawn';
const STATUS: Record<ProgrammeErrorCode, number> = {
	not_found: 404,
	forbidden: 403,
	consent_required: 400,
	not_published: 409,
	self_share: 400,
	too_many_shares: 409,
	too_many_comments: 409,
	withdrawn: 409
};

/** At most this many people per programme, and this many comments: enough for an office, not a mailing list. */
export const MAX_SHARES = 50;
export const MAX_COMMENTS = 500;

/**
 * How audit rows name a shared address: a hash, never the address itself, so erasing the person leaves no e-mail
 * in the log (anonymisation also drops these hashes).
 */
export const shareRef = (email: string) => hashToken(`programme-share:${email.trim().toLowerCase()}`).slice(0, 32);

export class ProgrammeError extends Error {
	status: number;
	constructor(public code: ProgrammeErrorCode) {
		super(code);
		this.status = STATUS[code];
	}
}

export type ProgrammeRow = typeof programmes.$inferSelect;

export interface LoadedProgramme {
	row: ProgrammeRow;
	content: ProgrammeContent;
	access: ProgrammeAccess;
	shares: { email: string; userId: string | null; role: ProgrammeShareRole }[];
}

/** "Program współpracy zagranicznej Gminy Przykładowej na lata 2026–2030" (years left out while unknown). */
export function programmeTitle(row: Pick<ProgrammeRow, 'titleOffice' | 'yearFrom' | 'yearTo'>): string {
	const years = row.yearFrom && row.yearTo ? ` na lata ${row.yearFrom}–${row.yearTo}` : '';
	return `Program współpracy zagranicznej ${row.titleOffice}${years}`.trim();
}

function sharesOf(id: string, tx: Tx) {
	return tx
		.select({
			email: programmeShares.email,
			userId: programmeShares.userId,
			role: programmeShares.role
		})
		.from(programmeShares)
		.where(eq(programmeShares.programmeId, id))
		.orderBy(asc(programmeShares.createdAt))
		.all();
}

/** The programme as this person may see it; 404 when they may not see it at all. */
export function loadProgramme(id: string, user: AccessUser | null | undefined, tx: Tx = getDb()): LoadedProgramme {
	const row = tx.select().from(programmes).where(eq(programmes.id, id)).get();
	if (!row) throw new ProgrammeError('not_found');
	const shares = sharesOf(id, tx);
	const access = accessFor({ authorId: row.authorId, status: row.status, shares }, user);
	if (!access) throw new ProgrammeError('not_found');
	return { row, content: normaliseContent(row.content, emptyProgramme()), access, shares };
}

export interface NewProgramme {
	titleOffice: string;
	content: ProgrammeContent;
}

export function createProgramme(user: AccessUser, input: NewProgramme, tx: Tx = getDb()): string {
	const id = randomId(10);
	tx.transaction((t) => {
		t.insert(programmes)
			.values({
				id,
				authorId: user.id,
				titleOffice: input.titleOffice,
				yearFrom: input.content.years.from,
				yearTo: input.content.years.to,
				content: input.content as unknown as Record<string, unknown>,
				updatedAt: new Date()
			})
			.run();
		audit({ actorId: user.id, action: 'programme.created', subjectType: 'programme', subjectId: id }, t);
	});
	return id;
}

export type SaveResult =
	| { ok: true; version: number }
	| { ok: false; conflict: true; version: number; content: ProgrammeContent; titleOffice: string };

/**
 * Saves one step on top of the version the editor started from. A save on a published programme takes it out of
 * the gallery (back to draft): the office consented to the text it published, not to later changes, so the
 * author publishes again, with consent, when the changes are done. A save based on an older version is refused
 * and answers the current text: two tabs or two colleagues never overwrite each other silently. The check and the
 * write are one UPDATE ... WHERE version = base, inside one transaction, so of two saves from the same version
 * exactly one wins.
 */
export function saveStep(
	user: AccessUser,
	id: string,
	step: ProgrammeStep,
	baseVersion: number,
	update: StepUpdate,
	tx: Tx = getDb()
): SaveResult {
	return tx.transaction((t) => {
		const p = loadProgramme(id, user, t);
		if (!canEdit(p.access)) throw new ProgrammeError(p.access === 'public' ? 'not_found' : 'forbidden');
		if (p.row.version !== baseVersion)
			return { ok: false, conflict: true, version: p.row.version, content: p.content, titleOffice: p.row.titleOffice };
		const content = update.apply(p.content);
		const changed = t
			.update(programmes)
			.set({
				content: content as unknown as Record<string, unknown>,
				titleOffice: update.titleOffice ?? p.row.titleOffice,
				yearFrom: content.years.from,
				yearTo: content.years.to,
				version: p.row.version + 1,
				status: 'draft',
				updatedAt: new Date()
			})
			.where(and(eq(programmes.id, id), eq(programmes.version, baseVersion)))
			.run().changes;
		if (changed !== 1) {
			const now = loadProgramme(id, user, t);
			return {
				ok: false,
				conflict: true,
				version: now.row.version,
				content: now.content,
				titleOffice: now.row.titleOffice
			};
		}
		audit(
			{
				actorId: user.id,
				action: 'programme.saved',
				subjectType: 'programme',
				subjectId: id,
				details: { step, version: p.row.version + 1 }
			},
			t
		);
		if (p.row.status === 'published')
			audit(
				{
					actorId: user.id,
					action: 'programme.unpublished',
					subjectType: 'programme',
					subjectId: id,
					details: { reason: 'edited' }
				},
				t
			);
		return { ok: true, version: p.row.version + 1 };
	});
}

/** Shares the draft with an e-mail (view or edit); sharing again changes the role. Author only. */
export function shareProgramme(
	user: AccessUser,
	id: string,
	email: string,
	role: ProgrammeShareRole,
	tx: Tx = getDb()
) {
	const address = email.trim().toLowerCase();
	tx.transaction((t) => {
		const p = loadProgramme(id, user, t);
		if (!canShare(p.access)) throw new ProgrammeError(p.access === 'public' ? 'not_found' : 'forbidden');
		if (user.email && address === user.email.toLowerCase()) throw new ProgrammeError('self_share');
		const account = t.select({ id: users.id }).from(users).where(eq(users.email, address)).get();
		const existing = p.shares.some((s) => s.email === address);
		if (!existing && p.shares.length >= MAX_SHARES) throw new ProgrammeError('too_many_shares');
		t.insert(programmeShares)
			.values({ programmeId: id, email: address, userId: account?.id ?? null, role })
			.onConflictDoUpdate({
				target: [programmeShares.programmeId, programmeShares.email],
				set: { role, userId: account?.id ?? null }
			})
			.run();
		audit(
			{
				actorId: user.id,
				action: 'programme.shared',
				subjectType: 'programme',
				subjectId: id,
				details: { share: shareRef(address), userId: account?.id ?? null, role }
			},
			t
		);
	});
}

export function unshareProgramme(user: AccessUser, id: string, email: string, tx: Tx = getDb()): boolean {
	const address = email.trim().toLowerCase();
	return tx.transaction((t) => {
		const p = loadProgramme(id, user, t);
		if (!canShare(p.access)) throw new ProgrammeError(p.access === 'public' ? 'not_found' : 'forbidden');
		const removed = t
			.delete(programmeShares)
			.where(and(eq(programmeShares.programmeId, id), eq(programmeShares.email, address)))
			.run().changes;
		if (removed)
			audit(
				{
					actorId: user.id,
					action: 'programme.unshared',
					subjectType: 'programme',
					subjectId: id,
					details: { share: shareRef(address) }
				},
				t
			);
		return removed > 0;
	});
}

export function addComment(user: AccessUser, id: string, step: ProgrammeStep, body: string, tx: Tx = getDb()): string {
	const commentId = randomId(10);
	tx.transaction((t) => {
		const p = loadProgramme(id, user, t);
		if (!isCollaborator(p.access)) throw new ProgrammeError('not_found');
		const comments =
			t.select({ n: count() }).from(programmeComments).where(eq(programmeComments.programmeId, id)).get()?.n ?? 0;
		if (comments >= MAX_COMMENTS) throw new ProgrammeError('too_many_comments');
		t.insert(programmeComments).values({ id: commentId, programmeId: id, step, authorId: user.id, body }).run();
		audit(
			{
				actorId: user.id,
				action: 'programme.commented',
				subjectType: 'programme',
				subjectId: id,
				details: { step, comment: commentId }
			},
			t
		);
	});
	return commentId;
}

export interface CommentView {
	id: string;
	step: string;
	body: string;
	authorName: string | null;
	createdAt: Date;
}

export function commentsOf(id: string, tx: Tx = getDb()): CommentView[] {
	return tx
		.select({
			id: programmeComments.id,
			step: programmeComments.step,
			body: programmeComments.body,
			authorName: users.name,
			createdAt: programmeComments.createdAt
		})
		.from(programmeComments)
		.leftJoin(users, eq(users.id, programmeComments.authorId))
		.where(eq(programmeComments.programmeId, id))
		.orderBy(asc(programmeComments.createdAt))
		.all();
}

/**
 * Publishes with the office's consent (the checkbox); the gallery shows the office and the date only. A programme
 * an administrator withdrew stays withdrawn for its author (refused with 'withdrawn': they contact the academy);
 * an administrator may publish it again, which clears the withdrawal.
 */
export function publishProgramme(user: AccessUser, id: string, consent: boolean, tx: Tx = getDb()) {
	if (!consent) throw new ProgrammeError('consent_required');
	tx.transaction((t) => {
		const p = loadProgramme(id, user, t);
		if (!canPublish(p.access)) throw new ProgrammeError(p.access === 'public' ? 'not_found' : 'forbidden');
		if (p.row.unpublishedBy && !canUnpublish(user)) throw new ProgrammeError('withdrawn');
		const now = new Date();
		t.update(programmes)
			.set({ status: 'published', publishedAt: now, unpublishedAt: null, unpublishedBy: null, updatedAt: now })
			.where(eq(programmes.id, id))
			.run();
		audit({ actorId: user.id, action: 'programme.published', subjectType: 'programme', subjectId: id }, t);
	});
}

/** An admin takes a programme out of the gallery; it becomes its author's draft again. */
export function unpublishProgramme(user: AccessUser, id: string, tx: Tx = getDb()) {
	if (!canUnpublish(user)) throw new ProgrammeError('forbidden');
	tx.transaction((t) => {
		const row = t.select().from(programmes).where(eq(programmes.id, id)).get();
		if (!row) throw new ProgrammeError('not_found');
		if (row.status !== 'published') throw new ProgrammeError('not_published');
		const now = new Date();
		t.update(programmes)
			.set({ status: 'draft', unpublishedAt: now, unpublishedBy: user.id, updatedAt: now })
			.where(eq(programmes.id, id))
			.run();
		audit({ actorId: user.id, action: 'programme.unpublished', subjectType: 'programme', subjectId: id }, t);
	});
}

export interface ProgrammeListItem {
	id: string;
	title: string;
	status: 'draft' | 'published';
	role: ProgrammeAccess;
	updatedAt: Date;
}

/** The person's own drafts and those shared with them, newest first. */
export function listMine(user: AccessUser, tx: Tx = getDb()): ProgrammeListItem[] {
	const email = user.email?.toLowerCase() ?? '';
	const own = tx.select().from(programmes).where(eq(programmes.authorId, user.id)).all();
	const shared = tx
		.select({ p: programmes, role: programmeShares.role })
		.from(programmeShares)
		.innerJoin(programmes, eq(programmes.id, programmeShares.programmeId))
		.where(or(eq(programmeShares.userId, user.id), eq(programmeShares.email, email)))
		.all();
	const items: ProgrammeListItem[] = [
		...own.map((p) => ({
			id: p.id,
			title: programmeTitle(p),
			status: p.status,
			role: 'author' as const,
			updatedAt: p.updatedAt
		})),
		...shared
			.filter((s) => s.p.authorId !== user.id)
			.map((s) => ({
				id: s.p.id,
				title: programmeTitle(s.p),
				status: s.p.status,
				role: s.role,
				updatedAt: s.p.updatedAt
			}))
	];
	return items.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
}

/** Every published programme (the gallery filters them in memory: a few hundred at most). */
export function publishedProgrammes(tx: Tx = getDb()) {
	return tx
		.select()
		.from(programmes)
		.where(eq(programmes.status, 'published'))
		.orderBy(desc(programmes.publishedAt))
		.all()
		.map((row) => ({ row, content: normaliseContent(row.content, emptyProgramme()) }));
}
