// Progress: idempotent, capped writes to lesson_progress and the SQL aggregates derived from them.
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Course } from '$lib/server/content/catalogue';
import { getDb } from '$lib/server/db';
import { groupMembers, groups, lessonProgress, liveSessions, quizAttempts } from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';
import { nextSessions } from '$lib/server/progress/due';
import { enrol, enrolledCourseSlugs } from '$lib/server/progress/enrol';
import {
	HEARTBEAT_CAP_SECONDS,
	LESSON_TIME_FALLBACK_SECONDS,
	lessonTimeCap,
	recordCompletion,
	recordHeartbeat,
	recordOpen,
	type LessonKey
} from '$lib/server/progress/record';
import { courseSummaries, lessonStatuses, quizStatuses } from '$lib/server/progress/summary';
import { nextSession } from '$lib/server/reports/groups';
import { insertUser } from './db-helpers';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

function row(key: LessonKey) {
	return getDb()
		.select()
		.from(lessonProgress)
		.where(
			and(
				eq(lessonProgress.userId, key.userId),
				eq(lessonProgress.courseSlug, key.courseSlug),
				eq(lessonProgress.lessonSlug, key.lessonSlug)
			)
		)
		.get()!;
}

/** A course of `perModule` lessons per module, lesson slugs l0, l1, ... in course order. */
function course(slug: string, perModule: number[]): Course {
	let index = 0;
	const modules = perModule.map((n, m) => {
		const lessons = Array.from({ length: n }, () => ({ slug: `l${index}`, moduleSlug: `m${m}`, index: index++ }));
		return { slug: `m${m}`, lessons };
	});
	return { slug, modules, lessons: modules.flatMap((m) => m.lessons) } as unknown as Course;
}
const allOpen = (c: Course) => new Set(c.modules.map((m) => m.slug));

