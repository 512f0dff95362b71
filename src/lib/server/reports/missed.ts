// "Before the next session": the questions this group scored lowest on and the lessons (topics) behind them.
// One GROUP BY over the group's submitted responses; the catalogue supplies prompts, explanations and titles.
import { sql } from 'drizzle-orm';
import type { Course } from '../content/catalogue';
import type { Question } from '../content/schema';
import { getDb } from '../db';

export interface MissedQuestion {
	question: Question;
	quizTitle: string;
	lessonTitle: string | null;
	/** People who answered the question (each counted once, by their latest submitted answer). */
	answered: number;
	/** Mean score 0..1 of those latest answers. */
	mean: number;
	/** People whose latest answer scored below a full point. */
	wrong: number;
}

export interface MissedTopic {
	lessonSlug: string;
	lessonTitle: string;
	answered: number;
	mean: number;
}

export function missedMost(
	groupId: string,
	course: Course,
	limit = 10
): { questions: MissedQuestion[]; topics: MissedTopic[] } {
	// Counts people, not attempts: a learner who retried three times is one person (their latest answer counts),
	// so "7 z 10" reads against the people who answered. CROSS JOIN fixes the order (SQLite never reorders it): the group's 25 members first, then their attempts.
	// With some sampled statistics the planner started from the course index and read every attempt of the
	// course (251 ms at 10,000 learners, docs/PERFORMANCE.md).
	const rows = getDb().all<{
		quizSlug: string;
		questionId: string;
		answered: number;
		total: number;
		wrong: number;
	}>(sql`
		WITH latest AS (
			SELECT qa.quiz_slug AS quizSlug, qr.question_id AS questionId, coalesce(qr.score, 0) AS score,
				row_number() OVER (PARTITION BY qa.user_id, qa.quiz_slug, qr.question_id
					ORDER BY qa.submitted_at DESC, qa.id DESC) AS rn
			FROM group_members gm
			CROSS JOIN quiz_attempts qa ON qa.user_id = gm.user_id AND qa.course_slug = ${course.slug}
				AND qa.submitted_at IS NOT NULL
			JOIN quiz_responses qr ON qr.attempt_id = qa.id
			WHERE gm.group_id = ${groupId})
		SELECT quizSlug, questionId, count(*) AS answered, sum(score) AS total, sum(score < 1) AS wrong
		FROM latest WHERE rn = 1
		GROUP BY quizSlug, questionId`);

	const lessonTitle = (slug: string | undefined) => course.lessons.find((l) => l.slug === slug)?.title ?? null;
	const all: MissedQuestion[] = [];
	for (const r of rows) {
		const quiz = course.quizzes.find((q) => q.slug === r.quizSlug);
		const question = quiz?.questions.find((q) => q.id === r.questionId);
		if (!quiz || !question) continue; // removed from the course: nothing to teach from
		all.push({
			question,
			quizTitle: quiz.title,
			lessonTitle: lessonTitle(question.lesson),
			answered: r.answered,
			mean: r.total / r.answered,
			wrong: r.wrong
		});
	}
	const questions = all
		.filter((q) => q.wrong > 0)
		.sort((a, b) => a.mean - b.mean || b.wrong - a.wrong)
		.slice(0, limit);

	const byLesson = new Map<string, { answered: number; total: number }>();
	for (const q of all) {
		if (!q.question.lesson || !q.lessonTitle) continue;
		const t = byLesson.get(q.question.lesson) ?? { answered: 0, total: 0 };
		t.answered += q.answered;
		t.total += q.mean * q.answered;
		byLesson.set(q.question.lesson, t);
	}
	const topics = [...byLesson.entries()]
		.map(([slug, t]) => ({
			lessonSlug: slug,
			lessonTitle: lessonTitle(slug)!,
			answered: t.answered,
			mean: t.total / t.answered
		}))
		.filter((t) => t.mean < 1)
		.sort((a, b) => a.mean - b.mean)
		.slice(0, limit);
	return { questions, topics };
}
