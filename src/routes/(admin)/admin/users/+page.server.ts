import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { listGroups } from '$lib/server/admin/groups';
import {
	cancelInvitation,
	extendInvitation,
	listPendingInvitations,
	resendInvitation
} from '$lib/server/admin/invitations';
import { listOrganisations, listUsers } from '$lib/server/admin/users';
import { ROLES, type Role } from '$lib/server/db/schema';
import { formError } from '$lib/server/forms/validate';
import { sendMail } from '$lib/server/mail/outbox';
import { invitationMail } from '$lib/server/people/invitation-mail';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = ((event) => {
	const admin = requireRole(event, 'admin');
	const params = event.url.searchParams;
	const roleParam = params.get('role') ?? '';
	const filter = {
		q: (params.get('q') ?? '').slice(0, 200),
		role: (ROLES as readonly string[]).includes(roleParam) ? (roleParam as Role) : ('' as const),
		organisation: (params.get('organisation') ?? '').slice(0, 200),
		groupId: (params.get('group') ?? '').slice(0, 64),
		page: Number(params.get('page') ?? '1')
	};
	const result = listUsers(filter);
	return {
		filter: { ...filter, page: result.page },
		...result,
		invitations: listPendingInvitations(filter),
		organisations: listOrganisations(),
		groups: listGroups(admin).map((g) => ({ id: g.id, name: g.name }))
	};
}) satisfies PageServerLoad;

/** The invitation id of a form, or '' (then nothing matches). */
async function invitationId(event: RequestEvent) {
	const form = await event.request.formData();
	const id = form.get('invitation');
	return { id: typeof id === 'string' ? id.slice(0, 64) : '', confirmed: form.get('confirm') === 'yes' };
}

const gone = () => fail(400, { invitationErrors: formError(m.admin_invitation_gone()) });

export const actions = {
	resendInvitation: async (event) => {
		const admin = requireRole(event, 'admin');
		const { id } = await invitationId(event);
		const result = resendInvitation(admin.id, id);
		if (!result) return gone();
		const { invitation, token } = result;
		await sendMail(
			invitationMail({
				to: invitation.email,
				role: invitation.role,
				link: `${event.url.origin}/invitation/${token}`,
				groupId: invitation.groupId,
				invitedBy: admin.id
			})
		);
		return { invitationDone: m.admin_invitation_resent({ email: invitation.email }) };
	},
	extendInvitation: async (event) => {
		const admin = requireRole(event, 'admin');
		const { id } = await invitationId(event);
		if (!extendInvitation(admin.id, id)) return gone();
		return { invitationDone: m.admin_invitation_extended() };
	},
	cancelInvitation: async (event) => {
		const admin = requireRole(event, 'admin');
		const { id, confirmed } = await invitationId(event);
		if (!confirmed) return fail(400, { invitationErrors: formError(m.confirm_required()) });
		if (!cancelInvitation(admin.id, id)) return gone();
		return { invitationDone: m.admin_invitation_cancelled() };
	}
} satisfies Actions;
