// Validates everything under lessons/ and prints each problem with its file and field: `npm run content:check`.
import { fileURLToPath } from 'node:url';
import { buildCatalogue, ContentError } from '../src/lib/server/content/catalogue';
import { readContentFiles } from '../src/lib/server/content/files-from-disk';
import {
	buildSurveys,
	checkCourseEvaluations,
	courseIndexOf,
	SurveyContentError
} from '../src/lib/server/surveys/catalogue';
import { readSurveyFiles } from '../src/lib/server/surveys/files-from-disk';

try {
	const { courses } = buildCatalogue(readContentFiles(fileURLToPath(new URL('../lessons', import.meta.url))));
	for (const course of courses) {
		const questions = course.quizzes.reduce((n, q) => n + q.questions.length, 0);
		console.log(
			`${course.slug}: ${course.modules.length} modules, ${course.lessons.length} lessons, ${questions} questions`
		);
	}
	const surveys = buildSurveys(
		readSurveyFiles(fileURLToPath(new URL('../surveys', import.meta.url))),
		courseIndexOf(courses)
	);
	checkCourseEvaluations(courses, surveys);
	for (const survey of surveys) console.log(`surveys/${survey.slug}.yaml: ${survey.questions.length} questions`);
} catch (e) {
	if (!(e instanceof ContentError) && !(e instanceof SurveyContentError)) throw e;
	console.error(e.message);
	process.exit(1);
}
