// The catalogue the server uses: lessons/ bundled at build time and validated once, on first use.
import type { Component } from 'svelte';
import { buildCatalogue, type Catalogue, type Course, type Lesson, type Quiz } from './catalogue';

export type { Catalogue, Course, Module, Lesson, Quiz } from './catalogue';

const rawFiles = import.meta.glob(['/lessons/**/*.md', '/lessons/**/*.yaml'], {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

const compiled = import.meta.glob(['/lessons/**/*.md']) as Record<string, () => Promise<{ default: Component }>>;

let catalogue: Catalogue | undefined;

export function getCatalogue(): Catalogue {
	catalogue ??= buildCatalogue(rawFiles);
	return catalogue;
}

export function getCourse(slug: string): Course | undefined {
	return getCatalogue().courses.find((c) => c.slug === slug);
}

export function getLesson(course: Course, slug: string): Lesson | undefined {
	return course.lessons.find((l) => l.slug === slug);
}

export function getQuiz(course: Course, slug: string): Quiz | undefined {
	return course.quizzes.find((q) => q.slug === slug);
}

/** The raw text of a content file (the glossary reads <Term> uses from it). */
export function getContentSource(path: string): string | undefined {
	return rawFiles[path];
}

/** The compiled mdsvex component of a lesson, module.md or course.md (its body). */
export async function loadContentComponent(path: string): Promise<Component> {
	const load = compiled[path];
	if (!load) throw new Error(`No compiled content at ${path}`);
	return (await load()).default;
}
