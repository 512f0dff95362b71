// Writes to lesson_progress. Every write is one UPSERT, so retries and two open tabs never corrupt a row:
// time only grows by capped steps, and a completed lesson never becomes uncompleted.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { durably, getDb, prepared, type DB, type Tx } from '../db';
import { lessonProgress } from '../db/schema';
import { checkLessonCompletion, requiredSeconds, type LessonCompletionCheck } from './lesson-completion';

/** A heartbeat adds at most this much reading time, so an idle or forgotten tab does not count hours. */
export const HEARTBEAT_CAP_SECONDS = 60;

/**
 * A lesson's recorded time never grows past this many times its planned `minutes`: capped heartbeats still
 * add up if a tab stays open (a script that fakes activity, a learner who walks away mid-scroll), and a
 * trainer's report should not show 5 hours on a 10-minute lesson.
 */
export const LESSON_TIME_FACTOR = 3;
/** The ceiling when the lesson's minutes are unknown: 3 × 60 min, the longest lesson the content schema allows. */
export const LESSON_TIME_FALLBACK_SECONDS = 3 * 60 * 60;

/** The most reading time a lesson of `minutes` planned minutes can record. */
export function lessonTimeCap(minutes?: number): number {
	return minutes && minutes > 0 ? Math.round(LESSON_TIME_FACTOR * minutes * 60) : LESSON_TIME_FALLBACK_SECONDS;
}

export interface LessonKey {
	userId: string;
	courseSlug: string;
	lessonSlug: string;
}

/** The learner opened the lesson page: first open is kept, last activity moves to now. */
export function recordOpen(key: LessonKey, now = Date.now()) {
	openUpsert().run({ ...key, now });
}

/** A lesson's key with its planned minutes from the front matter (they bound the lesson's recorded time). */
export interface HeartbeatLesson extends LessonKey {
	minutes?: number;
}

/**
 * The page is visible and the learner is active. last_opened_at doubles as "last activity": each heartbeat
 * adds the time since the previous activity, at most HEARTBEAT_CAP_SECONDS (never negative, e.g. clock skew),
 * and the total stops at lessonTimeCap(minutes) (a total already above it is kept, never lowered).
 * `position` is the id of the last ## heading reached ('' keeps the previous one).
 */
export function recordHeartbeat(lesson: HeartbeatLesson, position: string, now = Date.now()) {
	const { minutes, ...key } = lesson;
	heartbeatUpsert().run({ ...key, position, now, cap: lessonTimeCap(minutes), stepCap: HEARTBEAT_CAP_SECONDS, end: 0 });
}

export interface ProgressReport {
	/** The id of the last ## heading reached ('' keeps the previous one). */
	position?: string;
	/** The page says the learner reached the lesson's end. */
	endReached?: boolean;
	/**
	 * The most this report may add to the lesson's time (default: a heartbeat's HEARTBEAT_CAP_SECONDS). The
	 * "mark as completed" form of a page without JavaScript sends no heartbeats, so it may count the time since the
	 * page was opened, up to the completion share: the server saw the page served and the form come back.
	 */
	stepCapSeconds?: number;
}

export interface ProgressState extends LessonCompletionCheck {
	/** Completed, now or before. */
	completed: boolean;
	/** Completed by this report (the caller then checks the course's certificate). */
	completedNow: boolean;
	seconds: number;
}

/**
 * A heartbeat that may also say the end was reached; then completes the lesson when the server's records allow
 * (lesson-completion.ts: the end reached and a third of the planned minutes of active time). A claim of the end
 * without the time is kept (the end stays reached) and completes the lesson at a later heartbeat once the time
 * is there, so an honest reader never waits on the page. Never un-completes.
 */
export function recordProgress(
	lesson: HeartbeatLesson & { minutes: number },
	report: ProgressReport = {},
	now = Date.now(),
	afterComplete?: (tx: Tx) => void
): ProgressState {
	const { minutes, ...key } = lesson;
	const row = heartbeatUpsertReturning().get({
		...key,
		position: report.position ?? '',
		now,
		cap: lessonTimeCap(minutes),
		stepCap: Math.max(HEARTBEAT_CAP_SECONDS, Math.min(report.stepCapSeconds ?? 0, requiredSeconds(minutes))),
		end: report.endReached ? 1 : 0
	})!;
	const check = checkLessonCompletion({ seconds: row.seconds, minutes, endReached: row.endReachedAt !== null });
	// Completing is its own durable transaction, with whatever the completion brings (the course's certificate):
	// the heartbeat above stays one statement at the normal sync level. Only the write that sets completed_at
	// completes the lesson "now", so two tabs never complete it twice.
	const completedNow =
		!row.completedAt &&
		check.complete &&
		durably(getDb(), (tx) => {
			if (completeOnce().run({ ...key, now }).changes === 0) return false;
			afterComplete?.(tx);
			return true;
		});
	return { ...check, completed: !!row.completedAt || completedNow, completedNow, seconds: row.seconds };
}

/**
 * The lesson's record as its page shows it ("n more minutes of reading", completed, where the learner stopped),
 * from one read of its row; null before the first open.
 */
