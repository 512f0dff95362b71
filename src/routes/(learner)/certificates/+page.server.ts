import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { confirmOrRequestName, latestNameRequests } from '$lib/server/certificates/manage';
import { findById, findOwned, listForUser, shownCourseTitle, statusOf } from '$lib/server/certificates/queries';
import { fields } from '$lib/server/forms/fields';
import { formError, safeValues, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

const confirmSchema = z.object({ id: z.string().min(1).max(64), name: fields.personName() });

export const load = ((event) => {
	const user = requireUser(event);
	const requests = latestNameRequests(user.id);
	const certificates = listForUser(user.id).map((c) => ({
		id: c.id,
		code: c.code,
		name: c.nameAsPrinted,
		courseTitle: shownCourseTitle(c, getLocale()),
		hours: c.hours,
		completedAt: c.completedAt,
		issuedAt: c.issuedAt,
		confirmed: !!c.nameConfirmedAt,
		status: statusOf(c),
		revokedReason: c.revokedReason,
		replacementCode: c.replacedById ? (findById(c.replacedById)?.code ?? null) : null,
		// The latest request for a name the correction rule did not accept: pending, or refused (ask again).
		request: (() => {
			const r = requests.get(c.id);
			if (!r || r.decision === 'approved') return null;
			return { name: r.requestedName, state: r.decision === 'refused' ? ('refused' as const) : ('pending' as const) };
		})()
	}));
	return {
		certificates,
		confirmed: event.url.searchParams.get('confirmed'),
		requested: event.url.searchParams.get('requested')
	};
}) satisfies PageServerLoad;

export const actions = {
	confirm: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values = safeValues(form, ['id', 'name']);
		const parsed = validateForm(confirmSchema, form);
		if (!parsed.ok) return fail(400, { id: values.id, values, errors: parsed.errors });
		const cert = findOwned(parsed.data.id, user.id);
		if (!cert) return fail(404, { id: values.id, values, errors: formError(m.cert_not_found()) });
		const outcome = confirmOrRequestName(cert.id, user.id, parsed.data.name);
		if (outcome.kind === 'not_found')
			return fail(404, { id: values.id, values, errors: formError(m.cert_not_found()) });
		if (outcome.kind === 'already_confirmed')
			return fail(400, { id: values.id, values, errors: formError(m.cert_already_confirmed()) });
		if (outcome.kind === 'pending')
			return fail(400, { id: values.id, values, errors: formError(m.cert_name_request_pending_error()) });
		if (outcome.kind === 'requested') redirect(303, `/certificates?requested=${encodeURIComponent(cert.id)}`);
		redirect(303, `/certificates?confirmed=${encodeURIComponent(cert.id)}`);
	}
} satisfies Actions;