describe('recording progress', () => {
	it('opening twice keeps the first opening and moves the last activity', () => {
		const key = { userId: insertUser(), courseSlug: 'kurs', lessonSlug: 'a' };
		recordOpen(key, T0);
		recordOpen(key, T0 + 5000);
		const r = row(key);
		expect(r.firstOpenedAt.getTime()).toBe(T0);
		expect(r.lastOpenedAt.getTime()).toBe(T0 + 5000);
		expect(r.completedAt).toBeNull();
		expect(r.seconds).toBe(0);
	});

	it('a heartbeat adds the time since the last activity, at most 60 s, never negative', () => {
		const key = { userId: insertUser(), courseSlug: 'kurs', lessonSlug: 'a' };
		recordOpen(key, T0);
		recordHeartbeat(key, 'h-wstep', T0 + 30_000);
		expect(row(key).seconds).toBe(30);
		// An idle tab: three hours later counts one capped step, not three hours.
		recordHeartbeat(key, '', T0 + 3 * 3600_000);
		expect(row(key).seconds).toBe(30 + HEARTBEAT_CAP_SECONDS);
		// A second tab's heartbeat with an older clock adds nothing and does not move the clock back.
		recordHeartbeat(key, '', T0 + 60_000);
		expect(row(key).seconds).toBe(90);
		expect(row(key).lastOpenedAt.getTime()).toBe(T0 + 3 * 3600_000);
		// An empty position keeps the last heading reached.
		expect(row(key).lastPosition).toBe('h-wstep');
		recordHeartbeat(key, 'h-dalej', T0 + 3 * 3600_000 + 20_000);
		expect(row(key).lastPosition).toBe('h-dalej');
		expect(row(key).seconds).toBe(110);
	});

	it('reading time never exceeds the elapsed time nor 60 s per heartbeat, in any order of heartbeats', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 30 }), (offsets) => {
				const key = { userId: insertUser(), courseSlug: 'kurs', lessonSlug: 'a' };
				recordOpen(key, T0);
				for (const offset of offsets) recordHeartbeat(key, '', T0 + offset);
				const { seconds } = row(key);
				expect(seconds).toBeGreaterThanOrEqual(0);
				expect(seconds).toBeLessThanOrEqual(HEARTBEAT_CAP_SECONDS * offsets.length);
				expect(seconds).toBeLessThanOrEqual(Math.max(0, ...offsets) / 1000);
			}),
			{ numRuns: 50 }
		);
	});

	it("a lesson's time stops at 3 × its planned minutes, however long the tab keeps beating", () => {
		const key = { userId: insertUser(), courseSlug: 'kurs', lessonSlug: 'a' };
		const lesson = { ...key, minutes: 2 };
		expect(lessonTimeCap(2)).toBe(360);
		recordOpen(key, T0);
		// 30 beats, a minute apart: 30 minutes of capped steps on a 2-minute lesson.
		for (let i = 1; i <= 30; i++) recordHeartbeat(lesson, '', T0 + i * 60_000);
		expect(row(key).seconds).toBe(360);
		// Beats past the cap still move the position and the last activity.
		recordHeartbeat(lesson, 'h-koniec', T0 + 31 * 60_000);
		expect(row(key)).toMatchObject({ seconds: 360, lastPosition: 'h-koniec' });
		expect(row(key).lastOpenedAt.getTime()).toBe(T0 + 31 * 60_000);
		// A total already above the cap (recorded before the cap existed) is kept, not lowered.
		getDb().update(lessonProgress).set({ seconds: 1000 }).where(eq(lessonProgress.userId, key.userId)).run();
		recordHeartbeat(lesson, '', T0 + 32 * 60_000);
		expect(row(key).seconds).toBe(1000);
	});

	it('unknown minutes fall back to a fixed ceiling', () => {
		expect(lessonTimeCap(undefined)).toBe(LESSON_TIME_FALLBACK_SECONDS);
		expect(lessonTimeCap(0)).toBe(LESSON_TIME_FALLBACK_SECONDS);
		const key = { userId: insertUser(), courseSlug: 'kurs', lessonSlug: 'a' };
		recordOpen(key, T0);
		getDb()
			.update(lessonProgress)
			.set({ seconds: LESSON_TIME_FALLBACK_SECONDS - 10 })
			.where(eq(lessonProgress.userId, key.userId))
			.run();
		recordHeartbeat(key, '', T0 + 60_000);
		expect(row(key).seconds).toBe(LESSON_TIME_FALLBACK_SECONDS);
	});

	it('recorded time never exceeds the cap nor the capped sum of steps, for any minutes and beats', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 60 }),
				fc.array(fc.integer({ min: 0, max: 120_000 }), { maxLength: 200 }),
				(minutes, gaps) => {
					const key = { userId: insertUser(), courseSlug: 'kurs', lessonSlug: 'a' };
					recordOpen(key, T0);
					let now = T0;
					let expected = 0;
					for (const gap of gaps) {
						now += gap;
						recordHeartbeat({ ...key, minutes }, '', now);
						expected = Math.min(
							lessonTimeCap(minutes),
							expected + Math.min(HEARTBEAT_CAP_SECONDS, Math.floor(gap / 1000))
						);
						expect(row(key).seconds).toBe(expected);
					}
					expect(row(key).seconds).toBeLessThanOrEqual(3 * minutes * 60);
				}
			),
			{ numRuns: 40 }
		);
	});

	it('completion is idempotent and never undone by later opens or heartbeats', () => {
		const key = { userId: insertUser(), courseSlug: 'kurs', lessonSlug: 'a' };
		recordCompletion(key, T0);
		recordCompletion(key, T0 + 1000);
		recordOpen(key, T0 + 2000);
		recordHeartbeat(key, 'h-x', T0 + 3000);
		const r = row(key);
		expect(r.completedAt?.getTime()).toBe(T0);
		expect(r.firstOpenedAt.getTime()).toBe(T0);
		expect(getDb().select().from(lessonProgress).where(eq(lessonProgress.userId, key.userId)).all()).toHaveLength(1);
	});

	it('enrolling twice keeps one enrolment', () => {
		const user = insertUser();
		enrol(user, 'kurs');
		enrol(user, 'kurs');
		enrol(user, 'inny');
		expect([...enrolledCourseSlugs(user)].sort()).toEqual(['inny', 'kurs']);
	});
});

