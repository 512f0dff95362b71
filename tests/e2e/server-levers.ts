// Levers on the server's database for what E2E tests cannot wait for (issue 13). Lesson completion needs
// evidence of reading time (a third of the lesson's planned minutes): tests credit that time as heartbeats would
// have, before pressing "mark as completed"; the server still checks the rule, nothing here completes a lesson.
// Counted quizzes make learners wait between attempts and draw part of their pool: tests end the wait, or give
// an open attempt the whole pool so a test can answer questions it names.
import type { Page } from '@playwright/test';
import { hashToken } from '../../src/lib/server/ids';
import { openedToken } from '../../src/lib/server/progress/opened';
import { buildLayout } from '../../src/lib/server/quiz/layout';
import { catalogue, openServerDb } from './fixtures';

/** Gives the learner's lesson an hour of recorded reading time (creating its progress row if needed). */
export function creditReadingTime(email: string, courseSlug: string, lessonSlug: string, seconds = 3600) {
	const db = openServerDb();
	try {
		const now = Date.now();
		const user = db.prepare('select id from users where email = ?').get(email.toLowerCase()) as { id: string };
		if (!user) throw new Error(`no user ${email}`);
		db.prepare(
			`insert into lesson_progress (user_id, course_slug, lesson_slug, first_opened_at, last_opened_at, seconds)
			 values (?, ?, ?, ?, ?, ?)
			 on conflict (user_id, course_slug, lesson_slug) do update set seconds = max(seconds, excluded.seconds)`
		).run(user.id, courseSlug, lessonSlug, now, now, seconds);
	} finally {
		db.close();
	}
}

/** Moves the learner's last submitted attempt of a quiz back by `minutes`, so the wait between attempts is over. */
export function endQuizWait(email: string, courseSlug: string, quizSlug: string, minutes = 24 * 60) {
	const db = openServerDb();
	try {
		db.prepare(
			`update quiz_attempts set submitted_at = submitted_at - ?, started_at = started_at - ?
			 where user_id = (select id from users where email = ?) and course_slug = ? and quiz_slug = ?
			   and submitted_at is not null`
		).run(minutes * 60_000, minutes * 60_000, email.toLowerCase(), courseSlug, quizSlug);
	} finally {
		db.close();
	}
}

/**
 * Moves the lesson's last activity back by `seconds`: as if the page had been served that long ago (a page
 * without JavaScript sends no heartbeats; its "mark as completed" form counts the time since then).
 */
export function pretendPageOpenFor(email: string, courseSlug: string, lessonSlug: string, seconds: number) {
	const db = openServerDb();
	try {
		db.prepare(
			`update lesson_progress set last_opened_at = last_opened_at - ?
			 where user_id = (select id from users where email = ?) and course_slug = ? and lesson_slug = ?`
		).run(seconds * 1000, email.toLowerCase(), courseSlug, lessonSlug);
	} finally {
		db.close();
	}
}

/**
 * A page without JavaScript served `seconds` ago: the lesson's last activity moves back (pretendPageOpenFor), and
 * the next "mark as completed" the page sends carries the field the server signs for a page served that long ago
 * (progress/opened.ts; keyed by the session, which the test's own cookie gives).
 */
export async function pretendPageServedAgo(
	page: Page,
	email: string,
	courseSlug: string,
	lessonSlug: string,
	seconds: number
) {
	pretendPageOpenFor(email, courseSlug, lessonSlug, seconds);
	const db = openServerDb();
	let userId: string;
	try {
		userId = (db.prepare('select id from users where email = ?').get(email.toLowerCase()) as { id: string }).id;
	} finally {
		db.close();
	}
	const cookie = (await page.context().cookies()).find((c) => c.name === 'akademia_session');
	if (!cookie) throw new Error('not signed in');
	const token = openedToken(hashToken(cookie.value), { userId, courseSlug, lessonSlug }, Date.now() - seconds * 1000);
	await page.route(
		(url) => url.pathname === `/courses/${courseSlug}/${lessonSlug}` && url.search === '?/complete',
		async (route) => {
			const form = new URLSearchParams(route.request().postData() ?? '');
			form.set('opened', token);
			await route.continue({ postData: form.toString() });
		},
		{ times: 1 }
	);
}

/** creditReadingTime for the lesson the page shows (/courses/<course>/<lesson>). */
export function creditCurrentLesson(page: { url(): string }, email: string) {
	const [, courses, course, lesson] = new URL(page.url()).pathname.split('/');
	if (courses !== 'courses' || !course || !lesson) throw new Error(`not a lesson page: ${page.url()}`);
	creditReadingTime(email, course, lesson);
}

/** Gives an open attempt every question of its quiz (a test that answers named questions needs them all). */
export function drawWholePool(attemptId: string) {
	const db = openServerDb();
	try {
		const row = db.prepare('select course_slug, quiz_slug, seed from quiz_attempts where id = ?').get(attemptId) as
			{ course_slug: string; quiz_slug: string; seed: number } | undefined;
		if (!row) throw new Error(`no attempt ${attemptId}`);
		const course = catalogue().courses.find((c) => c.slug === row.course_slug)!;
		const quiz = course.quizzes.find((q) => q.slug === row.quiz_slug)!;
		const layout = buildLayout({ ...quiz, draw: 0 }, row.seed);
		db.prepare('update quiz_attempts set layout = ? where id = ? and submitted_at is null').run(
			JSON.stringify(layout),
			attemptId
		);
	} finally {
		db.close();
	}
}
