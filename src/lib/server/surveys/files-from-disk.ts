// Reads surveys/*.yaml from disk in the shape buildSurveys() takes; used at build time, by content:check and tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SurveyFiles } from './catalogue';

export function readSurveyFiles(dir: string): SurveyFiles {
	const files: SurveyFiles = {};
	if (!existsSync(dir)) return files;
	// Every file, so that a stray "x.yml" or a folder is reported instead of silently ignored.
	for (const name of readdirSync(dir).sort()) {
		const full = join(dir, name);
		files[`/surveys/${name}`] = statSync(full).isDirectory() ? '' : readFileSync(full, 'utf8');
	}
	return files;
}
