// What a learner has done in a course, derived in SQL: the catalogue's lessons go in as a VALUES table and one
// aggregate query joins them with lesson_progress (no per-row loops in JavaScript).
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Course } from '../content/catalogue';
import { getDb, prepared, type Tx } from '../db';
import { lessonProgress, quizAttempts } from '../db/schema';

export interface CourseSummary {
	courseSlug: string;
	total: number;
	completed: number;
	/** Whole percent of lessons completed, 0..100. */
	percent: number;
	seconds: number;
	/** Last activity in the course (ms), or null if never opened. */
	lastActivity: number | null;
	/** The first lesson, in course order, that is open and not completed; null when none is left. */
	next: { lessonSlug: string; position: string } | null;
}

export interface CourseInput {
	course: Course;
	/** Slugs of the modules open to this learner (see unlock.ts). */
	unlocked: Set<string>;
}

/** One query for any number of courses. */
export function courseSummaries(userId: string, inputs: CourseInput[], tx: Tx = getDb()): CourseSummary[] {
	const rows = inputs.flatMap(({ course, unlocked }) =>
		course.lessons.map((l) => sql`(${course.slug}, ${l.slug}, ${l.index}, ${unlocked.has(l.moduleSlug) ? 1 : 0})`)
	);
	if (rows.length === 0) return [];
	const result = tx.all<{
		course_slug: string;
		total: number;
		completed: number;
		seconds: number;
		last_activity: number | null;
		next_lesson: string | null;
		next_position: string | null;
	}>(sql`
		with catalogue(course_slug, lesson_slug, position, open) as (values ${sql.join(rows, sql`, `)}),
		joined as (
			select c.course_slug, c.lesson_slug, c.position, c.open, p.completed_at, p.seconds, p.last_opened_at,
				p.last_position
			from catalogue c
			left join lesson_progress p
				on p.user_id = ${userId} and p.course_slug = c.course_slug and p.lesson_slug = c.lesson_slug
		),
		pending as (
			select course_slug, lesson_slug, coalesce(last_position, '') as last_position,
				row_number() over (partition by course_slug order by position) as rank
			from joined where completed_at is null and open = 1
		)
		select j.course_slug, count(*) as total, count(j.completed_at) as completed,
			coalesce(sum(j.seconds), 0) as seconds, max(j.last_opened_at) as last_activity,
			n.lesson_slug as next_lesson, n.last_position as next_position
		from joined j
		left join pending n on n.course_slug = j.course_slug and n.rank = 1
		group by j.course_slug
	`);
	const bySlug = new Map(result.map((r) => [r.course_slug, r]));
	return inputs.map(({ course }) => {
		const r = bySlug.get(course.slug);
		const total = r?.total ?? 0;
		const completed = r?.completed ?? 0;
		return {
			courseSlug: course.slug,
			total,
			completed,
			percent: total === 0 ? 0 : Math.floor((completed * 100) / total),
			seconds: r?.seconds ?? 0,
			lastActivity: r?.last_activity ?? null,
			next: r?.next_lesson ? { lessonSlug: r.next_lesson, position: r.next_position ?? '' } : null
		};
	});
}

export interface LessonStatus {
	completed: boolean;
	opened: boolean;
	lastPosition: string;
}

/** Status of each lesson the learner has touched in a course, by lesson slug. */
export function lessonStatuses(userId: string, courseSlug: string): Map<string, LessonStatus> {
	const rows = lessonStatusQuery().all({ userId, courseSlug });
	return new Map(
		rows.map((r) => [r.lessonSlug, { completed: r.completedAt !== null, opened: true, lastPosition: r.lastPosition }])
	);
}

// Runs on every lesson and course page: prepared once (db/index.ts prepared()).
const lessonStatusQuery = prepared((db) =>
	db
		.select({
			lessonSlug: lessonProgress.lessonSlug,
			completedAt: lessonProgress.completedAt,
			lastPosition: lessonProgress.lastPosition
		})
		.from(lessonProgress)
		.where(
			and(
				eq(lessonProgress.userId, sql.placeholder('userId')),
				eq(lessonProgress.courseSlug, sql.placeholder('courseSlug'))
			)
		)
		.prepare()
);

export interface QuizStatus {
	bestPercent: number | null;
	passed: boolean;
	attempts: number;
}

/** Best score and pass of each quiz in a course, from submitted attempts. */
export function quizStatuses(userId: string, courseSlug: string, tx: Tx = getDb()): Map<string, QuizStatus> {
	const rows = tx
		.select({
			quizSlug: quizAttempts.quizSlug,
			best: sql<number | null>`max(${quizAttempts.percent})`,
			passed: sql<number>`coalesce(max(${quizAttempts.passed}), 0)`,
			attempts: sql<number>`count(*)`
		})
		.from(quizAttempts)
		.where(
			and(eq(quizAttempts.userId, userId), eq(quizAttempts.courseSlug, courseSlug), isNotNull(quizAttempts.submittedAt))
		)
		.groupBy(quizAttempts.quizSlug)
		.all();
	return new Map(rows.map((r) => [r.quizSlug, { bestPercent: r.best, passed: r.passed === 1, attempts: r.attempts }]));
}
