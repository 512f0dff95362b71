// /search: every lesson a person may open and every glossary term, found regardless of Polish letters and
// case ("zrodla" finds "źródła"), with the passage that matched. An in-memory index built once per process from
// the bundled lesson sources: a few hundred kilobytes of text, searched in well under a millisecond per lesson.
import type { SessionUser } from '../auth/session';
import { getCatalogue, getContentSource } from '../content';
import type { Course } from '../content/catalogue';
import { collectGlossary, type GlossaryEntry } from '../lessons/glossary';
import { openModules } from '../lessons/access';
import { foldForSearch, searchTerms } from '../practices/search';
import { lessonPlainText } from './plain-text';

interface IndexedLesson {
	course: Course;
	slug: string;
	moduleSlug: string;
	title: string;
	text: string;
	/** The text folded letter by letter (same length as `text`), so a match maps back to the original. */
	folded: string;
	foldedTitle: string;
}

interface IndexedTerm extends GlossaryEntry {
	course: Course;
	folded: string;
}

let index: { lessons: IndexedLesson[]; terms: IndexedTerm[] } | undefined;

/** Folds one character at a time, keeping positions: "Ł" -> "l", "ź" -> "z", punctuation -> " ". */
function foldKeepingPositions(text: string): string {
	// UTF-16 units, as String.prototype.slice counts them.
	return text
		.split('')
		.map((c) => (foldForSearch(c) || ' ').slice(0, 1))
		.join('');
}

/** Whether a module of a course is open to the person, asking each course once. */
function openChecker(user: SessionUser) {
	const open = new Map<string, Set<string>>();
	return (course: Course, moduleSlug: string) => {
		let modules = open.get(course.slug);
		if (!modules) open.set(course.slug, (modules = openModules(user, course)));
		return modules.has(moduleSlug);
	};
}

function termHit(t: IndexedTerm, titleOf: (c: Course) => string, opens: ReturnType<typeof openChecker>): TermHit {
	return {
		term: t.term,
		definition: t.definition,
		courseSlug: t.course.slug,
		courseTitle: titleOf(t.course),
		lessonSlug: t.lessonSlug,
		lessonTitle: t.lessonTitle,
		lessonOpen: opens(t.course, t.course.lessons.find((l) => l.slug === t.lessonSlug)?.moduleSlug ?? '')
	};
}

function buildIndex() {
	const lessons: IndexedLesson[] = [];
	const terms: IndexedTerm[] = [];
	for (const course of getCatalogue().courses) {
		for (const lesson of course.lessons) {
			const text = lessonPlainText(getContentSource(lesson.path) ?? '');
			lessons.push({
				course,
				slug: lesson.slug,
				moduleSlug: lesson.moduleSlug,
				title: lesson.title,
				text,
				folded: foldKeepingPositions(text),
				foldedTitle: foldForSearch(lesson.title)
			});
		}
		for (const entry of collectGlossary(course, getContentSource))
			terms.push({ ...entry, course, folded: foldForSearch(`${entry.term} ${entry.definition}`) });
	}
	return { lessons, terms };
}

export interface Passage {
	before: string;
	match: string;
	after: string;
}

export interface LessonHit {
	courseSlug: string;
	courseTitle: string;
	lessonSlug: string;
	lessonTitle: string;
	passage: Passage | null;
}

export interface TermHit {
	term: string;
	definition: string;
	courseSlug: string;
	courseTitle: string;
	lessonSlug: string;
	lessonTitle: string;
	lessonOpen: boolean;
}

const CONTEXT = 90;

function passageAt(text: string, start: number, stemLength: number): Passage {
	// The terms are stems ("flag" for "flaga"): the highlight runs on to the end of the word it starts.
	const length = stemLength + (/^[\p{L}\p{N}]*/u.exec(text.slice(start + stemLength))?.[0].length ?? 0);
	const from = Math.max(0, start - CONTEXT);
	const to = Math.min(text.length, start + length + CONTEXT);
	const cut = (s: string, left: boolean) => (left ? s.replace(/^\S*\s/, '') : s.replace(/\s\S*$/, ''));
	return {
		before: (from > 0 ? '…' + cut(text.slice(from, start), true) : text.slice(from, start)).trimStart(),
		match: text.slice(start, start + length),
		after: to < text.length ? cut(text.slice(start + length, to), false) + '…' : text.slice(start + length, to)
	};
}

/** Lessons (title matches first, then by how often the words occur) and glossary terms with every word. */
export function searchContent(user: SessionUser, query: string, titleOf: (c: Course) => string) {
	const terms = searchTerms(query);
	if (terms.length === 0) return { terms, lessons: [] as LessonHit[], glossary: [] as TermHit[] };
	index ??= buildIndex();
	const opens = openChecker(user);

	const scored: { hit: LessonHit; score: number }[] = [];
	for (const lesson of index.lessons) {
		const haystack = `${lesson.foldedTitle} ${lesson.folded}`;
		if (!terms.every((t) => haystack.includes(t))) continue;
		if (!opens(lesson.course, lesson.moduleSlug)) continue;
		const inTitle = terms.filter((t) => lesson.foldedTitle.includes(t)).length;
		const occurrences = terms.reduce((n, t) => n + lesson.folded.split(t).length - 1, 0);
		const at = lesson.folded.indexOf(terms[0]);
		scored.push({
			score: inTitle * 1000 + occurrences,
			hit: {
				courseSlug: lesson.course.slug,
				courseTitle: titleOf(lesson.course),
				lessonSlug: lesson.slug,
				lessonTitle: lesson.title,
				passage: at >= 0 ? passageAt(lesson.text, at, terms[0].length) : null
			}
		});
	}
	const glossary = index.terms
		.filter((t) => terms.every((w) => t.folded.includes(w)))
		.map((t) => termHit(t, titleOf, opens));
	return { terms, lessons: scored.sort((a, b) => b.score - a.score).map((s) => s.hit), glossary };
}

/** One glossary across every course: each term once per course that defines it, in Polish alphabetical order. */
export function allGlossaryTerms(user: SessionUser, titleOf: (c: Course) => string): TermHit[] {
	index ??= buildIndex();
	const opens = openChecker(user);
	return index.terms
		.map((t) => termHit(t, titleOf, opens))
		.sort((a, b) => a.term.localeCompare(b.term, 'pl') || a.courseTitle.localeCompare(b.courseTitle, 'pl'));
}
