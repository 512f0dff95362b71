// Requests to print a name on a certificate that the correction rule did not accept: the admin sees the
// account's name and the requested one, and approves or refuses (both audited, certificates/manage.ts).
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { decideNameRequest, listNameRequests } from '$lib/server/certificates/manage';
import { formError, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

const decisionSchema = z.object({ id: z.string().min(1).max(64) });

export const load = ((event) => {
	requireRole(event, 'admin');
	const { pending, decided } = listNameRequests();
	return { pending, decided, done: event.url.searchParams.get('done') };
}) satisfies PageServerLoad;

function decide(decision: 'approved' | 'refused'): Actions[string] {
	return async (event) => {
		const admin = requireRole(event, 'admin');
		const parsed = validateForm(decisionSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		if (!decideNameRequest(parsed.data.id, admin.id, decision))
			return fail(409, { errors: formError(m.admin_name_requests_gone()) });
		redirect(303, `/admin/name-requests?done=${decision}`);
	};
}

export const actions = { approve: decide('approved'), refuse: decide('refused') } satisfies Actions;
