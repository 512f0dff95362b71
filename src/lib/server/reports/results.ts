// Every submitted attempt of the group's learners (one quiz or all quizzes of the course), for the CSV exports.
import { sql } from 'drizzle-orm';
import { getDb } from '../db';

export interface ResultRow {
	name: string;
	email: string | null;
	organisation: string;
	quizSlug: string;
	/** 1 for the learner's first attempt of that quiz, 2 for the second... */
	number: number;
	contentVersion: string;
	submittedAt: Date;
	score: number | null;
	maxScore: number | null;
	percent: number | null;
	passed: boolean;
}

export function groupResults(groupId: string, courseSlug: string, quizSlug?: string): ResultRow[] {
	const rows = getDb().all<
		Omit<ResultRow, 'submittedAt' | 'passed'> & { submittedAt: number; passed: number | null }
	>(sql`
		SELECT u.name, u.email, u.organisation, qa.quiz_slug AS quizSlug,
			row_number() OVER (PARTITION BY qa.user_id, qa.quiz_slug ORDER BY qa.started_at, qa.id) AS number,
			qa.content_version AS contentVersion, qa.submitted_at AS submittedAt, qa.score, qa.max_score AS maxScore,
			qa.percent, qa.passed
		FROM group_members gm
		JOIN users u ON u.id = gm.user_id
		JOIN quiz_attempts qa ON qa.user_id = gm.user_id AND qa.course_slug = ${courseSlug}
			AND qa.submitted_at IS NOT NULL ${quizSlug === undefined ? sql`` : sql`AND qa.quiz_slug = ${quizSlug}`}
		WHERE gm.group_id = ${groupId}
		ORDER BY pl_name_key(u.name), qa.quiz_slug, number`);
	return rows.map((r) => ({ ...r, submittedAt: new Date(r.submittedAt), passed: !!r.passed }));
}
