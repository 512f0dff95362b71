// Reads practices/*.md from disk into the shape buildPracticeCatalogue() takes (build time, content:check, tests).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PracticeFiles } from './catalogue';

export function readPracticeFiles(dir: string): PracticeFiles {
	const files: PracticeFiles = {};
	if (!existsSync(dir)) return files;
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) files[`/practices/${name}/`] = '';
		else if (name.endsWith('.md')) files[`/practices/${name}`] = readFileSync(full, 'utf8');
	}
	return files;
}