export function lessonEvidence(
	lesson: LessonKey & { minutes: number }
): (ProgressState & { lastPosition: string }) | null {
	const { minutes, ...key } = lesson;
	const row = progressRow().get(key);
	if (!row) return null;
	const check = checkLessonCompletion({ seconds: row.seconds, minutes, endReached: row.endReachedAt !== null });
	return {
		...check,
		completed: !!row.completedAt,
		completedNow: false,
		seconds: row.seconds,
		lastPosition: row.lastPosition
	};
}

/**
 * Marks the lesson completed without the evidence check; a second completion keeps the first time. Only for
 * tests and demo data: learners complete lessons through recordProgress.
 */
export function recordCompletion(key: LessonKey, now = Date.now()) {
	completionUpsert().run({ ...key, now });
}

// The lesson page writes on every view and its script every 30 s, so these are prepared once (db/index.ts
// prepared()). The placeholders take driver values: `now` is Unix milliseconds, bound as a number as before.
const target = [lessonProgress.userId, lessonProgress.courseSlug, lessonProgress.lessonSlug];
const now = sql`${sql.placeholder('now')}`;
const key = {
	userId: sql.placeholder('userId'),
	courseSlug: sql.placeholder('courseSlug'),
	lessonSlug: sql.placeholder('lessonSlug')
};

const openUpsert = prepared((db) =>
	db
		.insert(lessonProgress)
		.values({ ...key, firstOpenedAt: now, lastOpenedAt: now })
		.onConflictDoUpdate({ target, set: { lastOpenedAt: sql`max(${lessonProgress.lastOpenedAt}, ${now})` } })
		.prepare()
);

// Whole seconds (floored): `now` binds as a REAL, and the INTEGER column would otherwise keep fractions.
const step = sql`min(${sql.placeholder('stepCap')}, cast(max(0, ${now} - ${lessonProgress.lastOpenedAt}) / 1000 as integer))`;

const heartbeatInsert = (db: DB) =>
	db
		.insert(lessonProgress)
		.values({
			...key,
			firstOpenedAt: now,
			lastOpenedAt: now,
			lastPosition: sql.placeholder('position'),
			endReachedAt: sql`case when ${sql.placeholder('end')} = 1 then ${now} end`
		})
		.onConflictDoUpdate({
			target,
			set: {
				seconds: sql`max(${lessonProgress.seconds}, min(${sql.placeholder('cap')}, ${lessonProgress.seconds} + ${step}))`,
				lastOpenedAt: sql`max(${lessonProgress.lastOpenedAt}, ${now})`,
				endReachedAt: sql`coalesce(${lessonProgress.endReachedAt}, excluded.end_reached_at)`,
				lastPosition: sql`case when excluded.last_position <> '' then excluded.last_position else ${lessonProgress.lastPosition} end`
			}
		});
const heartbeatUpsert = prepared((db) => heartbeatInsert(db).prepare());
// The same UPSERT, answering with the row as written: a heartbeat stays one statement (docs/PERFORMANCE.md).
const heartbeatUpsertReturning = prepared((db) =>
	heartbeatInsert(db)
		.returning({
			seconds: lessonProgress.seconds,
			completedAt: lessonProgress.completedAt,
			endReachedAt: lessonProgress.endReachedAt
		})
		.prepare()
);

const progressRow = prepared((db) =>
	db
		.select({
			seconds: lessonProgress.seconds,
			completedAt: lessonProgress.completedAt,
			endReachedAt: lessonProgress.endReachedAt,
			lastPosition: lessonProgress.lastPosition
		})
		.from(lessonProgress)
		.where(
			and(
				eq(lessonProgress.userId, sql.placeholder('userId')),
				eq(lessonProgress.courseSlug, sql.placeholder('courseSlug')),
				eq(lessonProgress.lessonSlug, sql.placeholder('lessonSlug'))
			)
		)
		.prepare()
);

// The lesson's completion when its evidence is there (recordProgress): only a row not completed yet changes.
const completeOnce = prepared((db) =>
	db
		.update(lessonProgress)
		.set({ completedAt: now, lastOpenedAt: sql`max(${lessonProgress.lastOpenedAt}, ${now})` })
		.where(
			and(
				eq(lessonProgress.userId, sql.placeholder('userId')),
				eq(lessonProgress.courseSlug, sql.placeholder('courseSlug')),
				eq(lessonProgress.lessonSlug, sql.placeholder('lessonSlug')),
				isNull(lessonProgress.completedAt)
			)
		)
		.prepare()
);

const completionUpsert = prepared((db) =>
	db
		.insert(lessonProgress)
		.values({ ...key, firstOpenedAt: now, lastOpenedAt: now, completedAt: now })
		.onConflictDoUpdate({
			target,
			set: {
				completedAt: sql`coalesce(${lessonProgress.completedAt}, excluded.completed_at)`,
				lastOpenedAt: sql`max(${lessonProgress.lastOpenedAt}, ${now})`
			}
		})
		.prepare()
);
