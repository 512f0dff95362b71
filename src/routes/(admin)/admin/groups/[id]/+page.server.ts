import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { formatDateTimeFull } from '$lib/format';
import {
	addLiveSession,
	addMembers,
	parseEmailList,
	addTrainer,
	getGroup,
	groupMemberRows,
	groupSessions,
	groupTrainerRows,
	removeLiveSession,
	removeMember,
	removeTrainer,
	setGroupDeadline,
	trainerCandidates
} from '$lib/server/groups/groups';
import { warsawToInstant } from '$lib/server/groups/time';
import { getCourse } from '$lib/server/content';
import { fields } from '$lib/server/forms/fields';
import { fieldError, formDataToObject, formError, safeValues, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

const sessionSchema = z.object({
	title: fields.plainText(160),
	date: z.string({ error: 'required' }).min(1, 'required'),
	time: z.string({ error: 'required' }).min(1, 'required'),
	place: fields.plainText(200),
	due: z.union([z.string(), z.array(z.string())]).optional()
});

/** The group of the URL, or 404: every action checks it again, since actions skip the load. */
function groupOf(event: Pick<RequestEvent, 'params'> & { params: { id: string } }) {
	const group = getGroup(event.params.id);
	if (!group || group.archivedAt) error(404, { message: 'not_found' });
	return group;
}

async function idFrom(event: RequestEvent, name: string) {
	return idOf(await event.request.formData(), name);
}

function idOf(form: FormData, name: string) {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, 64) : '';
}

export const load = ((event) => {
	requireRole(event, 'admin');
	const group = groupOf(event);
	const course = getCourse(group.courseSlug);
	const trainers = groupTrainerRows(group.id);
	const trainerIds = new Set(trainers.map((t) => t.id));
	return {
		group: { id: group.id, name: group.name, courseTitle: course?.title ?? group.courseSlug },
		// YYYY-MM-DD of the deadline in Polish time, for the date field.
		finishBy: group.finishBy
			? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(group.finishBy)
			: '',
		modules: (course?.modules ?? []).map((mod) => ({ slug: mod.slug, title: mod.title, index: mod.index })),
		trainers,
		candidates: trainerCandidates().filter((t) => !trainerIds.has(t.id)),
		members: groupMemberRows(group.id),
		sessions: groupSessions(group.id).map((s) => ({
			id: s.id,
			title: s.title,
			place: s.place,
			when: formatDateTimeFull(s.startsAt),
			dueModules: s.dueModules.map((slug) => course?.modules.find((mod) => mod.slug === slug)?.title ?? slug)
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	deadline: async (event) => {
		const admin = requireRole(event, 'admin');
		const group = groupOf(event);
		const form = await event.request.formData();
		// Clearing is its own button (clear=yes); otherwise a real date is required, so no stray post clears it.
		const clear = form.get('clear') === 'yes';
		const raw = form.get('finish_by');
		const value = typeof raw === 'string' && raw.length <= 10 ? raw : 'x';
		const finishBy = clear ? null : warsawToInstant(value, '23:59');
		if (!clear && !finishBy)
			return fail(400, {
				action: 'deadline',
				values: { finish_by: typeof raw === 'string' ? raw.slice(0, 20) : '' },
				errors: fieldError('finish_by', value === '' ? m.error_required() : m.admin_groups_deadline_invalid())
			});
		setGroupDeadline(admin.id, group.id, finishBy);
		return { action: 'deadline', done: finishBy ? m.admin_groups_deadline_set() : m.admin_groups_deadline_cleared() };
	},
	addMember: async (event) => {
		const admin = requireRole(event, 'admin');
		const group = groupOf(event);
		const form = await event.request.formData();
		const values = safeValues(form, ['emails']);
		const text = typeof values.emails === 'string' ? values.emails.slice(0, 50_000) : '';
		const { emails, invalid } = parseEmailList(text);
		const refuse = (message: string) => fail(400, { action: 'member', values, errors: fieldError('emails', message) });
		if (invalid.length > 0) return refuse(m.admin_groups_members_invalid({ list: invalid.slice(0, 20).join(', ') }));
		if (emails.length === 0) return refuse(m.error_required());
		if (emails.length > 500) return refuse(m.admin_groups_members_too_many());
		const result = addMembers(admin.id, group, emails);
		if (!result.ok) return refuse(m.admin_groups_members_unknown({ list: result.unknown.slice(0, 20).join(', ') }));
		return {
			action: 'member',
			done: m.admin_groups_members_added({ added: result.added.length, already: result.already.length })
		};
	},
	removeMember: async (event) => {
		const admin = requireRole(event, 'admin');
		const group = groupOf(event);
		const form = await event.request.formData();
		if (form.get('confirm') !== 'yes')
			return fail(400, { action: 'member', values: {}, errors: formError(m.confirm_required()) });
		removeMember(admin.id, group.id, idOf(form, 'userId'));
		return { action: 'member', done: m.admin_groups_member_removed() };
	},
	addTrainer: async (event) => {
		const admin = requireRole(event, 'admin');
		const group = groupOf(event);
		const userId = await idFrom(event, 'userId');
		if (!trainerCandidates().some((t) => t.id === userId))
			return fail(400, {
				action: 'trainer',
				values: {},
				errors: fieldError('trainer', m.admin_groups_trainer_invalid())
			});
		addTrainer(admin.id, group.id, userId);
		return { action: 'trainer', done: m.admin_groups_trainer_added() };
	},
	removeTrainer: async (event) => {
		const admin = requireRole(event, 'admin');
		const group = groupOf(event);
		if (!removeTrainer(admin.id, group.id, await idFrom(event, 'userId')))
			return fail(400, { action: 'trainer', values: {}, errors: formError(m.admin_groups_last_trainer()) });
		return { action: 'trainer', done: m.admin_groups_trainer_removed() };
	},
	addSession: async (event) => {
		const admin = requireRole(event, 'admin');
		const group = groupOf(event);
		const form = await event.request.formData();
		const values = {
			...safeValues(form, ['title', 'date', 'time', 'place']),
			due: form.getAll('due').map(String).join(',')
		};
		const parsed = validateForm(sessionSchema, formDataToObject(form));
		if (!parsed.ok) return fail(400, { action: 'session', values, errors: parsed.errors });
		const startsAt = warsawToInstant(parsed.data.date, parsed.data.time);
		if (!startsAt)
			return fail(400, {
				action: 'session',
				values,
				errors: fieldError('date', m.admin_groups_session_when_invalid())
			});
		const moduleSlugs = new Set(getCourse(group.courseSlug)?.modules.map((mod) => mod.slug) ?? []);
		const dueModules = [parsed.data.due ?? []].flat().filter((slug) => moduleSlugs.has(slug));
		addLiveSession(admin.id, group.id, { title: parsed.data.title, place: parsed.data.place, startsAt, dueModules });
		return { action: 'session', done: m.admin_groups_session_added() };
	},
	removeSession: async (event) => {
		const admin = requireRole(event, 'admin');
		const group = groupOf(event);
		const form = await event.request.formData();
		if (form.get('confirm') !== 'yes')
			return fail(400, { action: 'removeSession', values: {}, errors: formError(m.confirm_required()) });
		if (!removeLiveSession(admin.id, group.id, idOf(form, 'sessionId')))
			return fail(400, {
				action: 'removeSession',
				values: {},
				errors: fieldError('form', m.admin_groups_session_has_attendance())
			});
		return { action: 'session', done: m.admin_groups_session_removed() };
	}
} satisfies Actions;
