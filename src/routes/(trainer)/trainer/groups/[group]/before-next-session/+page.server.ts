import { error } from '@sveltejs/kit';
import { requireGroupAccess } from '$lib/server/groups/access';
import { nextSession } from '$lib/server/reports/groups';
import { missedMost } from '$lib/server/reports/missed';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const { group, course } = requireGroupAccess(event);
	if (!course) error(404, { message: 'not found' });
	const { questions, topics } = missedMost(group.id, course);
	return {
		group: { id: group.id, name: group.name },
		session: nextSession(group.id),
		topics,
		questions: questions.map((q) => ({
			id: q.question.id,
			prompt: q.question.prompt,
			explanation: q.question.explanation,
			quizTitle: q.quizTitle,
			lessonTitle: q.lessonTitle,
			answered: q.answered,
			wrong: q.wrong,
			mean: q.mean
		}))
	};
}) satisfies PageServerLoad;
