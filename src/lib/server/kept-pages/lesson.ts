import type { RequestEvent } from '@sveltejs/kit';
import { layoutData, type LayoutData } from '../layout-data';
import { lessonPageData, type LessonPageData } from '../lessons/page';
import { slotMark } from './store';

// The lesson page, the page learners read most, kept per state rather than per learner (issue 20). Its HTML is a
// function of the lesson, the locale and what the page's data says of the learner (completion, minutes missing,
// where they stopped, open neighbours, staff preview, the header's role), which learners share, plus two values
// that are the learner's own: the name in the footer and the signed `opened` field (progress/opened.ts). Those are
// the slots; everything else is the key. The data is read for every view, as the load would (same function,
// same guards), so a view never shows a state older than the request.
export const LESSON_ROUTE = '/(app)/courses/[course]/[lesson]';

export interface KeptRender {
	layout: LayoutData;
	page: LessonPageData;
}

export interface LessonToKeep {
	key: string;
	/** The name; the signed field too unless the lesson is completed (its page then has no form). */
	slots: { name: string; opened?: string };
	/** The data to render the page with when it is not kept yet: the slots hold their marks. */
	render: KeptRender;
}

/**
 * A signed-in GET of a lesson at its own path, without a query, whose session cookie needs no renewal, with the
 * data it shows; null for anything else, and for a view the page's load refuses (not signed in, unknown or locked
 * lesson), which the load then answers as usual.
 */
export async function lessonPageToKeep(event: RequestEvent, locale: string): Promise<LessonToKeep | null> {
	const { request, route, url, locals, params } = event;
	if (request.method !== 'GET' || url.search !== '' || event.isDataRequest) return null;
	if (!locals.user || locals.sessionRenewed || route.id !== LESSON_ROUTE) return null;
	if (url.pathname !== `/courses/${params.course}/${params.lesson}`) return null;
	let page: LessonPageData;
	try {
		page = await lessonPageData(event);
	} catch {
		// A redirect or error the load throws as well (it runs next and answers as it always does).
		return null;
	}
	const layout = layoutData(locals.user);
	const render = {
		layout: { ...layout, user: { role: locals.user.role, name: slotMark('name') } },
		page: { ...page, opened: slotMark('opened') }
	};
	// The content (html, headings) follows from the course, the lesson and the locale, all in the key.
	const state = { ...render.page, html: undefined, headings: undefined };
	return {
		key: JSON.stringify([locale, LESSON_ROUTE, render.layout, state]),
		slots: page.completed ? { name: locals.user.name } : { name: locals.user.name, opened: page.opened },
		render
	};
}
