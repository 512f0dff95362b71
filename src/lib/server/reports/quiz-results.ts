// A quiz's results in one group: submitted attempts of one content version (the current one when it has any),
// first attempts per learner by default; then the distribution, pass rate and item analysis.
import { sql } from 'drizzle-orm';
import type { Quiz } from '../content/catalogue';
import type { Question } from '../content/schema';
import { getDb } from '../db';
import { choiceCounts } from './answers';
import { itemStats, RELIABLE_ATTEMPTS, scoreDistribution, type ScoredAttempt } from './item-stats';

export interface AttemptRow {
	id: string;
	userId: string;
	name: string;
	email: string | null;
	startedAt: number;
	submittedAt: number;
	percent: number;
	passed: boolean;
	/** 1 for the learner's first attempt of this version, 2 for the second... */
	number: number;
}

export interface QuestionReport {
	question: Question;
	n: number;
	facility: number | null;
	discrimination: number | null;
	choices: { id: string; text: string; count: number }[];
}

export interface QuizReport {
	version: string;
	/** False when no attempt of the current version exists and an older version is shown instead. */
	isCurrentVersion: boolean;
	attempts: AttemptRow[];
	/** Share of the attempts shown that passed (first attempts by default, every attempt with ?attempts=all). */
	passRate: number | null;
	/** Share of learners whose first attempt passed. */
	firstPassRate: number | null;
	/** Share of learners who passed on any attempt so far. */
	finalPassRate: number | null;
	meanPercent: number | null;
	distribution: number[];
	questions: QuestionReport[];
	unreliable: boolean;
}

/** Which content version to report: the current one if the group has submitted attempts of it, else the newest. */
function chooseVersion(groupId: string, quiz: Quiz): { version: string; current: boolean } | null {
	const rows = getDb().all<{ version: string; last: number }>(sql`
		SELECT qa.content_version AS version, max(qa.submitted_at) AS last
		FROM group_members gm
		JOIN quiz_attempts qa ON qa.user_id = gm.user_id AND qa.course_slug = ${quiz.courseSlug}
			AND qa.quiz_slug = ${quiz.slug} AND qa.submitted_at IS NOT NULL
		WHERE gm.group_id = ${groupId}
		GROUP BY qa.content_version ORDER BY last DESC`);
	if (rows.length === 0) return null;
	if (rows.some((r) => r.version === quiz.version)) return { version: quiz.version, current: true };
	return { version: rows[0].version, current: false };
}

/** Submitted attempts of the group for this quiz and version, numbered per learner (window function). */
export function quizAttemptsOfGroup(groupId: string, quiz: Quiz, version: string, firstOnly: boolean): AttemptRow[] {
	const rows = getDb().all<Omit<AttemptRow, 'passed'> & { passed: number | null }>(sql`
		SELECT * FROM (
			SELECT qa.id, qa.user_id AS userId, u.name, u.email, qa.started_at AS startedAt,
				qa.submitted_at AS submittedAt, coalesce(qa.percent, 0) AS percent, qa.passed,
				row_number() OVER (PARTITION BY qa.user_id ORDER BY qa.started_at, qa.id) AS number
			FROM group_members gm
			JOIN users u ON u.id = gm.user_id
			JOIN quiz_attempts qa ON qa.user_id = gm.user_id AND qa.course_slug = ${quiz.courseSlug}
				AND qa.quiz_slug = ${quiz.slug} AND qa.content_version = ${version} AND qa.submitted_at IS NOT NULL
			WHERE gm.group_id = ${groupId})
		WHERE ${firstOnly ? sql`number = 1` : sql`1`}
		ORDER BY pl_name_key(name), number`);
	return rows.map((r) => ({ ...r, passed: !!r.passed }));
}

export function quizReport(groupId: string, quiz: Quiz, firstOnly: boolean): QuizReport | null {
	const chosen = chooseVersion(groupId, quiz);
	if (!chosen) return null;
	const everyAttempt = quizAttemptsOfGroup(groupId, quiz, chosen.version, false);
	const firstAttempts = everyAttempt.filter((a) => a.number === 1);
	const attempts = firstOnly ? firstAttempts : everyAttempt;
	const passedEver = new Set(everyAttempt.filter((a) => a.passed).map((a) => a.userId));
	const ids = new Set(attempts.map((a) => a.id));

	// Every response of these attempts, in one query (the attempts' ids come from the same filter).
	const responses = getDb().all<{ attemptId: string; questionId: string; answer: string; score: number | null }>(sql`
		SELECT qr.attempt_id AS attemptId, qr.question_id AS questionId, qr.answer, qr.score
		FROM group_members gm
		JOIN quiz_attempts qa ON qa.user_id = gm.user_id AND qa.course_slug = ${quiz.courseSlug}
			AND qa.quiz_slug = ${quiz.slug} AND qa.content_version = ${chosen.version} AND qa.submitted_at IS NOT NULL
		JOIN quiz_responses qr ON qr.attempt_id = qa.id
		WHERE gm.group_id = ${groupId}`);

	// A question shown but left unanswered scores 0; the layout of each attempt says what was shown.
	const layouts = getDb().all<{ id: string; layout: string }>(sql`
		SELECT qa.id, qa.layout FROM group_members gm
		JOIN quiz_attempts qa ON qa.user_id = gm.user_id AND qa.course_slug = ${quiz.courseSlug}
			AND qa.quiz_slug = ${quiz.slug} AND qa.content_version = ${chosen.version} AND qa.submitted_at IS NOT NULL
		WHERE gm.group_id = ${groupId}`);

	const scored = new Map<string, ScoredAttempt>();
	for (const { id, layout } of layouts) {
		if (!ids.has(id)) continue;
		const items: Record<string, number> = {};
		try {
			for (const entry of JSON.parse(layout) as { questionId: string }[]) items[entry.questionId] = 0;
		} catch {
			// an unreadable layout: fall back to the responses alone
		}
		scored.set(id, { total: 0, items });
	}
	const answersByQuestion = new Map<string, unknown[]>();
	for (const r of responses) {
		const attempt = scored.get(r.attemptId);
		if (!attempt) continue;
		attempt.items[r.questionId] = r.score ?? 0;
		let answer: unknown = null;
		try {
			answer = JSON.parse(r.answer);
		} catch {
			answer = null;
		}
		const list = answersByQuestion.get(r.questionId) ?? [];
		list.push(answer);
		answersByQuestion.set(r.questionId, list);
	}
	for (const a of scored.values()) a.total = Object.values(a.items).reduce((x, y) => x + y, 0);

	const stats = itemStats(
		quiz.questions.map((q) => q.id),
		[...scored.values()]
	);
	const n = attempts.length;
	return {
		version: chosen.version,
		isCurrentVersion: chosen.current,
		attempts,
		passRate: n === 0 ? null : attempts.filter((a) => a.passed).length / n,
		firstPassRate: firstAttempts.filter((a) => a.passed).length / firstAttempts.length,
		finalPassRate: passedEver.size / firstAttempts.length,
		meanPercent: n === 0 ? null : attempts.reduce((s, a) => s + a.percent, 0) / n,
		distribution: scoreDistribution(attempts.map((a) => a.percent)),
		questions: quiz.questions.map((question, i) => ({
			question,
			n: stats[i].n,
			facility: stats[i].facility,
			discrimination: stats[i].discrimination,
			choices: choiceCounts(question, answersByQuestion.get(question.id) ?? [])
		})),
		unreliable: n < RELIABLE_ATTEMPTS
	};
}
