import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { getCatalogue } from '$lib/server/content';
import { formError, safeValues } from '$lib/server/forms/validate';
import { readDayForm, readTrainingForm } from '$lib/server/trainings/admin-form';
import { parseProgramme, programmeText, TRAINING_FIELDS } from '$lib/server/trainings/card';
import { allTrainings, daysOf, seatCounts, trainingById } from '$lib/server/trainings/catalogue';
import {
	addTrainingDay,
	cancelTraining,
	enrolConfirmed,
	removeTrainingDay,
	rescheduleTrainingDay,
	setDayProgramme,
	updateTraining
} from '$lib/server/trainings/manage';
import {
	cancelByOrganiser,
	confirmByOrganiser,
	moveRegistration,
	registrationsOf
} from '$lib/server/trainings/registrations';
import { formMessages } from '../messages';
import type { Actions, PageServerLoad } from './$types';

/** The training of the URL, or 404: every action checks it again, since actions skip the load. */
function trainingOf(event: { params: { id: string } }) {
	const training = trainingById(event.params.id);
	if (!training) error(404, { message: 'not_found' });
	return training;
}

function warsawParts(d: Date) {
	const s = d.toLocaleString('sv-SE', { timeZone: 'Europe/Warsaw' });
	return { date: s.slice(0, 10), time: s.slice(11, 16) };
}

async function idFrom(event: RequestEvent, name: string) {
	const value = (await event.request.formData()).get(name);
	return typeof value === 'string' ? value.slice(0, 64) : '';
}

const REFUSALS = {
	missing: () => m.training_admin_refused_missing(),
	not_allowed: () => m.training_admin_refused_not_allowed(),
	no_seat: () => m.training_admin_refused_no_seat(),
	duplicate: () => m.training_admin_refused_duplicate(),
	closed: () => m.training_admin_refused_closed(),
	started: () => m.training_admin_refused_started(),
	undated: () => m.training_admin_refused_undated()
};

