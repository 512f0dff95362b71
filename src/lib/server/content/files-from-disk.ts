// Reads lessons/ from disk into the shape buildCatalogue() takes; used at build time and by tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentFiles } from './catalogue';

/** Keys look like "/lessons/<course>/...", whatever folder the lessons are read from. */
export function readContentFiles(lessonsDir: string): ContentFiles {
	const files: ContentFiles = {};
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith('.md') || name.endsWith('.yaml'))
				files['/lessons/' + relative(lessonsDir, full).split('\\').join('/')] = readFileSync(full, 'utf8');
		}
	};
	walk(lessonsDir);
	return files;
}
