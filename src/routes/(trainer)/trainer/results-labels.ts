// Translated column names of the results exports (shared by the group and the quiz export).
import { m } from '$lib/paraglide/messages';
import type { Course } from '$lib/server/content';
import type { ResultsCsvLabels } from '$lib/server/reports/results-csv';

export function resultsLabels(course: Course): ResultsCsvLabels {
	return {
		header: [
			m.trainer_csv_name(),
			m.trainer_csv_email(),
			m.trainer_csv_organisation(),
			m.trainer_csv_quiz(),
			m.trainer_csv_attempt(),
			m.trainer_csv_submitted(),
			m.trainer_csv_score(),
			m.trainer_csv_max(),
			m.trainer_csv_percent(),
			m.trainer_csv_passed()
		],
		yes: m.trainer_csv_yes(),
		no: m.trainer_csv_no(),
		quizTitle: (slug) => course.quizzes.find((q) => q.slug === slug)?.title ?? slug
	};
}
