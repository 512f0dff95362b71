import { requireRole } from '$lib/server/auth/guards';
import { listGroups } from '$lib/server/admin/groups';
import { listPendingInvitations } from '$lib/server/admin/invitations';
import { listOrganisations, listUsers } from '$lib/server/admin/users';
import { ROLES, type Role } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

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
