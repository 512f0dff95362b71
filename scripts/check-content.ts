// Validates everything under lessons/ and practices/ and prints each problem with its file and field:
// `npm run content:check`.
import { fileURLToPath } from 'node:url';
import { buildCatalogue, ContentError } from '../src/lib/server/content/catalogue';
import { readContentFiles } from '../src/lib/server/content/files-from-disk';
import { buildPracticeCatalogue, lessonRefsOf, PracticeContentError } from '../src/lib/server/practices/catalogue';
import { readPracticeFiles } from '../src/lib/server/practices/files-from-disk';
import { countedQuizPolicyProblems } from '../src/lib/server/quiz/key-policy';
import {
	buildSurveys,
	checkCourseEvaluations,
	courseIndexOf,
	SurveyContentError
} from '../src/lib/server/surveys/catalogue';
import { readSurveyFiles } from '../src/lib/server/surveys/files-from-disk';

let failed = false;
try {
	const { courses } = buildCatalogue(readContentFiles(fileURLToPath(new URL('../lessons', import.meta.url))));
	// A quiz that counts towards a certificate must make guessing costly and keep its key until a pass.
	const policy = courses.flatMap((course) =>
		course.quizzes.flatMap((quiz) => countedQuizPolicyProblems(quiz).map((p) => `${quiz.path}: ${p}`))
	);
	if (policy.length > 0) throw new ContentError(policy);
	for (const course of courses) {
		const questions = course.quizzes.reduce((n, q) => n + q.questions.length, 0);
		console.log(
			`${course.slug}: ${course.modules.length} modules, ${course.lessons.length} lessons, ${questions} questions`
		);
	}
	const cases = buildPracticeCatalogue(
		readPracticeFiles(fileURLToPath(new URL('../practices', import.meta.url))),
		lessonRefsOf(courses)
	);
	const offices = new Set(cases.flatMap((c) => c.offices.map((o) => o.name)));
	console.log(`practices: ${cases.length} cases from ${offices.size} offices`);
	const surveys = buildSurveys(
		readSurveyFiles(fileURLToPath(new URL('../surveys', import.meta.url))),
		courseIndexOf(courses)
	);
	checkCourseEvaluations(courses, surveys);
	for (const survey of surveys) console.log(`surveys/${survey.slug}.yaml: ${survey.questions.length} questions`);
} catch (e) {
	if (!(e instanceof ContentError) && !(e instanceof PracticeContentError) && !(e instanceof SurveyContentError))
		throw e;
	console.error(e.message);
	failed = true;
}
if (failed) process.exit(1);
