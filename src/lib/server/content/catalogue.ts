// Turns the raw files under lessons/ into a validated catalogue. Pure: the caller supplies the files, so the
// same code runs at build time (from disk), in tests (fixtures) and in the server (bundled with import.meta.glob).
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { LESSON_COMPONENTS } from '../../lesson/preprocess.js';
import { bindSingleLetterWords } from '../../typography.js';
import {
	courseFrontmatterSchema,
	lessonFrontmatterSchema,
	moduleFrontmatterSchema,
	quizSchema,
	type CourseFrontmatter,
	type Question,
	type QuizFile
} from './schema';

/** Files keyed by their path from the project root, e.g. "/lessons/kurs/01-modul/01-lekcja.md". */
export type ContentFiles = Record<string, string>;

export interface Quiz extends Omit<QuizFile, 'questions'> {
	/** Module slug, or "final" for a course's final test. */
	slug: string;
	courseSlug: string;
	title: string;
	/** Changes whenever the quiz file changes, so statistics never mix two versions of a question. */
	version: string;
	questions: Question[];
	path: string;
}

export interface Lesson {
	slug: string;
	courseSlug: string;
	moduleSlug: string;
	title: string;
	minutes: number;
	objectives: string[];
	/** Position in the whole course, from 0. */
	index: number;
	path: string;
}

export interface Module {
	slug: string;
	courseSlug: string;
	title: string;
	objectives: string[];
	lessons: Lesson[];
	quiz?: Quiz;
	index: number;
	path: string;
}

export interface Course extends Omit<CourseFrontmatter, 'title_en' | 'summary_en'> {
	slug: string;
	titleEn: string;
	summaryEn: string;
	modules: Module[];
	lessons: Lesson[];
	finalQuiz?: Quiz;
	/** All quizzes, module quizzes first, in course order. */
	quizzes: Quiz[];
	path: string;
}

export interface Catalogue {
	courses: Course[];
}

export class ContentError extends Error {
	constructor(public problems: string[]) {
		super(`Invalid lesson content:\n- ${problems.join('\n- ')}`);
	}
}

const NUMBERED = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const RESERVED_LESSON_SLUGS = new Set(['quiz', 'glossary']);

export function splitFrontmatter(raw: string): { data: unknown; body: string } {
	const match = raw.replace(/^\uFEFF/, '').match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
	if (!match) return { data: undefined, body: raw };
	return { data: parseYaml(match[1]), body: match[2] };
}

function formatIssues(path: string, error: z.ZodError, describe?: (issuePath: PropertyKey[]) => string) {
	return error.issues.map((issue) => {
		const field = issue.path.map(String).join('.') || '(file)';
		const extra = describe ? describe(issue.path) : '';
		return `${path}: ${field}${extra}: ${issue.message}`;
	});
}

function parseYamlSafely(path: string, raw: string, problems: string[]): unknown {
	try {
		return parseYaml(raw);
	} catch (e) {
		problems.push(`${path}: YAML does not parse: ${(e as Error).message.split('\n')[0]}`);
		return undefined;
	}
}

function readFrontmatter(path: string, raw: string, problems: string[]): { data: unknown; body: string } | null {
	try {
		const result = splitFrontmatter(raw);
		if (result.data === undefined) {
			problems.push(`${path}: (file): missing frontmatter between --- lines`);
			return null;
		}
		return result;
	} catch (e) {
		problems.push(`${path}: frontmatter YAML does not parse: ${(e as Error).message.split('\n')[0]}`);
		return null;
	}
}

/** Problems in a lesson body that mdsvex would not catch or would report without the file's context. */
function checkLessonBody(path: string, body: string, problems: string[]) {
	const withoutCode = body.replace(/```[\s\S]*?```/g, '');
	for (const [, name] of withoutCode.matchAll(/<([A-Z][A-Za-z0-9]*)/g)) {
		if (!LESSON_COMPONENTS.includes(name)) problems.push(`${path}: body: unknown component <${name}>`);
	}
	for (const figure of withoutCode.matchAll(/<Figure\b[^>]*>/g)) {
		if (!/\balt="[^"]+"/.test(figure[0])) problems.push(`${path}: body: <Figure> without alt text`);
		// Pictures ship with the app under static/lesson-media/ (nothing loads from another host).
		const src = /\bsrc="([^"]*)"/.exec(figure[0])?.[1];
		if (!src?.startsWith('/lesson-media/'))
			problems.push(`${path}: body: <Figure src="${src ?? ''}"> must point into /lesson-media/`);
	}
	// An unknown type would quietly render as a tip.
	for (const [, type] of withoutCode.matchAll(/<Callout\b[^>]*\btype="([^"]*)"/g)) {
		if (!['tip', 'warning', 'law'].includes(type))
			problems.push(`${path}: body: <Callout type="${type}"> is not one of tip, warning, law`);
	}
	if (/^#\s/m.test(withoutCode)) problems.push(`${path}: body: use ## and ### headings; # is the lesson title`);
}

