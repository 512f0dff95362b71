import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { trainerCandidates } from '$lib/server/groups/groups';
import { getCatalogue } from '$lib/server/content';
import { fieldError, safeValues } from '$lib/server/forms/validate';
import { readTrainingForm } from '$lib/server/trainings/admin-form';
import { TRAINING_FIELDS } from '$lib/server/trainings/card';
import { allTrainings } from '$lib/server/trainings/catalogue';
import { createTraining } from '$lib/server/trainings/manage';
import { formMessages } from './messages';
import type { Actions, PageServerLoad } from './$types';

export const load = ((event) => {
	requireRole(event, 'admin');
	return {
		trainings: allTrainings().map((t) => ({
			id: t.id,
			slug: t.slug,
			title: t.title,
			start: t.start,
			seats: t.seats,
			status: t.status,
			counts: t.counts
		})),
		courses: getCatalogue().courses.map((c) => ({ slug: c.slug, title: c.title })),
		trainers: trainerCandidates()
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = {
			...safeValues(form, [...TRAINING_FIELDS, 'approval', 'trainer']),
			courses: form.getAll('courses').map(String).join(',')
		};
		const read = readTrainingForm(form, formMessages());
		if (!read.ok) return fail(400, { values, errors: read.errors });
		const trainerId = String(form.get('trainer') ?? '');
		if (!trainerCandidates().some((t) => t.id === trainerId))
			return fail(400, { values, errors: fieldError('trainer', m.training_admin_trainer_required()) });
		const { id } = createTraining(admin.id, read.input, trainerId);
		redirect(303, `/admin/trainings/${id}`);
	}
} satisfies Actions;
