// Validates everything under lessons/ and prints each problem with its file and field: `npm run content:check`.
import { fileURLToPath } from 'node:url';
import { buildCatalogue, ContentError } from '../src/lib/server/content/catalogue';
import { readContentFiles } from '../src/lib/server/content/files-from-disk';

try {
	const { courses } = buildCatalogue(readContentFiles(fileURLToPath(new URL('../lessons', import.meta.url))));
	for (const course of courses) {
		const questions = course.quizzes.reduce((n, q) => n + q.questions.length, 0);
		console.log(
			`${course.slug}: ${course.modules.length} modules, ${course.lessons.length} lessons, ${questions} questions`
		);
	}
} catch (e) {
	if (!(e instanceof ContentError)) throw e;
	console.error(e.message);
	process.exit(1);
}
