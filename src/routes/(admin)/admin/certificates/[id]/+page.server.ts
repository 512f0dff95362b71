import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { reissueCertificate, revokeCertificate } from '$lib/server/certificates/manage';
import { findById, statusOf } from '$lib/server/certificates/queries';
import { fields } from '$lib/server/forms/fields';
import { formError, safeValues, validateForm } from '$lib/server/forms/validate';
import type { Actions, PageServerLoad } from './$types';

const revokeSchema = z.object({ reason: fields.plainText(500) });
const reissueSchema = z.object({ name: fields.personName(), reason: fields.plainText(500) });

export const load = ((event) => {
	requireRole(event, 'admin');
	const cert = findById(event.params.id);
	if (!cert) error(404, { message: 'not found' });
	const replacement = cert.replacedById ? findById(cert.replacedById) : undefined;
	return {
		cert: { ...cert, status: statusOf(cert) },
		replacement: replacement ? { id: replacement.id, code: replacement.code } : null
	};
}) satisfies PageServerLoad;

export const actions = {
	revoke: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = safeValues(form, ['reason']);
		const parsed = validateForm(revokeSchema, form);
		// Revoking is permanent and public: the admin ticks that they know it (works without JavaScript).
		const confirmError = form.get('confirm') === 'yes' ? {} : { confirm: m.confirm_required() };
		if (!parsed.ok || confirmError.confirm)
			return fail(400, {
				action: 'revoke',
				values,
				errors: { ...(parsed.ok ? {} : parsed.errors), ...confirmError }
			});
		if (!findById(event.params.id)) error(404, { message: 'not found' });
		if (!revokeCertificate(event.params.id, admin.id, parsed.data.reason))
			return fail(400, { action: 'revoke', values, errors: formError(m.cert_admin_already_revoked()) });
		redirect(303, `/admin/certificates/${event.params.id}?revoked`);
	},
	reissue: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = safeValues(form, ['name', 'reason']);
		const parsed = validateForm(reissueSchema, form);
		if (!parsed.ok) return fail(400, { action: 'reissue', values, errors: parsed.errors });
		if (!findById(event.params.id)) error(404, { message: 'not found' });
		const fresh = reissueCertificate(event.params.id, admin.id, parsed.data.name, parsed.data.reason);
		if (!fresh) return fail(400, { action: 'reissue', values, errors: formError(m.cert_admin_already_replaced()) });
		redirect(303, `/admin/certificates/${fresh.id}?reissued`);
	}
} satisfies Actions;
