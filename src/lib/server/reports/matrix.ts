// The progress matrix of a group: learners by modules. Two GROUP BY queries (lessons completed per module, best
// quiz result per quiz) over group_members joined to lesson_progress and quiz_attempts; the lesson -> module map
// comes from the catalogue as a VALUES table, so nothing loops over rows of progress.
import { sql } from 'drizzle-orm';
import type { Course } from '../content/catalogue';
import { getDb } from '../db';
import { comparePeople, polishNameKey } from '../db/name-order';
import { missingDueModules, type ModuleProgress } from './behind';

export interface MatrixCell extends ModuleProgress {
	moduleSlug: string;
	/** Best percent of a submitted attempt of the module's quiz, or null. */
	bestPercent: number | null;
	attempts: number;
}

export interface MatrixRow {
	userId: string;
	name: string;
	email: string | null;
	organisation: string;
	cells: MatrixCell[];
	lessonsDone: number;
	/** Due modules of the next session not yet finished (empty: on track). */
	missing: string[];
}

export const SORT_KEYS = ['name', 'organisation', 'progress', 'behind'] as const;
export type SortKey = (typeof SORT_KEYS)[number] | `module:${string}`;

export function progressMatrix(groupId: string, course: Course, dueModules: string[] = []): MatrixRow[] {
	const db = getDb();
	const members = db.all<{ userId: string; name: string; email: string | null; organisation: string }>(sql`
		SELECT u.id AS userId, u.name, u.email, u.organisation
		FROM group_members gm JOIN users u ON u.id = gm.user_id
		WHERE gm.group_id = ${groupId}`);
	if (members.length === 0) return [];

	const lessonMap = course.lessons.map((l) => sql`(${l.slug}, ${l.moduleSlug})`);
	const lessonCounts =
		lessonMap.length === 0
			? []
			: db.all<{ userId: string; moduleSlug: string; done: number }>(sql`
		WITH lm(lesson_slug, module_slug) AS (VALUES ${sql.join(lessonMap, sql`, `)})
		SELECT gm.user_id AS userId, lm.module_slug AS moduleSlug, count(*) AS done
		FROM group_members gm
		JOIN lesson_progress lp ON lp.user_id = gm.user_id AND lp.course_slug = ${course.slug}
			AND lp.completed_at IS NOT NULL
		JOIN lm ON lm.lesson_slug = lp.lesson_slug
		WHERE gm.group_id = ${groupId}
		GROUP BY gm.user_id, lm.module_slug`);

	const quizResults = db.all<{ userId: string; quizSlug: string; best: number | null; passed: number; n: number }>(sql`
		SELECT gm.user_id AS userId, qa.quiz_slug AS quizSlug, max(qa.percent) AS best,
			max(coalesce(qa.passed, 0)) AS passed, count(*) AS n
		FROM group_members gm
		JOIN quiz_attempts qa ON qa.user_id = gm.user_id AND qa.course_slug = ${course.slug}
			AND qa.submitted_at IS NOT NULL
		WHERE gm.group_id = ${groupId}
		GROUP BY gm.user_id, qa.quiz_slug`);

	const done = new Map(lessonCounts.map((r) => [`${r.userId}|${r.moduleSlug}`, r.done]));
	const quiz = new Map(quizResults.map((r) => [`${r.userId}|${r.quizSlug}`, r]));

	return members.map((member) => {
		const cells = course.modules.map((module): MatrixCell => {
			const q = module.quiz ? quiz.get(`${member.userId}|${module.quiz.slug}`) : undefined;
			return {
				moduleSlug: module.slug,
				lessonsDone: done.get(`${member.userId}|${module.slug}`) ?? 0,
				lessonsTotal: module.lessons.length,
				hasQuiz: !!module.quiz,
				passed: !!q?.passed,
				bestPercent: q?.best ?? null,
				attempts: q?.n ?? 0
			};
		});
		const byModule = Object.fromEntries(cells.map((c) => [c.moduleSlug, c]));
		return {
			...member,
			cells,
			lessonsDone: cells.reduce((a, c) => a + c.lessonsDone, 0),
			missing: missingDueModules(dueModules, byModule)
		};
	});
}

export function parseSort(value: string | null, course: Course): SortKey {
	if (value && (SORT_KEYS as readonly string[]).includes(value)) return value as SortKey;
	if (value?.startsWith('module:') && course.modules.some((m) => `module:${m.slug}` === value)) return value as SortKey;
	return 'name';
}

const collator = new Intl.Collator('pl', { sensitivity: 'base' });

/** Sorts on the server (the page works without JavaScript); ties are broken by name. */
export function sortMatrix(rows: MatrixRow[], key: SortKey, descending: boolean): MatrixRow[] {
	const value = (r: MatrixRow): number | string => {
		if (key === 'name') return polishNameKey(r.name);
		if (key === 'organisation') return r.organisation;
		if (key === 'progress') return r.lessonsDone;
		if (key === 'behind') return r.missing.length;
		const cell = r.cells.find((c) => `module:${c.moduleSlug}` === key);
		return cell ? (cell.bestPercent ?? -1) * 1000 + cell.lessonsDone : -1;
	};
	const sign = descending ? -1 : 1;
	return [...rows].sort((a, b) => {
		const va = value(a);
		const vb = value(b);
		const primary =
			key === 'name'
				? comparePeople(a.name, b.name)
				: typeof va === 'string'
					? collator.compare(va, vb as string)
					: va - (vb as number);
		return primary !== 0 ? sign * primary : comparePeople(a.name, b.name);
	});
}
