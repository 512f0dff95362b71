import { error } from '@sveltejs/kit';
import { getQuiz } from '$lib/server/content';
import { requireGroupApiAccess } from '$lib/server/groups/access';
import { csvResponse } from '$lib/server/csv';
import { groupResults } from '$lib/server/reports/results';
import { resultsCsv } from '$lib/server/reports/results-csv';
import { resultsLabels } from '../../../../../results-labels';
import type { RequestHandler } from './$types';

/** Every submitted attempt of one quiz by the group's learners (all versions, numbered per learner). */
export const GET = ((event) => {
	const { group, course } = requireGroupApiAccess(event);
	const quiz = course ? getQuiz(course, event.params.quiz) : undefined;
	if (!course || !quiz) error(404, { message: 'not found' });
	const rows = groupResults(group.id, course.slug, quiz.slug);
	return csvResponse(resultsCsv(rows, resultsLabels(course)), `wyniki-${quiz.slug}-${group.name}.csv`);
}) satisfies RequestHandler;
