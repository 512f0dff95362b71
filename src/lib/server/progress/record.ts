// Writes to lesson_progress. Every write is one UPSERT, so retries and two open tabs never corrupt a row:
// time only grows by capped steps, and a completed lesson never becomes uncompleted.
import { sql } from 'drizzle-orm';
import { getDb, type Tx } from '../db';
import { lessonProgress } from '../db/schema';

/** A heartbeat adds at most this much reading time, so an idle or forgotten tab does not count hours. */
export const HEARTBEAT_CAP_SECONDS = 60;

export interface LessonKey {
	userId: string;
	courseSlug: string;
	lessonSlug: string;
}

const target = [lessonProgress.userId, lessonProgress.courseSlug, lessonProgress.lessonSlug];

/** The learner opened the lesson page: first open is kept, last activity moves to now. */
export function recordOpen(key: LessonKey, now = Date.now(), tx: Tx = getDb()) {
	const at = new Date(now);
	tx.insert(lessonProgress)
		.values({ ...key, firstOpenedAt: at, lastOpenedAt: at })
		.onConflictDoUpdate({
			target,
			set: { lastOpenedAt: sql`max(${lessonProgress.lastOpenedAt}, ${now})` }
		})
		.run();
}

/**
 * The page is visible and the learner is reading. last_opened_at doubles as "last activity": each heartbeat
 * adds the time since the previous activity, at most HEARTBEAT_CAP_SECONDS (never negative, e.g. clock skew).
 * `position` is the id of the last ## heading reached ('' keeps the previous one).
 */
export function recordHeartbeat(key: LessonKey, position: string, now = Date.now(), tx: Tx = getDb()) {
	const at = new Date(now);
	tx.insert(lessonProgress)
		.values({ ...key, firstOpenedAt: at, lastOpenedAt: at, lastPosition: position })
		.onConflictDoUpdate({
			target,
			set: {
				seconds: sql`${lessonProgress.seconds} + min(${HEARTBEAT_CAP_SECONDS}, max(0, (${now} - ${lessonProgress.lastOpenedAt}) / 1000))`,
				lastOpenedAt: sql`max(${lessonProgress.lastOpenedAt}, ${now})`,
				lastPosition: sql`case when excluded.last_position <> '' then excluded.last_position else ${lessonProgress.lastPosition} end`
			}
		})
		.run();
}

/** Marks the lesson completed; a second completion keeps the first time. */
export function recordCompletion(key: LessonKey, now = Date.now(), tx: Tx = getDb()) {
	const at = new Date(now);
	tx.insert(lessonProgress)
		.values({ ...key, firstOpenedAt: at, lastOpenedAt: at, completedAt: at })
		.onConflictDoUpdate({
			target,
			set: {
				completedAt: sql`coalesce(${lessonProgress.completedAt}, excluded.completed_at)`,
				lastOpenedAt: sql`max(${lessonProgress.lastOpenedAt}, ${now})`
			}
		})
		.run();
}
