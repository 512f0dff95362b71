// Responses: who may answer (token link, open link with a cookie key, signed-in learner for an evaluation), saving
// answers (autosave and form), submitting, and the survey's settings. Every write happens in one transaction.
import { and, count, eq, inArray } from 'drizzle-orm';
import { audit } from '../audit/log';
import { getDb, type Tx } from '../db';
import { surveyAnswers, surveyResponses, surveySettings, surveyTokens } from '../db/schema';
import { hashToken, randomId } from '../ids';
import { missingRequired, type AnswerErrorCode, type Answers, type AnswerValue } from './answers';
import type { Survey } from './catalogue';

export type SurveyErrorCode =
	'not_found' | 'closed' | 'token_required' | 'token_invalid' | 'bad_request' | 'too_large' | 'anonymous_locked';

const STATUS: Record<SurveyErrorCode, number> = {
	not_found: 404,
	closed: 409,
	token_required: 403,
	token_invalid: 403,
	bad_request: 400,
	too_large: 413,
	anonymous_locked: 409
};

export class SurveyError extends Error {
	status: number;
	constructor(public code: SurveyErrorCode) {
		super(code);
		this.status = STATUS[code];
	}
}

/** Who is answering. */
export type Respondent =
	| { kind: 'token'; token: string }
	| { kind: 'key'; key: string }
	| { kind: 'learner'; userId: string; context: string; groupId: string | null };

export type Settings = typeof surveySettings.$inferSelect;

/** The survey's settings; the file's defaults until an admin or a respondent first writes (a read writes nothing). */
export function getSettings(survey: Survey, tx: Tx = getDb()): Settings {
	return (
		tx.select().from(surveySettings).where(eq(surveySettings.surveySlug, survey.slug)).get() ?? {
			surveySlug: survey.slug,
			anonymous: survey.anonymous,
			closedAt: null,
			recommendationTexts: null,
			publishedAt: null,
			updatedAt: null
		}
	);
}

/** The settings row, created from the file's defaults if missing: call inside a write's transaction. */
export function ensureSettings(survey: Survey, tx: Tx): Settings {
	tx.insert(surveySettings)
		.values({ surveySlug: survey.slug, anonymous: survey.anonymous })
		.onConflictDoNothing()
		.run();
	return getSettings(survey, tx);
}

/** End of the file's `closes` day in Polish time (23:59:59.999 Europe/Warsaw). */
export function closesAt(survey: Survey): Date | null {
	if (!survey.closes) return null;
	const [y, mo, d] = survey.closes.split('-').map(Number);
	// Warsaw is UTC+1 or UTC+2: find the offset at that moment and subtract it.
	const guess = Date.UTC(y, mo - 1, d, 23, 59, 59, 999);
	const local = new Date(new Date(guess).toLocaleString('en-US', { timeZone: 'Europe/Warsaw' }));
	const utc = new Date(new Date(guess).toLocaleString('en-US', { timeZone: 'UTC' }));
	return new Date(guess - (local.getTime() - utc.getTime()));
}

export function isOpen(survey: Survey, settings: Settings, now = new Date()): boolean {
	if (settings.closedAt) return false;
	const end = closesAt(survey);
	return !end || now.getTime() <= end.getTime();
}

export function responseCount(slug: string, tx: Tx = getDb()): number {
	return tx.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveySlug, slug)).get()?.n ?? 0;
}

function respondentHash(survey: Survey, r: Respondent): string | null {
	if (r.kind === 'key') return hashToken(`key:${survey.slug}:${r.key}`);
	if (r.kind === 'learner') return hashToken(`learner:${survey.slug}:${r.context}:${r.userId}`);
	return null;
}

function tokenRow(survey: Survey, token: string, tx: Tx) {
	return tx
		.select()
		.from(surveyTokens)
		.where(and(eq(surveyTokens.tokenHash, hashToken(token)), eq(surveyTokens.surveySlug, survey.slug)))
		.get();
}

/** Checks that this respondent may answer this survey at all (open or closed); returns the token's office. */
export function checkRespondent(survey: Survey, r: Respondent | null, tx: Tx = getDb()): { office: string | null } {
	if (r?.kind === 'token') {
		const row = tokenRow(survey, r.token, tx);
		if (!row) throw new SurveyError('token_invalid');
		return { office: row.office };
	}
	if (survey.access === 'token') throw new SurveyError('token_required');
	return { office: null };
}

