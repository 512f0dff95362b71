import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { buildCatalogue } from './src/lib/server/content/catalogue';
import { readContentFiles } from './src/lib/server/content/files-from-disk';
import { buildPracticeCatalogue, lessonRefsOf } from './src/lib/server/practices/catalogue';
import { readPracticeFiles } from './src/lib/server/practices/files-from-disk';
import { buildSurveys, checkCourseEvaluations, courseIndexOf } from './src/lib/server/surveys/catalogue';
import { readSurveyFiles } from './src/lib/server/surveys/files-from-disk';

/** Fails the build (and the dev server start) with the file and field of every content problem. */
function validateLessons(): Plugin {
	return {
		name: 'akademia-validate-lessons',
		buildStart() {
			const { courses } = buildCatalogue(readContentFiles(fileURLToPath(new URL('./lessons', import.meta.url))));
			// Good-practice cases, whose `lessons:` must name lessons that exist.
			buildPracticeCatalogue(
				readPracticeFiles(fileURLToPath(new URL('./practices', import.meta.url))),
				lessonRefsOf(courses)
			);
			const surveys = buildSurveys(
				readSurveyFiles(fileURLToPath(new URL('./surveys', import.meta.url))),
				courseIndexOf(courses)
			);
			checkCourseEvaluations(courses, surveys);
		}
	};
}

export default defineConfig({
	plugins: [
		validateLessons(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale'],
			cookieName: 'akademia_lang'
		}),
		sveltekit()
	],
	server: { fs: { allow: ['lessons', 'practices', 'surveys'] } },
	// Bundled into the server build instead of loaded from node_modules at start: Node's module loader parses
	// drizzle-orm's 175 kB package.json (its exports map) again for each of the package's files it loads, about
	// 160 MB of garbage at start that grew the server's heap to ~190 MB and kept its resident memory at ~270 MB
	// from then on (docs/PERFORMANCE.md, "Changes in performance round two").
	ssr: { noExternal: ['drizzle-orm'] },
	test: {
		include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		setupFiles: ['tests/unit/setup.ts'],
		testTimeout: 20000
	}
});
