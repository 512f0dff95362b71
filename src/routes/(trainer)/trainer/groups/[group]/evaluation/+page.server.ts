import { requireGroupAccess } from '$lib/server/groups/access';
import { groupEvaluation } from '$lib/server/surveys/evaluation';
import { resultLabels } from '$lib/server/surveys/messages';
import type { PageServerLoad } from './$types';

// The group's trainers (and admins): the evaluation survey's results for this group, from 5 responses up.
export const load = ((event) => {
	const { group, course } = requireGroupAccess(event);
	return {
		group: { id: group.id, name: group.name },
		evaluation: groupEvaluation(group, course?.evaluation, resultLabels())
	};
}) satisfies PageServerLoad;
