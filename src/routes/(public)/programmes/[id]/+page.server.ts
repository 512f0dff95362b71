import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '$lib/server/auth/guards';
import { fields } from '$lib/server/forms/fields';
import { safeValues, validateForm } from '$lib/server/forms/validate';
import { PROGRAMME_SHARE_ROLES } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/session';
import {
	canPublish,
	canShare,
	canUnpublish,
	isCollaborator,
	type ProgrammeAccess
} from '$lib/server/programmes/access';
import { orHttpError, refusedForm } from '$lib/server/programmes/http';
import { missingText } from '$lib/server/programmes/messages';
import { readiness } from '$lib/server/programmes/readiness';
import {
	commentsOf,
	loadProgramme,
	programmeTitle,
	publishProgramme,
	shareProgramme,
	unpublishProgramme,
	unshareProgramme
} from '$lib/server/programmes/store';
import type { Actions, PageServerLoad } from './$types';

// A published programme is public by design (read-only, no comments or shares); a draft is its author's and the
// people it is shared with: for anyone else loadProgramme answers 404, as for an id that does not exist.
export const load = (({ params, locals, url }) => {
	const user = locals.user ?? null;
	const p = orHttpError(() => loadProgramme(params.id, user));
	const base = {
		id: p.row.id,
		title: programmeTitle(p.row),
		content: p.content,
		status: p.row.status,
		example: p.row.example,
		publishedAt: p.row.publishedAt,
		canUnpublish: p.row.status === 'published' && canUnpublish(user)
	};
	if (!isCollaborator(p.access)) return { ...base, work: null };
	const comments = commentsOf(p.row.id);
	return {
		...base,
		work: {
			access: p.access,
			version: p.row.version,
			updatedAt: p.row.updatedAt,
			prefilled: url.searchParams.has('prefilled'),
			steps: readiness(p.content).map((r) => ({
				step: r.step,
				ready: r.ready,
				missing: r.missing.map((x) => missingText(x.code, x.subject)),
				comments: comments.filter((c) => c.step === r.step).length
			})),
			shares: canShare(p.access) ? p.shares.map((s) => ({ email: s.email, role: s.role })) : null,
			canPublish: canPublish(p.access) && p.row.status === 'draft'
		}
	};
}) satisfies PageServerLoad;

const shareSchema = z.object({
	email: fields.email(),
	role: z.enum(PROGRAMME_SHARE_ROLES, { error: 'required' })
});

/** 404 for a draft the person may not see; 403 when they see it but may not do this. */
function permitted(id: string, user: SessionUser, allowed: (a: ProgrammeAccess) => boolean) {
	const p = orHttpError(() => loadProgramme(id, user));
	if (!allowed(p.access)) error(403, { message: 'forbidden' });
	return p;
}

const refused = (e: unknown, values: Record<string, string> = {}) => refusedForm(e, { values });

export const actions = {
	share: async (event) => {
		const user = requireUser(event);
		permitted(event.params.id, user, canShare);
		const form = await event.request.formData();
		const parsed = validateForm(shareSchema, form);
		const values = safeValues(form, ['email', 'role']);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		try {
			shareProgramme(user, event.params.id, parsed.data.email, parsed.data.role);
		} catch (e) {
			return refused(e, values);
		}
		return { shared: parsed.data.email };
	},
	unshare: async (event) => {
		const user = requireUser(event);
		permitted(event.params.id, user, canShare);
		const form = await event.request.formData();
		const parsed = validateForm(z.object({ email: fields.email() }), form);
		if (!parsed.ok) return fail(400, { values: {}, errors: parsed.errors });
		try {
			unshareProgramme(user, event.params.id, parsed.data.email);
		} catch (e) {
			return refused(e);
		}
		return { unshared: parsed.data.email };
	},
	publish: async (event) => {
		const user = requireUser(event);
		permitted(event.params.id, user, canPublish);
		const form = await event.request.formData();
		const parsed = validateForm(z.object({ consent: z.literal('yes', { error: 'programmes_consent' }) }), form);
		if (!parsed.ok) return fail(400, { values: {}, errors: parsed.errors });
		try {
			publishProgramme(user, event.params.id, true);
		} catch (e) {
			return refused(e);
		}
		redirect(303, `/programmes/${event.params.id}?published`);
	},
	unpublish: async (event) => {
		const user = requireUser(event);
		permitted(event.params.id, user, () => canUnpublish(user));
		const form = await event.request.formData();
		const parsed = validateForm(z.object({ confirm: z.literal('yes', { error: 'required' }) }), form);
		if (!parsed.ok) return fail(400, { values: {}, errors: parsed.errors });
		try {
			unpublishProgramme(user, event.params.id);
		} catch (e) {
			return refused(e);
		}
		redirect(303, `/programmes?unpublished`);
	}
} satisfies Actions;