function findResponseRow(survey: Survey, r: Respondent, tx: Tx) {
	if (r.kind === 'token') {
		const token = tokenRow(survey, r.token, tx);
		if (!token) throw new SurveyError('token_invalid');
		const row = tx.select().from(surveyResponses).where(eq(surveyResponses.tokenId, token.id)).get();
		return { row, tokenId: token.id, hash: null };
	}
	const hash = respondentHash(survey, r)!;
	const row = tx.select().from(surveyResponses).where(eq(surveyResponses.respondentHash, hash)).get();
	return { row, tokenId: null, hash };
}

export interface OwnResponse {
	id: string;
	answers: Answers;
	submittedAt: Date | null;
}

/** The respondent's response so far, or null before their first answer. */
export function loadOwnResponse(survey: Survey, r: Respondent, tx: Tx = getDb()): OwnResponse | null {
	checkRespondent(survey, r, tx);
	const { row } = findResponseRow(survey, r, tx);
	if (!row) return null;
	const answers: Answers = {};
	for (const a of tx.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, row.id)).all())
		answers[a.questionId] = a.value;
	return { id: row.id, answers, submittedAt: row.submittedAt };
}

let writes = 0;
/** How many responses this process has saved: part of the key of the cached report (surveys/report.ts). */
export function responseWrites(): number {
	return writes;
}

export type SaveResult =
	{ ok: true; responseId: string; submitted: boolean } | { ok: false; errors: Record<string, AnswerErrorCode> };

/**
 * Saves answers (null clears one). With `submit`, every shown required question must be answered, or nothing is
 * written. A response stays editable, after submitting too, until the survey closes.
 */
export function saveResponse(
	survey: Survey,
	r: Respondent,
	values: Record<string, AnswerValue | null>,
	options: { submit?: boolean; now?: Date } = {}
): SaveResult {
	const now = options.now ?? new Date();
	writes++;
	return getDb().transaction((tx) => {
		const settings = getSettings(survey, tx);
		checkRespondent(survey, r, tx);
		if (!isOpen(survey, settings, now)) throw new SurveyError('closed');
		const known = new Set(survey.questions.map((q) => q.id));
		if (Object.keys(values).some((id) => !known.has(id))) throw new SurveyError('bad_request');
		const found = findResponseRow(survey, r, tx);
		const existing: Answers = {};
		if (found.row)
			for (const a of tx.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, found.row.id)).all())
				existing[a.questionId] = a.value;
		const merged: Answers = { ...existing };
		for (const [id, v] of Object.entries(values)) {
			if (v === null) delete merged[id];
			else merged[id] = v;
		}
		if (options.submit) {
			const missing = missingRequired(survey.questions, merged);
			if (Object.keys(missing).length > 0) return { ok: false as const, errors: missing };
		}
		ensureSettings(survey, tx);
		let responseId = found.row?.id;
		if (!responseId) {
			responseId = randomId();
			tx.insert(surveyResponses)
				.values({
					id: responseId,
					surveySlug: survey.slug,
					tokenId: found.tokenId,
					respondentHash: found.hash,
					context: r.kind === 'learner' ? r.context : '',
					groupId: r.kind === 'learner' ? r.groupId : null,
					updatedAt: now
				})
				.run();
		}
		const cleared = Object.entries(values)
			.filter(([, v]) => v === null)
			.map(([id]) => id);
		if (cleared.length > 0)
			tx.delete(surveyAnswers)
				.where(and(eq(surveyAnswers.responseId, responseId), inArray(surveyAnswers.questionId, cleared)))
				.run();
		for (const [questionId, value] of Object.entries(values)) {
			if (value === null) continue;
			tx.insert(surveyAnswers)
				.values({ responseId, questionId, value, answeredAt: now })
				.onConflictDoUpdate({
					target: [surveyAnswers.responseId, surveyAnswers.questionId],
					set: { value, answeredAt: now }
				})
				.run();
		}
		const submitted = !!options.submit || !!found.row?.submittedAt;
		tx.update(surveyResponses)
			.set({ updatedAt: now, ...(options.submit && !found.row?.submittedAt ? { submittedAt: now } : {}) })
			.where(eq(surveyResponses.id, responseId))
			.run();
		if (options.submit && !found.row?.submittedAt)
			// No response id or respondent in the entry: the audit log must not undo anonymity.
			audit({ actorId: null, action: 'survey.response_submitted', subjectType: 'survey', subjectId: survey.slug }, tx);
		return { ok: true as const, responseId, submitted };
	});
}