describe('deriving progress', () => {
	it('percent, completed count and the next lesson come from one aggregate', () => {
		const userId = insertUser();
		const c = course('kurs', [2, 1]);
		const key = (lessonSlug: string) => ({ userId, courseSlug: 'kurs', lessonSlug });
		let [s] = courseSummaries(userId, [{ course: c, unlocked: allOpen(c) }]);
		expect(s).toMatchObject({ total: 3, completed: 0, percent: 0, lastActivity: null });
		expect(s.next).toEqual({ lessonSlug: 'l0', position: '' });

		recordCompletion(key('l0'), T0);
		recordOpen(key('l1'), T0 + 1000);
		recordHeartbeat(key('l1'), 'h-polowa', T0 + 31_000);
		recordCompletion(key('l1'), T0 + 40_000);
		[s] = courseSummaries(userId, [{ course: c, unlocked: allOpen(c) }]);
		expect(s).toMatchObject({ total: 3, completed: 2, percent: 66, seconds: 30, lastActivity: T0 + 40_000 });
		expect(s.next).toEqual({ lessonSlug: 'l2', position: '' });

		recordCompletion(key('l2'), T0 + 50_000);
		[s] = courseSummaries(userId, [{ course: c, unlocked: allOpen(c) }]);
		expect(s).toMatchObject({ completed: 3, percent: 100, next: null });
	});

	it('the next lesson carries the last position reached and skips completed lessons in any order', () => {
		const userId = insertUser();
		const c = course('kurs', [4]);
		recordCompletion({ userId, courseSlug: 'kurs', lessonSlug: 'l0' }, T0);
		recordCompletion({ userId, courseSlug: 'kurs', lessonSlug: 'l2' }, T0);
		recordHeartbeat({ userId, courseSlug: 'kurs', lessonSlug: 'l1' }, 'h-srodek', T0);
		const [s] = courseSummaries(userId, [{ course: c, unlocked: allOpen(c) }]);
		expect(s.next).toEqual({ lessonSlug: 'l1', position: 'h-srodek' });
		expect(s.percent).toBe(50);
	});

	it('a locked module never offers its lessons as next', () => {
		const userId = insertUser();
		const c = course('kurs', [1, 2]);
		recordCompletion({ userId, courseSlug: 'kurs', lessonSlug: 'l0' }, T0);
		const [s] = courseSummaries(userId, [{ course: c, unlocked: new Set(['m0']) }]);
		expect(s.next).toBeNull();
		expect(s.percent).toBe(33);
	});

	it('many courses at once; progress of other learners, courses and removed lessons is ignored', () => {
		const userId = insertUser();
		const other = insertUser();
		const a = course('a', [2]);
		const b = course('b', [1, 1, 2]);
		recordCompletion({ userId, courseSlug: 'a', lessonSlug: 'l1' }, T0);
		recordCompletion({ userId, courseSlug: 'a', lessonSlug: 'usunieta' }, T0);
		recordCompletion({ userId, courseSlug: 'b', lessonSlug: 'l0' }, T0);
		recordCompletion({ userId: other, courseSlug: 'b', lessonSlug: 'l1' }, T0);
		const summaries = courseSummaries(userId, [
			{ course: a, unlocked: allOpen(a) },
			{ course: b, unlocked: allOpen(b) }
		]);
		expect(summaries.map((s) => [s.courseSlug, s.completed, s.total, s.percent, s.next?.lessonSlug])).toEqual([
			['a', 1, 2, 50, 'l0'],
			['b', 1, 4, 25, 'l1']
		]);
		expect(courseSummaries(userId, [])).toEqual([]);
	});

	it('percent is always within 0..100 and equals completed lessons over all lessons', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
				fc.array(fc.nat(15)),
				(perModule, done) => {
					const userId = insertUser();
					const c = course('kurs', perModule);
					const completed = new Set(done.filter((i) => i < c.lessons.length));
					for (const i of completed) recordCompletion({ userId, courseSlug: 'kurs', lessonSlug: `l${i}` }, T0);
					const [s] = courseSummaries(userId, [{ course: c, unlocked: allOpen(c) }]);
					expect(s.completed).toBe(completed.size);
					expect(s.percent).toBe(Math.floor((completed.size * 100) / c.lessons.length));
					const firstPending = c.lessons.find((l) => !completed.has(l.index));
					expect(s.next?.lessonSlug).toBe(firstPending?.slug);
				}
			),
			{ numRuns: 40 }
		);
	});

	it('lesson and quiz statuses for the course page', () => {
		const userId = insertUser();
		recordOpen({ userId, courseSlug: 'kurs', lessonSlug: 'l0' }, T0);
		recordCompletion({ userId, courseSlug: 'kurs', lessonSlug: 'l1' }, T0);
		const lessons = lessonStatuses(userId, 'kurs');
		expect(lessons.get('l0')).toMatchObject({ completed: false, opened: true });
		expect(lessons.get('l1')).toMatchObject({ completed: true });
		expect(lessons.has('l2')).toBe(false);

		const attempt = (quizSlug: string, percent: number | null, passed: boolean | null) =>
			getDb()
				.insert(quizAttempts)
				.values({
					id: randomId(),
					userId,
					courseSlug: 'kurs',
					quizSlug,
					contentVersion: 'v1',
					seed: 1,
					layout: [],
					startedAt: new Date(T0),
					submittedAt: percent === null ? null : new Date(T0),
					percent,
					passed
				})
				.run();
		attempt('m0', 40, false);
		attempt('m0', 80, true);
		attempt('m0', 60, false);
		attempt('m1', null, null);
		attempt('m2', 50, false);
		const quizzes = quizStatuses(userId, 'kurs');
		expect(quizzes.get('m0')).toEqual({ bestPercent: 80, passed: true, attempts: 3 });
		expect(quizzes.has('m1')).toBe(false);
		expect(quizzes.get('m2')).toEqual({ bestPercent: 50, passed: false, attempts: 1 });
	});
});

