import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/auth/guards';
import { fields, safeText } from '$lib/server/forms/fields';
import { formError, safeValues, validateForm } from '$lib/server/forms/validate';
import { PROGRAMME_OFFICE_TYPES } from '$lib/programmes/model';
import { officeTypeFromName } from '$lib/server/programmes/prefill';
import { draftFromDiagnosis } from '$lib/server/programmes/start';
import { createProgramme } from '$lib/server/programmes/store';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['office', 'titleOffice', 'type', 'from', 'to', 'survey'];
const year = z
	.string({ error: 'required' })
	.trim()
	.regex(/^\d{4}$/, 'programmes_year')
	.transform(Number)
	.refine((y) => y >= 2000 && y <= 2100, 'programmes_year');

const schema = z
	.object({
		office: fields.plainText(300),
		titleOffice: fields.plainText(300),
		type: z.enum(PROGRAMME_OFFICE_TYPES, { error: 'required' }),
		from: year,
		to: year,
		survey: safeText(z.string().trim().max(500, 'too_long:500')).optional()
	})
	.refine((d) => d.from <= d.to, { path: ['to'], message: 'programmes_year_order' });

export const load = ((event) => {
	const user = requireUser(event);
	const year = new Date().getFullYear() + 1;
	return {
		values: {
			office: user.organisation,
			titleOffice: '',
			type: officeTypeFromName(user.organisation),
			from: String(year),
			to: String(year + 4),
			survey: ''
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = validateForm(schema, form);
		if (!parsed.ok) return fail(400, { values: safeValues(form, FIELDS), errors: parsed.errors });
		const d = parsed.data;
		const start = draftFromDiagnosis(d.survey ?? '', d.office);
		if (!start.ok) return fail(400, { values: safeValues(form, FIELDS), errors: { survey: start.message } });
		const content = start.content;
		content.office.name = d.office;
		content.office.type = d.type;
		content.years = { from: d.from, to: d.to };
		const id = createProgramme(user, { titleOffice: d.titleOffice, content });
		if (!id) return fail(500, { values: safeValues(form, FIELDS), errors: formError(m.error_invalid()) });
		redirect(303, `/programmes/${id}${start.prefilled ? '?prefilled' : ''}`);
	}
} satisfies Actions;