function quizFrom(
	path: string,
	raw: string,
	courseSlug: string,
	slug: string,
	fallbackTitle: string,
	problems: string[]
) {
	const data = parseYamlSafely(path, raw, problems);
	if (data === undefined) return undefined;
	const parsed = quizSchema.safeParse(data);
	if (!parsed.success) {
		const questions = (data as { questions?: { id?: string }[] })?.questions;
		problems.push(
			...formatIssues(path, parsed.error, (p) =>
				p[0] === 'questions' && typeof p[1] === 'number' && questions?.[p[1]]?.id
					? ` (question ${questions[p[1]].id})`
					: ''
			)
		);
		return undefined;
	}
	const quiz: Quiz = {
		...parsed.data,
		questions: parsed.data.questions.map(typesetQuestion),
		slug,
		courseSlug,
		title: bindSingleLetterWords(parsed.data.title ?? fallbackTitle),
		version: createHash('sha256').update(raw).digest('hex').slice(0, 12),
		path
	};
	if (quiz.draw > quiz.questions.length)
		problems.push(`${path}: draw: ${quiz.draw} is more than the ${quiz.questions.length} questions in the pool`);
	return quiz;
}

/** Keys of a question (and its options, items, pairs) that hold text a learner reads; ids, lesson slugs stay. */
const QUESTION_TEXT_KEYS = new Set(['prompt', 'explanation', 'text', 'feedback', 'feedback_wrong', 'left', 'right']);

/**
 * The same Polish typography as the lessons for a question's texts (what the server sends and the page shows).
 * Grading and stored answers use ids only. The E2E helpers use it too, to look for texts as the page shows them.
 */
export function typesetQuestion<T>(value: T): T {
	if (Array.isArray(value)) return value.map(typesetQuestion) as T;
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, v]) => [
			key,
			typeof v === 'string' && QUESTION_TEXT_KEYS.has(key) ? bindSingleLetterWords(v) : typesetQuestion(v)
		])
	) as T;
}

/** Validates every file and returns the catalogue, or throws a ContentError listing every problem found. */
export function buildCatalogue(files: ContentFiles): Catalogue {
	const problems: string[] = [];
	const courses: Course[] = [];
	for (const [courseSlug, paths] of pathsByCourse(files)) {
		const course = buildCourse(files, courseSlug, paths, problems);
		if (course) courses.push(course);
	}
	checkInternalLinks(files, courses, problems);
	if (problems.length > 0) throw new ContentError(problems);
	return { courses };
}

