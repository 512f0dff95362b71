import { fail, redirect } from '@sveltejs/kit';
import { formatDateTimeFull } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { formError } from '$lib/server/forms/validate';
import { requireGroupAccess } from '$lib/server/groups/access';
import { nextSession } from '$lib/server/reports/groups';
import { reminderRecipients, remindBehind, type ReminderText } from '$lib/server/reports/remind';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The group, its course and the next session with due modules (null: nothing to remind of). */
function context(event: RequestEvent) {
	const { user, group, course } = requireGroupAccess(event);
	const session = nextSession(group.id);
	if (!course || !session || session.dueModules.length === 0) return { user, group, due: null };
	const text: ReminderText = {
		subject: m.remind_mail_subject({ date: formatDateTimeFull(session.startsAt) }),
		body: (r) =>
			m.remind_mail_body({
				group: group.name,
				date: formatDateTimeFull(session.startsAt),
				modules: r.missing.map((title) => `- ${title}`).join('\n'),
				link: `${event.url.origin}/courses/${course.slug}`
			})
	};
	return { user, group, due: { course, session, text } };
}

export const load = ((event) => {
	const { group, due } = context(event);
	if (!due)
		return { group: { id: group.id, name: group.name }, session: null, recipients: [], preview: null, sent: null };
	const { course, session, text } = due;
	const recipients = reminderRecipients(group, course, session);
	const sample = recipients.find((r) => !r.remindedRecently) ?? recipients[0];
	return {
		group: { id: group.id, name: group.name },
		session: { startsAt: session.startsAt, title: session.title },
		recipients,
		preview: sample ? { subject: text.subject, body: text.body(sample), to: sample.name } : null,
		sent: event.url.searchParams.get('sent')
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { user, group, due } = context(event);
		const form = await event.request.formData();
		if (form.get('confirm') !== 'yes') return fail(400, { errors: formError(m.confirm_required()) });
		if (!due) return fail(400, { errors: formError(m.remind_no_session()) });
		const sent = remindBehind(user.id, group, due.course, due.session, due.text);
		redirect(303, `/trainer/groups/${group.id}/remind?sent=${sent}`);
	}
} satisfies Actions;
