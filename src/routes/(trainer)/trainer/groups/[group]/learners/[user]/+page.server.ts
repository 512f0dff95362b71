import { audit } from '$lib/server/audit/log';
import { requireGroupAccess, requireGroupMember } from '$lib/server/groups/access';
import { learnerAttempts } from '$lib/server/reports/learner';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const { user, group, course } = requireGroupAccess(event);
	const learner = requireGroupMember(group.id, event.params.user);
	const attempts = course ? learnerAttempts(learner.id, course) : [];
	// Reading someone's answers is personal data processing: keep a trail of who looked.
	audit({
		actorId: user.id,
		action: 'trainer.view_answers',
		subjectType: 'user',
		subjectId: learner.id,
		details: { groupId: group.id, attempts: attempts.length }
	});
	return { group: { id: group.id, name: group.name }, learner, attempts };
}) satisfies PageServerLoad;