/** The files of each course folder, in path order. */
function pathsByCourse(files: ContentFiles): Map<string, string[]> {
	const byCourse = new Map<string, string[]>();
	for (const path of Object.keys(files).sort()) {
		const parts = path.replace(/^\/?lessons\//, '').split('/');
		if (parts.length < 2) continue;
		if (!byCourse.has(parts[0])) byCourse.set(parts[0], []);
		byCourse.get(parts[0])!.push(path);
	}
	return byCourse;
}

/** One course folder: course.md, its module folders in order, the final quiz, then checks across the course. */
function buildCourse(files: ContentFiles, courseSlug: string, paths: string[], problems: string[]): Course | undefined {
	const coursePathPrefix = paths[0].slice(0, paths[0].indexOf(courseSlug) + courseSlug.length);
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(courseSlug)) {
		problems.push(`${coursePathPrefix}: folder name must be a lowercase slug`);
		return undefined;
	}
	const coursePath = `${coursePathPrefix}/course.md`;
	if (!(coursePath in files)) {
		problems.push(`${coursePath}: missing (every course folder needs a course.md)`);
		return undefined;
	}
	const front = readFrontmatter(coursePath, files[coursePath], problems);
	const parsedCourse = front ? courseFrontmatterSchema.safeParse(front.data) : undefined;
	if (parsedCourse && !parsedCourse.success) problems.push(...formatIssues(coursePath, parsedCourse.error));

	const modules: Module[] = [];
	/** Lesson slug -> its file, across the course (a slug is unique in its course). */
	const lessonSlugs = new Map<string, string>();
	for (const dir of moduleFolders(paths, coursePathPrefix, problems)) {
		const module = buildModule(
			files,
			paths,
			{ courseSlug, prefix: `${coursePathPrefix}/${dir}`, dir },
			modules.length,
			lessonSlugs,
			problems
		);
		if (module) modules.push(module);
	}
	checkModuleSlugs(modules, coursePathPrefix, problems);

	const finalPath = `${coursePathPrefix}/quiz.yaml`;
	const finalQuiz =
		finalPath in files
			? quizFrom(finalPath, files[finalPath], courseSlug, 'final', parsedCourse?.data?.title ?? courseSlug, problems)
			: undefined;

	if (!parsedCourse?.success) return undefined;
	const lessons = modules.flatMap((m) => m.lessons);
	lessons.forEach((lesson, index) => (lesson.index = index));
	const quizzes = [...modules.flatMap((m) => (m.quiz ? [m.quiz] : [])), ...(finalQuiz ? [finalQuiz] : [])];
	checkQuestions(quizzes, lessonSlugs, problems);

	const { title_en, summary_en, ...courseData } = parsedCourse.data;
	return {
		...courseData,
		slug: courseSlug,
		titleEn: title_en ?? courseData.title,
		summaryEn: summary_en ?? courseData.summary,
		modules,
		lessons,
		finalQuiz,
		quizzes,
		path: coursePath
	};
}

/** The module folders of a course, sorted; a stray file or nested folder is a problem. */
function moduleFolders(paths: string[], coursePathPrefix: string, problems: string[]): string[] {
	const moduleDirs = new Set<string>();
	for (const path of paths) {
		const rest = path.slice(coursePathPrefix.length + 1).split('/');
		if (rest.length === 1) {
			if (rest[0] !== 'course.md' && rest[0] !== 'quiz.yaml')
				problems.push(`${path}: unexpected file (a course folder holds course.md, quiz.yaml and module folders)`);
			continue;
		}
		moduleDirs.add(rest[0]);
		if (rest.length > 2) problems.push(`${path}: unexpected nested folder`);
	}
	return [...moduleDirs].sort();
}

/** One module folder: module.md, its lessons in file order and its quiz; undefined if module.md is not valid. */
function buildModule(
	files: ContentFiles,
	paths: string[],
	folder: { courseSlug: string; prefix: string; dir: string },
	index: number,
	lessonSlugs: Map<string, string>,
	problems: string[]
): Module | undefined {
	const { courseSlug, prefix: modulePrefix, dir } = folder;
	const dirMatch = dir.match(NUMBERED);
	if (!dirMatch) {
		problems.push(`${modulePrefix}: module folder must be named NN-slug`);
		return undefined;
	}
	const moduleSlug = dirMatch[2];
	const modulePath = `${modulePrefix}/module.md`;
	if (!(modulePath in files)) {
		problems.push(`${modulePath}: missing (every module folder needs a module.md)`);
		return undefined;
	}
	const moduleFront = readFrontmatter(modulePath, files[modulePath], problems);
	const parsedModule = moduleFront ? moduleFrontmatterSchema.safeParse(moduleFront.data) : undefined;
	if (parsedModule && !parsedModule.success) problems.push(...formatIssues(modulePath, parsedModule.error));

	const lessons: Lesson[] = [];
	let quiz: Quiz | undefined;
	for (const path of paths.filter((p) => p.startsWith(modulePrefix + '/'))) {
		const name = path.slice(modulePrefix.length + 1);
		if (name === 'module.md') continue;
		if (name === 'quiz.yaml') {
			quiz = quizFrom(path, files[path], courseSlug, moduleSlug, parsedModule?.data?.title ?? moduleSlug, problems);
			continue;
		}
		const lesson = buildLesson(files, path, name, { courseSlug, moduleSlug }, lessonSlugs, problems);
		if (lesson) lessons.push(lesson);
	}
	if (!parsedModule?.success) return undefined;
	return {
		slug: moduleSlug,
		courseSlug,
		title: bindSingleLetterWords(parsedModule.data.title),
		objectives: parsedModule.data.objectives.map((o) => bindSingleLetterWords(o)),
		lessons,
		quiz,
		index,
		path: modulePath
	};
}

