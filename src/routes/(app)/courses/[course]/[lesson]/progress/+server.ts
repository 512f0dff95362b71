// The lesson page's reports: `open: true` once the page is loaded (the page's GET writes nothing), a heartbeat
// every ~30 s while it is visible and someone is active, and the lesson's end reached.
// `complete: true` is the page's word that the end was reached, never a completion by itself: the server
// completes the lesson only when its own records show enough active time (progress/lesson-completion.ts). A
// claim that comes too early is refused quietly: 200 with `completed: false` and what is missing.
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { requireApiUser } from '$lib/server/auth/guards';
import { readableLesson } from '$lib/server/lessons/readable';
import { openLesson, reportLessonProgress } from '$lib/server/progress/report';
import type { RequestHandler } from './$types';

const bodySchema = z.strictObject({
	position: z
		.string()
		.max(80)
		.regex(/^(h-[a-z0-9-]+)?$/)
		.default(''),
	complete: z.boolean().default(false),
	open: z.boolean().default(false)
});

export const POST = (async (event) => {
	const user = requireApiUser(event);
	const { course, lesson } = readableLesson(user, event.params);
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		error(400, { message: 'invalid json' });
	}
	const parsed = bodySchema.safeParse(body);
	if (!parsed.success) error(400, { message: 'invalid progress' });
	if (parsed.data.open) {
		openLesson(user, course, lesson);
		return new Response(null, { status: 204 });
	}
	const { state, certificate } = reportLessonProgress(user, course, lesson, {
		position: parsed.data.position,
		endReached: parsed.data.complete
	});
	return json({
		completed: state.completed,
		endReached: state.endReached,
		missingMinutes: Math.ceil(state.missingSeconds / 60),
		certificate: certificate ? '/certificates' : null
	});
}) satisfies RequestHandler;
