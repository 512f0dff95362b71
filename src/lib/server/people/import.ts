// Bulk invitations from a staff list: analyse every row first (the preview), write only a file without a single
// problem, in one durable transaction. The confirm step re-analyses the same text, so nothing is trusted from
// the browser and a group or account created in between is still caught.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/log';
import { createInvitation } from '../auth/tokens';
import { durably, getDb, type Tx } from '../db';
import { groups, invitations, users } from '../db/schema';
import { fields } from '../forms/fields';
import { startsLikeFormula } from '../csv';
import { decodeCsv, detectSeparator, mapHeader, parseCsv, type Column, type Encoding } from './csv';

export const IMPORT_MAX_BYTES = 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;

export type RowProblem =
	| 'name_required'
	| 'name_invalid'
	| 'formula'
	| 'email_required'
	| 'email_invalid'
	| 'email_exists'
	| 'invitation_pending'
	| 'organisation_required'
	| 'organisation_invalid'
	| 'group_required'
	| 'group_unknown'
	| 'group_ambiguous'
	| 'duplicate'
	| 'too_long';

export type FileProblem = 'too_large' | 'not_csv' | 'empty' | 'missing_columns' | 'too_many_rows';

export interface ImportRow {
	/** Line number in the file as Excel shows it (the header is row 1). */
	row: number;
	name: string;
	email: string;
	organisation: string;
	group: string;
	groupId: string | null;
	problems: RowProblem[];
	/** For a duplicate: the row it repeats. */
	duplicateOf?: number;
}

export type Analysis =
	| { ok: false; fileProblem: FileProblem; missing?: Column[] }
	| { ok: true; encoding: Encoding; separator: ';' | ','; rows: ImportRow[]; problemCount: number; text: string };

function checkField(schema: z.ZodType, value: string): string | null {
	const result = schema.safeParse(value);
	return result.success ? null : result.error.issues[0].message;
}

/** Reads the bytes of an uploaded file: size, encoding, separator, header; then every row. */
export function analyseFile(bytes: Uint8Array, tx: Tx = getDb()): Analysis {
	if (bytes.byteLength > IMPORT_MAX_BYTES) return { ok: false, fileProblem: 'too_large' };
	// Spreadsheets (.xlsx is a zip), PDFs and images contain NUL bytes or a zip header; text never does.
	if (bytes.includes(0) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return { ok: false, fileProblem: 'not_csv' };
	const { text, encoding } = decodeCsv(bytes);
	return analyseText(text, encoding, tx);
}

export function analyseText(text: string, encoding: Encoding, tx: Tx = getDb(), now = Date.now()): Analysis {
	const separator = detectSeparator(text);
	const records = parseCsv(text, separator);
	if (records.length === 0) return { ok: false, fileProblem: 'empty' };
	const { columns, missing } = mapHeader(records[0]);
	if (missing.length > 0)
		return { ok: false, fileProblem: records[0].length < 2 ? 'not_csv' : 'missing_columns', missing };
	if (records.length === 1) return { ok: false, fileProblem: 'empty' };
	if (records.length - 1 > IMPORT_MAX_ROWS) return { ok: false, fileProblem: 'too_many_rows' };

	const cell = (record: string[], column: Column) => (record[columns[column]!] ?? '').trim();
	const groupIndex = activeGroupsByName(tx);
	const seen = new Map<string, number>();
	const rows: ImportRow[] = records.slice(1).map((record, index) => {
		const row: ImportRow = {
			row: index + 2,
			name: cell(record, 'name'),
			email: cell(record, 'email'),
			organisation: cell(record, 'organisation'),
			group: cell(record, 'group'),
			groupId: null,
			problems: []
		};
		const add = (p: RowProblem) => row.problems.includes(p) || row.problems.push(p);

		if (startsLikeFormula(row.name) || startsLikeFormula(row.organisation)) add('formula');
		const nameError = checkField(fields.personName(), row.name);
		if (nameError === 'required') add('name_required');
		else if (nameError?.startsWith('too_long')) add('too_long');
		else if (nameError && !startsLikeFormula(row.name)) add('name_invalid');
		const orgError = checkField(fields.organisation(), row.organisation);
		if (orgError === 'required') add('organisation_required');
		else if (orgError?.startsWith('too_long')) add('too_long');
		else if (orgError && !startsLikeFormula(row.organisation)) add('organisation_invalid');

		const emailResult = fields.email().safeParse(row.email);
		if (!emailResult.success) add(row.email === '' ? 'email_required' : 'email_invalid');
		else {
			row.email = emailResult.data;
			if (tx.select({ id: users.id }).from(users).where(eq(users.email, row.email)).get()) add('email_exists');
			// A file sent twice (a refresh, the back button) must not invite the same people again.
			else if (hasPendingInvitation(tx, row.email, now)) add('invitation_pending');
			const first = seen.get(row.email);
			if (first !== undefined) {
				add('duplicate');
				row.duplicateOf = first;
			} else seen.set(row.email, row.row);
		}

		if (row.group === '') add('group_required');
		else {
			const matches = groupIndex.get(row.group.toLocaleLowerCase('pl')) ?? [];
			if (matches.length === 0) add('group_unknown');
			else if (matches.length > 1) add('group_ambiguous');
			else row.groupId = matches[0];
		}
		return row;
	});
	const problemCount = rows.filter((r) => r.problems.length > 0).length;
	return { ok: true, encoding, separator, rows, problemCount, text };
}

function hasPendingInvitation(tx: Tx, email: string, now: number): boolean {
	return !!tx
		.select({ id: invitations.id })
		.from(invitations)
		.where(and(eq(invitations.email, email), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date(now))))
		.get();
}

function activeGroupsByName(tx: Tx): Map<string, string[]> {
	const index = new Map<string, string[]>();
	for (const g of tx.select({ id: groups.id, name: groups.name }).from(groups).where(isNull(groups.archivedAt)).all()) {
		const key = g.name.trim().toLocaleLowerCase('pl');
		index.set(key, [...(index.get(key) ?? []), g.id]);
	}
	return index;
}

export interface Invited {
	email: string;
	name: string;
	token: string;
	groupId: string | null;
}

export type CommitResult = { ok: true; invited: Invited[] } | { ok: false; analysis: Analysis };

/**
 * Re-analyses the text inside one durable transaction and creates an invitation per row, or nothing at all.
 * The mails are sent by the caller after the commit (an invitation without its mail can be re-sent; a mail
 * for an invitation that was rolled back would be a dead link).
 */
export function commitImport(text: string, encoding: Encoding, actorId: string, now = Date.now()): CommitResult {
	const db = getDb();
	return durably(db, (tx) => {
		const analysis = analyseText(text, encoding, tx, now);
		if (!analysis.ok || analysis.problemCount > 0) return { ok: false, analysis } as const;
		const invited: Invited[] = analysis.rows.map((row) => {
			const token = createInvitation(
				{
					email: row.email,
					role: 'learner',
					name: row.name,
					organisation: row.organisation,
					groupId: row.groupId,
					invitedBy: actorId
				},
				now,
				tx
			);
			return { email: row.email, name: row.name, token, groupId: row.groupId ?? null };
		});
		audit(
			{
				actorId,
				action: 'import.committed',
				subjectType: 'import',
				subjectId: String(now),
				details: { rows: invited.length, emails: invited.map((i) => i.email) }
			},
			tx
		);
		return { ok: true, invited } as const;
	});
}
