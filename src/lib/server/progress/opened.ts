// When a lesson page was served, as the page itself carries it back: the lesson page writes nothing on a GET
// (docs/PERFORMANCE.md), so the "mark as completed" form of a page without JavaScript, which counts the time since
// the page was served, brings that time in a hidden field. The field is signed for the session that saw the page
// (HMAC-SHA-256 keyed by the session id, which never leaves the server: only its token's holder has the page), so
// it cannot be back-dated to skip the reading time, nor carried to another account or lesson.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LessonKey } from './record';

/** A served page's field is honoured this long: a page left open overnight counts from a reload. */
export const OPENED_VALID_MS = 12 * 60 * 60 * 1000;

function mac(sessionId: string, key: LessonKey, servedAt: number): Buffer {
	return createHmac('sha256', sessionId)
		.update(`lesson-opened\n${key.userId}\n${key.courseSlug}\n${key.lessonSlug}\n${servedAt}`)
		.digest()
		.subarray(0, 16);
}

/** The hidden field's value for a page served now to this session. */
export function openedToken(sessionId: string, key: LessonKey, servedAt = Date.now()): string {
	return `${servedAt}.${mac(sessionId, key, servedAt).toString('base64url')}`;
}

/** When the page was served, if `token` is a field this session's page of this lesson carried; else null. */
export function openedAt(token: unknown, sessionId: string, key: LessonKey, now = Date.now()): number | null {
	if (typeof token !== 'string') return null;
	const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(token);
	if (!match) return null;
	const servedAt = Number(match[1]);
	if (servedAt > now || now - servedAt > OPENED_VALID_MS) return null;
	const given = Buffer.from(match[2], 'base64url');
	const expected = mac(sessionId, key, servedAt);
	return given.length === expected.length && timingSafeEqual(given, expected) ? servedAt : null;
}
