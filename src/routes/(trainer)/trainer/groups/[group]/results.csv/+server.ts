import { error } from '@sveltejs/kit';
import { requireGroupApiAccess } from '$lib/server/groups/access';
import { csvResponse } from '$lib/server/csv';
import { groupResults } from '$lib/server/reports/results';
import { resultsCsv } from '$lib/server/reports/results-csv';
import { resultsLabels } from '../../../results-labels';
import type { RequestHandler } from './$types';

/** Every submitted attempt of every quiz of the course by the group's learners, one row each. */
export const GET = ((event) => {
	const { group, course } = requireGroupApiAccess(event);
	if (!course) error(404, { message: 'not found' });
	const rows = groupResults(group.id, course.slug);
	return csvResponse(resultsCsv(rows, resultsLabels(course)), `wyniki-${group.name}.csv`);
}) satisfies RequestHandler;