describe('what is due before the next live session', () => {
	it('lists the next upcoming session of each active group of the learner, with every module due by then', () => {
		const userId = insertUser();
		const db = getDb();
		const group = randomId();
		const archived = randomId();
		const foreign = randomId();
		db.insert(groups)
			.values([
				{ id: group, name: 'Grupa A', courseSlug: 'kurs' },
				{ id: archived, name: 'Stara', courseSlug: 'kurs', archivedAt: new Date(T0) },
				{ id: foreign, name: 'Cudza', courseSlug: 'kurs' }
			])
			.run();
		db.insert(groupMembers)
			.values([
				{ groupId: group, userId },
				{ groupId: archived, userId }
			])
			.run();
		const session = (groupId: string, at: number, dueModules: string[]) =>
			db
				.insert(liveSessions)
				.values({ id: randomId(), groupId, startsAt: new Date(at), title: 'Spotkanie', dueModules })
				.run();
		session(group, T0 - 86400_000, ['m0']);
		session(group, T0 + 2 * 86400_000, ['m1', 'm2']);
		session(group, T0 + 9 * 86400_000, ['m3']);
		session(archived, T0 + 86400_000, ['m0']);
		session(foreign, T0 + 86400_000, ['m0']);
		const next = nextSessions(userId, T0);
		expect(next).toHaveLength(1);
		// What was due before the past session is still due: skipping m0 keeps a learner behind.
		expect(next[0]).toMatchObject({
			groupName: 'Grupa A',
			startsAt: T0 + 2 * 86400_000,
			dueModules: ['m0', 'm1', 'm2']
		});
		// The trainer's matrix highlights against the same modules.
		expect(nextSession(group, T0)?.dueModules).toEqual(['m0', 'm1', 'm2']);
		expect(nextSessions(insertUser(), T0)).toEqual([]);
	});
});
