import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { createGroup, listGroups, trainerCandidates } from '$lib/server/groups/groups';
import { getCatalogue, getCourse } from '$lib/server/content';
import { fields } from '$lib/server/forms/fields';
import { fieldError, formDataToObject, safeValues, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

const groupSchema = z.object({
	name: fields.plainText(120),
	course: z.string({ error: 'required' }).min(1, 'required'),
	trainers: z.union([z.string(), z.array(z.string())]).optional()
});

export const load = ((event) => {
	const admin = requireRole(event, 'admin');
	return {
		groups: listGroups(admin).map((g) => ({ ...g, courseTitle: getCourse(g.courseSlug)?.title ?? g.courseSlug })),
		courses: getCatalogue().courses.map((c) => ({ slug: c.slug, title: c.title })),
		trainers: trainerCandidates()
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = { ...safeValues(form, ['name', 'course']), trainers: form.getAll('trainers').map(String).join(',') };
		const parsed = validateForm(groupSchema, formDataToObject(form));
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		if (!getCourse(parsed.data.course))
			return fail(400, { values, errors: fieldError('course', m.admin_groups_course_unknown()) });
		const allowed = new Set(trainerCandidates().map((t) => t.id));
		const trainerIds = [parsed.data.trainers ?? []].flat().filter((id) => allowed.has(id));
		// A group is tied to a live training: someone must run it and see its results.
		if (trainerIds.length === 0)
			return fail(400, { values, errors: fieldError('trainers', m.admin_groups_trainer_required()) });
		const id = createGroup(admin.id, { name: parsed.data.name, courseSlug: parsed.data.course, trainerIds });
		redirect(303, `/admin/groups/${id}`);
	}
} satisfies Actions;
