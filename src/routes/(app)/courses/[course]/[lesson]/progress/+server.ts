// Heartbeat of an open lesson page (every ~30 s while visible and someone is active) and completion when the end is reached.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireApiUser } from '$lib/server/auth/guards';
import { issueCertificateIfComplete } from '$lib/server/certificates/issue';
import { readableLesson } from '$lib/server/lessons/readable';
import { recordCompletion, recordHeartbeat } from '$lib/server/progress/record';
import type { RequestHandler } from './$types';

const bodySchema = z.strictObject({
	position: z
		.string()
		.max(80)
		.regex(/^(h-[a-z0-9-]+)?$/)
		.default(''),
	complete: z.boolean().default(false)
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
	const key = { userId: user.id, courseSlug: course.slug, lessonSlug: lesson.slug };
	// The lesson's planned minutes bound its recorded time (lessonTimeCap), whatever the tab does.
	recordHeartbeat({ ...key, minutes: lesson.minutes }, parsed.data.position);
	if (parsed.data.complete) {
		recordCompletion(key);
		issueCertificateIfComplete(user.id, course.slug);
	}
	return new Response(null, { status: 204 });
}) satisfies RequestHandler;