export const load = ((event) => {
	requireRole(event, 'admin');
	const training = trainingOf(event);
	const deadline = warsawParts(training.registrationDeadline);
	return {
		training: {
			id: training.id,
			slug: training.slug,
			title: training.title,
			status: training.status,
			seats: training.seats,
			groupId: training.groupId,
			counts: seatCounts(training.id)
		},
		values: {
			title: training.title,
			invitation: training.invitation,
			place: training.place,
			online_url: training.onlineUrl,
			seats: String(training.seats),
			deadline_date: deadline.date,
			deadline_time: deadline.time,
			approval: training.requiresApproval ? 'yes' : '',
			courses: training.courseSlugs.join(',')
		},
		days: daysOf(training.id).map((d) => ({
			id: d.id,
			date: warsawParts(d.startsAt).date,
			start: warsawParts(d.startsAt).time,
			end: warsawParts(d.endsAt).time,
			startsAt: d.startsAt,
			endsAt: d.endsAt,
			liveSessionId: d.liveSessionId,
			programme: programmeText(d.programme)
		})),
		registrations: registrationsOf(training.id).map((r) => ({
			id: r.id,
			name: `${r.firstName} ${r.lastName}`.trim(),
			email: r.email,
			office: r.office,
			position: r.position,
			status: r.status,
			waitlistPosition: r.waitlistPosition,
			createdAt: r.createdAt,
			anonymised: !!r.anonymisedAt
		})),
		// The trainings moveRegistration accepts: on, and not begun.
		moveTargets: allTrainings()
			.filter((t) => t.id !== training.id && t.status === 'published' && !!t.start && t.start.getTime() > Date.now())
			.map((t) => ({ id: t.id, title: t.title })),
		courses: getCatalogue().courses.map((c) => ({ slug: c.slug, title: c.title }))
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const admin = requireRole(event, 'admin');
		const training = trainingOf(event);
		const form = await event.request.formData();
		const values = {
			...safeValues(form, [...TRAINING_FIELDS, 'approval']),
			courses: form.getAll('courses').map(String).join(',')
		};
		const read = readTrainingForm(form, formMessages());
		if (!read.ok) return fail(400, { action: 'save', values, errors: read.errors });
		const notified = updateTraining(admin.id, training.id, read.input, event.url.origin);
		return { action: 'save', done: m.training_admin_saved({ count: notified ?? 0 }) };
	},
	addDay: async (event) => {
		const admin = requireRole(event, 'admin');
		const training = trainingOf(event);
		const form = await event.request.formData();
		const values = safeValues(form, ['date', 'start', 'end', 'programme']);
		const read = readDayForm(form, formMessages());
		if (!read.ok) return fail(400, { action: 'day', values, errors: read.errors });
		addTrainingDay(admin.id, training.id, read.input, event.url.origin);
		return { action: 'day', done: m.training_admin_day_added() };
	},
	moveDay: async (event) => {
		const admin = requireRole(event, 'admin');
		const training = trainingOf(event);
		const form = await event.request.formData();
		const dayId = String(form.get('dayId') ?? '').slice(0, 64);
		const read = readDayForm(form, formMessages());
		if (!read.ok) return fail(400, { action: 'days', values: {}, errors: read.errors });
		if (!rescheduleTrainingDay(admin.id, training.id, dayId, read.input, event.url.origin))
			return fail(400, { action: 'days', values: {}, errors: formError(m.training_admin_refused_missing()) });
		return { action: 'day', done: m.training_admin_day_moved() };
	},
	saveProgramme: async (event) => {
		const admin = requireRole(event, 'admin');
		const training = trainingOf(event);
		const form = await event.request.formData();
		const dayId = String(form.get('dayId') ?? '').slice(0, 64);
		const parsed = parseProgramme(String(form.get('programme') ?? '').slice(0, 5000));
		if (!parsed.ok)
			return fail(400, {
				action: 'days',
				values: {},
				errors: formError(m.training_admin_programme_line({ line: parsed.line }))
			});
		if (!setDayProgramme(admin.id, training.id, dayId, parsed.items))
			return fail(400, { action: 'days', values: {}, errors: formError(m.training_admin_refused_missing()) });
		return { action: 'day', done: m.training_admin_programme_saved() };
	},
	removeDay: async (event) => {
		const admin = requireRole(event, 'admin');
		const training = trainingOf(event);
		const removed = removeTrainingDay(admin.id, training.id, await idFrom(event, 'dayId'), event.url.origin);
		if (removed !== 'removed')
			return fail(400, {
				action: 'days',
				values: {},
				errors: formError(
					removed === 'missing' ? m.training_admin_refused_missing() : m.training_admin_day_has_attendance()
				)
			});
		return { action: 'day', done: m.training_admin_day_removed() };
	},
	confirm: async (event) => {
		const admin = requireRole(event, 'admin');
		const training = trainingOf(event);
		const result = confirmByOrganiser(await idFrom(event, 'registrationId'), {
			origin: event.url.origin,
			actorId: admin.id,
			trainingId: training.id
		});
		if (!result.ok)
			return fail(400, { action: 'registrations', values: {}, errors: formError(REFUSALS[result.reason]()) });
		return { action: 'registrations', done: m.training_admin_confirmed() };
	},
	cancel: async (event) => {
		const admin = requireRole(event, 'admin');
		const training = trainingOf(event);
		const result = cancelByOrganiser(await idFrom(event, 'registrationId'), {
			origin: event.url.origin,
			actorId: admin.id,
			trainingId: training.id
		});
		if (!result.ok)
			return fail(400, { action: 'registrations', values: {}, errors: formError(REFUSALS[result.reason]()) });
		return { action: 'registrations', done: m.training_admin_cancelled({ promoted: result.promoted.length }) };
	},
	move: async (event) => {
		const admin = requireRole(event, 'admin');
		const training = trainingOf(event);
		const form = await event.request.formData();
		const result = moveRegistration(
			String(form.get('registrationId') ?? '').slice(0, 64),
			String(form.get('target') ?? '').slice(0, 64),
			{
				origin: event.url.origin,
				actorId: admin.id,
				trainingId: training.id
			}
		);
		if (!result.ok)
			return fail(400, { action: 'registrations', values: {}, errors: formError(REFUSALS[result.reason]()) });
		return { action: 'registrations', done: m.training_admin_moved() };
	},
	enrol: async (event) => {
		const admin = requireRole(event, 'admin');
		const training = trainingOf(event);
		const result = enrolConfirmed(admin.id, training.id, event.url.origin);
		if (!result) error(404, { message: 'not_found' });
		return { action: 'registrations', done: m.training_admin_enrolled(result) };
	},
	cancelTraining: async (event) => {
		const admin = requireRole(event, 'admin');
		const training = trainingOf(event);
		if ((await idFrom(event, 'confirm')) !== 'yes')
			return fail(400, {
				action: 'cancelTraining',
				values: {},
				errors: formError(m.training_admin_cancel_confirm_needed())
			});
		cancelTraining(admin.id, training.id, event.url.origin);
		return { action: 'save', done: m.training_admin_training_cancelled() };
	}
} satisfies Actions;
