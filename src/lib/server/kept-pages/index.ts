import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { lessonPageToKeep } from './lesson';
import { sharedPageKey } from './shared';
import { keepPage, keptPage } from './store';

type Resolve = (event: RequestEvent, opts?: ResolveOptions) => Response | Promise<Response>;

/**
 * The answer to a request for a page that may be kept (hooks.server.ts): from memory when it was rendered before,
 * else rendered by `resolve` and kept. The public pages are the same for every visitor without a session; the
 * lesson page is rendered with marks in its slots (event.locals.keptRender, read by its loads) and filled per view.
 * Any other request goes to `resolve` as it came.
 */
export async function answerFromKeptPages(event: RequestEvent, resolve: Resolve, locale: string): Promise<Response> {
	const shared = sharedPageKey(event, locale);
	if (shared !== null) return keptPage(shared) ?? keepPage(shared, await resolve(event));
	const lesson = await lessonPageToKeep(event, locale);
	if (lesson === null) return resolve(event);
	const kept = keptPage(lesson.key, lesson.slots);
	if (kept) return kept;
	event.locals.keptRender = lesson.render;
	return keepPage(lesson.key, await resolve(event), lesson.slots);
}