// ---- Admin: tokens and settings ----

export interface GeneratedToken {
	office: string;
	token: string;
}

/** One token link per office (names trimmed, blank lines and duplicates dropped); the tokens are shown once. */
export function generateTokens(actorId: string, survey: Survey, offices: string[]): GeneratedToken[] {
	const names = [...new Set(offices.map((o) => o.trim()).filter(Boolean))];
	return getDb().transaction((tx) => {
		const out: GeneratedToken[] = [];
		for (const office of names) {
			const token = randomId(20);
			tx.insert(surveyTokens)
				.values({ id: randomId(), surveySlug: survey.slug, tokenHash: hashToken(token), office, createdBy: actorId })
				.run();
			out.push({ office, token });
		}
		audit(
			{
				actorId,
				action: 'survey.tokens_generated',
				subjectType: 'survey',
				subjectId: survey.slug,
				details: { count: out.length }
			},
			tx
		);
		return out;
	});
}

export interface TokenListRow {
	office: string;
	createdAt: Date;
	/** Null in anonymous mode: who answered is hidden from everyone. */
	answered: boolean | null;
}

/** The survey's token links by office name; the first `limit` of them when given (the report page's first view). */
export function listTokens(survey: Survey, anonymous: boolean, limit?: number): TokenListRow[] {
	const db = getDb();
	const query = db
		.select({ office: surveyTokens.office, createdAt: surveyTokens.createdAt, responseId: surveyResponses.id })
		.from(surveyTokens)
		.leftJoin(surveyResponses, eq(surveyResponses.tokenId, surveyTokens.id))
		.where(eq(surveyTokens.surveySlug, survey.slug))
		.orderBy(surveyTokens.office);
	const rows = limit === undefined ? query.all() : query.limit(limit).all();
	return rows.map((r) => ({ office: r.office, createdAt: r.createdAt, answered: anonymous ? null : !!r.responseId }));
}

export function tokenCount(slug: string): number {
	return getDb().select({ n: count() }).from(surveyTokens).where(eq(surveyTokens.surveySlug, slug)).get()?.n ?? 0;
}

/** Anonymous mode can be switched on at any time, off only while nobody has answered. */
export function setAnonymous(actorId: string, survey: Survey, anonymous: boolean) {
	getDb().transaction((tx) => {
		const settings = ensureSettings(survey, tx);
		if (settings.anonymous === anonymous) return;
		if (!anonymous && responseCount(survey.slug, tx) > 0) throw new SurveyError('anonymous_locked');
		tx.update(surveySettings)
			.set({ anonymous, updatedAt: new Date() })
			.where(eq(surveySettings.surveySlug, survey.slug))
			.run();
		audit(
			{
				actorId,
				action: 'survey.anonymous_set',
				subjectType: 'survey',
				subjectId: survey.slug,
				details: { anonymous }
			},
			tx
		);
	});
}

export function setClosed(actorId: string, survey: Survey, closed: boolean) {
	getDb().transaction((tx) => {
		ensureSettings(survey, tx);
		tx.update(surveySettings)
			.set({ closedAt: closed ? new Date() : null, updatedAt: new Date() })
			.where(eq(surveySettings.surveySlug, survey.slug))
			.run();
		audit(
			{ actorId, action: closed ? 'survey.closed' : 'survey.reopened', subjectType: 'survey', subjectId: survey.slug },
			tx
		);
	});
}

/** Stores the admin's text of each recommendation (an empty text returns to the file's text); `publish` too. */
export function saveRecommendationTexts(
	actorId: string,
	survey: Survey,
	texts: Record<string, string>,
	publish: boolean
) {
	const known = new Set(survey.recommendations.map((r) => r.id));
	const kept = Object.fromEntries(Object.entries(texts).filter(([id, t]) => known.has(id) && t.trim() !== ''));
	getDb().transaction((tx) => {
		ensureSettings(survey, tx);
		tx.update(surveySettings)
			.set({
				recommendationTexts: kept,
				updatedAt: new Date(),
				...(publish ? { publishedAt: new Date() } : {})
			})
			.where(eq(surveySettings.surveySlug, survey.slug))
			.run();
		audit(
			{
				actorId,
				action: publish ? 'survey.report_published' : 'survey.recommendations_edited',
				subjectType: 'survey',
				subjectId: survey.slug,
				details: { edited: Object.keys(kept) }
			},
			tx
		);
	});
}
