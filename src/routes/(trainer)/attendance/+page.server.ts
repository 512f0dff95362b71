import { requireRole } from '$lib/server/auth/guards';
import { groupSessions, listGroups } from '$lib/server/groups/groups';
import type { PageServerLoad } from './$types';
import { formatDateTimeFull } from '$lib/format';

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
				when: formatDateTimeFull(s.startsAt)
			}))
		}))
	};
}) satisfies PageServerLoad;
