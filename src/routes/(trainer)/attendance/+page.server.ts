import { requireRole } from '$lib/server/auth/guards';
import { groupSessions, listGroups } from '$lib/server/admin/groups';
import { formatWarsaw } from '$lib/server/admin/time';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

// The groups whose attendance the viewer marks: a trainer's own groups, every group for an admin.
export const load = ((event) => {
	const user = requireRole(event, 'trainer', 'admin');
	return {
		groups: listGroups(user).map((g) => ({
			id: g.id,
			name: g.name,
			sessions: groupSessions(g.id).map((s) => ({
				id: s.id,
				title: s.title,
				when: formatWarsaw(s.startsAt, getLocale())
			}))
		}))
	};
}) satisfies PageServerLoad;
