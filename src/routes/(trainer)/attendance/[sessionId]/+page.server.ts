import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { attendanceSheet, saveAttendance, sessionForMarking, sessionStarted } from '$lib/server/groups/attendance';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { formatDateTimeFull } from '$lib/format';

/** Role first, then the group: a trainer of another group gets 403, an unknown session 404. */
function markable(event: RequestEvent & { params: { sessionId: string } }) {
	const user = requireRole(event, 'trainer', 'admin');
	const found = sessionForMarking(user, event.params.sessionId);
	if (!found.ok)
		error(found.reason === 'missing' ? 404 : 403, { message: found.reason === 'missing' ? 'not_found' : 'forbidden' });
	return { user, ...found };
}

export const load = ((event) => {
	const { session, group } = markable(event);
	return {
		session: {
			id: session.id,
			title: session.title,
			place: session.place,
			when: formatDateTimeFull(session.startsAt),
			started: sessionStarted(session)
		},
		group: { id: group.id, name: group.name },
		members: attendanceSheet(session.id, group.id)
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { user, session, group } = markable(event);
		const form = await event.request.formData();
		// "Mark everyone present" sends every member; otherwise the ticked boxes.
		const attended =
			form.get('all') === 'yes'
				? attendanceSheet(session.id, group.id).map((member) => member.id)
				: form.getAll('attended').filter((v): v is string => typeof v === 'string');
		const count = saveAttendance(user.id, session.id, group.id, attended);
		if (count === null) return fail(400, { error: m.training_attendance_not_started() });
		return { saved: m.admin_groups_attendance_saved({ count }) };
	}
} satisfies Actions;
