import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { attendanceCounts } from '$lib/server/groups/attendance';
import { requireGroupApiAccess } from '$lib/server/groups/access';
import { csvResponse, toCsv, type CsvValue } from '$lib/server/csv';
import { nextSession } from '$lib/server/reports/groups';
import { progressMatrix, sortMatrix } from '$lib/server/reports/matrix';
import type { RequestHandler } from './$types';
import { overdueMembers } from '$lib/server/groups/deadline';

/** The progress matrix as a spreadsheet: one row per learner, three columns per module. */
export const GET = ((event) => {
	const { group, course } = requireGroupApiAccess(event);
	if (!course) error(404, { message: 'not found' });
	const session = nextSession(group.id);
	const overdue = overdueMembers(group.id);
	const rows = sortMatrix(progressMatrix(group.id, course, session?.dueModules ?? []), 'name', false);
	const moduleName = (slug: string) => {
		const module = course.modules.find((mod) => mod.slug === slug);
		return module ? `${module.index + 1}. ${module.title}` : slug;
	};
	const header = [
		m.trainer_csv_name(),
		m.trainer_csv_email(),
		m.trainer_csv_organisation(),
		m.trainer_csv_behind(),
		m.trainer_csv_overdue(),
		m.trainer_lessons_total(),
		...course.modules.flatMap((mod) => [
			`${moduleName(mod.slug)}: ${m.trainer_csv_lessons()}`,
			`${moduleName(mod.slug)}: ${m.trainer_csv_best()}`,
			`${moduleName(mod.slug)}: ${m.trainer_csv_passed()}`
		]),
		m.training_csv_attendance()
	];
	const attendance = attendanceCounts(group.id);
	const yesNo = (b: boolean) => (b ? m.trainer_csv_yes() : m.trainer_csv_no());
	const data = rows.map((r): CsvValue[] => [
		r.name,
		r.email,
		r.organisation,
		r.missing.map(moduleName).join(', '),
		yesNo(overdue.has(r.userId)),
		r.lessonsDone,
		...r.cells.flatMap((c): CsvValue[] => [
			// "3 z 3", never "3/3": Excel reads that as 3 March.
			m.trainer_csv_count_of({ done: c.lessonsDone, total: c.lessonsTotal }),
			c.hasQuiz ? c.bestPercent : null,
			c.hasQuiz ? yesNo(c.passed) : null
		]),
		attendance.get(r.userId)?.held ? `${attendance.get(r.userId)!.attended}/${attendance.get(r.userId)!.held}` : null
	]);
	return csvResponse(toCsv(header, data), `postepy-${group.name}.csv`);
}) satisfies RequestHandler;