/** One lesson file (NN-slug.md): its slug (unique in the course), frontmatter and body checks. */
function buildLesson(
	files: ContentFiles,
	path: string,
	name: string,
	where: { courseSlug: string; moduleSlug: string },
	lessonSlugs: Map<string, string>,
	problems: string[]
): Lesson | undefined {
	const lessonMatch = name.match(/^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/);
	if (!lessonMatch) {
		problems.push(`${path}: lesson files are named NN-slug.md`);
		return undefined;
	}
	const lessonSlug = lessonMatch[2];
	if (RESERVED_LESSON_SLUGS.has(lessonSlug))
		problems.push(`${path}: "${lessonSlug}" is reserved and cannot be a lesson slug`);
	if (lessonSlugs.has(lessonSlug))
		problems.push(`${path}: duplicate lesson slug "${lessonSlug}" (also ${lessonSlugs.get(lessonSlug)})`);
	lessonSlugs.set(lessonSlug, path);
	const lessonFront = readFrontmatter(path, files[path], problems);
	if (!lessonFront) return undefined;
	const parsedLesson = lessonFrontmatterSchema.safeParse(lessonFront.data);
	if (!parsedLesson.success) {
		problems.push(...formatIssues(path, parsedLesson.error));
		return undefined;
	}
	checkLessonBody(path, lessonFront.body, problems);
	return {
		slug: lessonSlug,
		...where,
		title: bindSingleLetterWords(parsedLesson.data.title),
		minutes: parsedLesson.data.minutes,
		objectives: parsedLesson.data.objectives.map((o) => bindSingleLetterWords(o)),
		index: 0,
		path
	};
}

/** Module slugs are unique in a course, and "final" is the final test's. */
function checkModuleSlugs(modules: Module[], coursePathPrefix: string, problems: string[]) {
	const moduleSlugs = modules.map((m) => m.slug);
	const duplicateModule = moduleSlugs.find((s, i) => moduleSlugs.indexOf(s) !== i);
	if (duplicateModule) problems.push(`${coursePathPrefix}: duplicate module slug "${duplicateModule}"`);
	if (moduleSlugs.includes('final'))
		problems.push(`${coursePathPrefix}: "final" is reserved and cannot be a module slug`);
}

/** Question ids are unique across a course's quizzes, and a question's `lesson` names a lesson of the course. */
function checkQuestions(quizzes: Quiz[], lessonSlugs: Map<string, string>, problems: string[]) {
	const questionIds = new Map<string, string>();
	for (const quiz of quizzes) {
		for (const question of quiz.questions) {
			if (questionIds.has(question.id))
				problems.push(
					`${quiz.path}: questions (question ${question.id}): duplicate question id (also in ${questionIds.get(question.id)})`
				);
			questionIds.set(question.id, quiz.path);
			if (question.lesson && !lessonSlugs.has(question.lesson))
				problems.push(
					`${quiz.path}: questions (question ${question.id}).lesson: no lesson "${question.lesson}" in this course`
				);
		}
	}
}

/** Every /courses/... link in a lesson must point at a lesson or quiz that exists. */
function checkInternalLinks(files: ContentFiles, courses: Course[], problems: string[]) {
	const targets = new Set<string>();
	for (const course of courses) {
		targets.add(`/courses/${course.slug}`);
		for (const lesson of course.lessons) targets.add(`/courses/${course.slug}/${lesson.slug}`);
		for (const quiz of course.quizzes) targets.add(`/courses/${course.slug}/quiz/${quiz.slug}`);
	}
	for (const [path, raw] of Object.entries(files)) {
		if (!path.endsWith('.md')) continue;
		for (const [, href] of raw.matchAll(/\]\((\/courses\/[^)\s#?]*)/g)) {
			if (!targets.has(href.replace(/\/$/, ''))) problems.push(`${path}: body: broken internal link ${href}`);
		}
		for (const [, href] of raw.matchAll(/href="(\/courses\/[^"#?]*)"/g)) {
			if (!targets.has(href.replace(/\/$/, ''))) problems.push(`${path}: body: broken internal link ${href}`);
		}
	}
}
