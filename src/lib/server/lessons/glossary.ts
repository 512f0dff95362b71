// The course glossary: every <Term def="…">word</Term> that authors wrote, collected from the lesson sources.
import { bindSingleLetterWords } from '../../typography.js';
import type { Course } from '../content/catalogue';

export interface GlossaryEntry {
	term: string;
	definition: string;
	lessonSlug: string;
	lessonTitle: string;
}

const TERM = /<Term\s+def="([^"]+)"\s*>([\s\S]*?)<\/Term>/g;

/** Entries sorted alphabetically in Polish; a term defined in several lessons is listed once (first use). */
export function collectGlossary(course: Course, sourceOf: (path: string) => string | undefined): GlossaryEntry[] {
	const entries = new Map<string, GlossaryEntry>();
	for (const lesson of course.lessons) {
		const source = sourceOf(lesson.path) ?? '';
		for (const [, definition, raw] of source.matchAll(TERM)) {
			const plain = raw.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
			const key = plain.toLocaleLowerCase('pl');
			if (!plain || entries.has(key)) continue;
			// Typeset like the lesson shows the term (the sources here are raw, before the lesson preprocessors).
			entries.set(key, {
				term: bindSingleLetterWords(plain),
				definition: bindSingleLetterWords(definition.trim()),
				lessonSlug: lesson.slug,
				lessonTitle: lesson.title
			});
		}
	}
	return [...entries.values()].sort((a, b) => a.term.localeCompare(b.term, 'pl'));
}
