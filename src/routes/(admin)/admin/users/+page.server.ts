import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { bulkAddToGroup, bulkDisable } from '$lib/server/people/bulk';
import { getGroup, listGroups } from '$lib/server/groups/groups';
import {
	cancelInvitation,
	extendInvitation,
	listPendingInvitations,
	resendInvitation
} from '$lib/server/people/invitations';
import { listOrganisations, listUsers } from '$lib/server/people/users';
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

/** The ticked checkboxes of a bulk form. */
function ticked(form: FormData, name: string): string[] {
	return form
		.getAll(name)
		.filter((v): v is string => typeof v === 'string')
		.map((v) => v.slice(0, 64));
}

export const actions = {
	bulkUsers: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = await event.request.formData();
		const ids = ticked(form, 'user');
		const refuse = (message: string) => fail(400, { bulkErrors: formError(message) });
		if (ids.length === 0) return refuse(m.admin_bulk_none());
		const action = form.get('bulk');
		if (action === 'group') {
			const group = getGroup(String(form.get('group') ?? '').slice(0, 64));
			if (!group || group.archivedAt) return refuse(m.admin_invite_group_unknown());
			const result = bulkAddToGroup(admin.id, group, ids);
			if (!result.ok) return refuse(m.admin_groups_members_unknown({ list: result.unknown.join(', ') }));
			return {
				bulkDone: m.admin_groups_members_added({ added: result.added.length, already: result.already.length })
			};
		}
		if (action === 'disable') {
			if (form.get('confirm') !== 'yes') return refuse(m.admin_bulk_disable_confirm_needed());
			const { disabled, skipped } = bulkDisable(admin.id, ids);
			return { bulkDone: m.admin_bulk_disabled({ disabled, skipped }) };
		}
		return refuse(m.admin_bulk_choose());
	},
	resendInvitations: async (event) => {
		const admin = requireRole(event, 'admin');
		const ids = ticked(await event.request.formData(), 'invitation');
		if (ids.length === 0) return fail(400, { invitationErrors: formError(m.admin_bulk_none()) });
		let sent = 0;
		for (const id of ids.slice(0, 500)) {
			const result = resendInvitation(admin.id, id);
			if (!result) continue;
			await sendMail(
				invitationMail({
					to: result.invitation.email,
					role: result.invitation.role,
					link: `${event.url.origin}/invitation/${result.token}`,
					groupId: result.invitation.groupId,
					invitedBy: admin.id
				})
			);
			sent++;
		}
		// None of the ticked invitations is still open (a stale page or made-up ids): say so, as for one.
		if (sent === 0) return fail(400, { invitationErrors: formError(m.admin_invitation_gone()) });
		return { invitationDone: m.admin_bulk_resent({ count: sent }) };
	},
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
