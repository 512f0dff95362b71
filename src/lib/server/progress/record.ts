// Writes to lesson_progress. Every write is one UPSERT, so retries and two open tabs never corrupt a row:
// time only grows by capped steps, and a completed lesson never becomes uncompleted.
import { sql } from 'drizzle-orm';
import { prepared } from '../db';
import { lessonProgress } from '../db/schema';

/** A heartbeat adds at most this much reading time, so an idle or forgotten tab does not count hours. */
export const HEARTBEAT_CAP_SECONDS = 60;

export interface LessonKey {
	userId: string;
	courseSlug: string;
	lessonSlug: string;
}

/** The learner opened the lesson page: first open is kept, last activity moves to now. */
export function recordOpen(key: LessonKey, now = Date.now()) {
	openUpsert().run({ ...key, now });
}

/**
 * The page is visible and the learner is reading. last_opened_at doubles as "last activity": each heartbeat
 * adds the time since the previous activity, at most HEARTBEAT_CAP_SECONDS (never negative, e.g. clock skew).
 * `position` is the id of the last ## heading reached ('' keeps the previous one).
 */
export function recordHeartbeat(key: LessonKey, position: string, now = Date.now()) {
	heartbeatUpsert().run({ ...key, position, now });
}

/** Marks the lesson completed; a second completion keeps the first time. */
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

const heartbeatUpsert = prepared((db) =>
	db
		.insert(lessonProgress)
		.values({ ...key, firstOpenedAt: now, lastOpenedAt: now, lastPosition: sql.placeholder('position') })
		.onConflictDoUpdate({
			target,
			set: {
				seconds: sql`${lessonProgress.seconds} + min(${HEARTBEAT_CAP_SECONDS}, max(0, (${now} - ${lessonProgress.lastOpenedAt}) / 1000))`,
				lastOpenedAt: sql`max(${lessonProgress.lastOpenedAt}, ${now})`,
				lastPosition: sql`case when excluded.last_position <> '' then excluded.last_position else ${lessonProgress.lastPosition} end`
			}
		})
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
