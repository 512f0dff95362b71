// Turns the case files under practices/ into validated cases. Pure: the caller gives the files and the lessons
// that exist, so the build (vite.config.ts), `npm run content:check`, the tests and the server share it.
import type { z } from 'zod';
import { splitFrontmatter } from '../content/catalogue';
import { parseSections } from './body';
import {
	practiceFrontmatterSchema,
	practiceSlugSchema,
	type CooperationForm,
	type OfficeType,
	type Region,
	type Sections
} from './schema';

/** Files keyed by their path from the project root, e.g. "/practices/lodz-chengdu.md". */
export type PracticeFiles = Record<string, string>;

export interface PracticeSource {
	title: string;
	publisher: string;
	date?: string;
	url: string;
}

/** One case, whichever source it comes from (a file in git or a published submission). */
export interface PracticeCase {
	slug: string;
	origin: 'file' | 'submission';
	title: string;
	summary: string;
	offices: { name: string; type: OfficeType }[];
	partner: { name: string; country: string; region: Region };
	forms: CooperationForm[];
	yearFrom?: number;
	yearTo?: number;
	funding?: string;
	/** "<course>/<lesson>" references. */
	lessons: string[];
	/** ISO date, YYYY-MM-DD. */
	lastVerified: string;
	sources: PracticeSource[];
	/** Only when the office agreed to be contacted. */
	contact?: string;
	sections: Sections;
	/** The file (file cases) or the submission id (published submissions). */
	ref: string;
}

export class PracticeContentError extends Error {
	constructor(public problems: string[]) {
		super(`Invalid good-practice cases:\n- ${problems.join('\n- ')}`);
	}
}

function formatIssues(path: string, error: z.ZodError): string[] {
	return error.issues.map(
		(issue) => `${path}: ${issue.path.map(String).join('.') || '(frontmatter)'}: ${issue.message}`
	);
}

/** Validates a case's frontmatter and body; problems are prefixed with `where` (a path or "submission"). */
export function parseCase(
	where: string,
	slug: string,
	data: unknown,
	body: string,
	lessonRefs: Set<string>,
	origin: PracticeCase['origin'] = 'file'
): { case?: PracticeCase; problems: string[] } {
	const problems: string[] = [];
	const slugCheck = practiceSlugSchema.safeParse(slug);
	if (!slugCheck.success) problems.push(`${where}: file name: "${slug}" ${slugCheck.error.issues[0].message}`);
	const parsed = practiceFrontmatterSchema.safeParse(data ?? {});
	if (!parsed.success) problems.push(...formatIssues(where, parsed.error));
	const { sections, problems: bodyProblems } = parseSections(body);
	problems.push(...bodyProblems.map((p) => `${where}: ${p}`));
	// Checked on the raw list, so a broken reference shows even when another field is wrong too.
	const refs = (data as { lessons?: unknown } | undefined)?.lessons;
	if (Array.isArray(refs))
		refs.forEach((ref, i) => {
			if (typeof ref === 'string' && !lessonRefs.has(ref))
				problems.push(`${where}: lessons.${i}: no lesson "${ref}" in the lesson catalogue`);
		});
	if (problems.length || !parsed.success || !sections) return { problems };
	const d = parsed.data;
	return {
		problems,
		case: {
			slug,
			origin,
			title: d.title,
			summary: d.summary,
			offices: d.offices,
			partner: d.partner,
			forms: [...new Set(d.forms)],
			yearFrom: d.year_from,
			yearTo: d.year_to,
			funding: d.funding,
			lessons: d.lessons,
			lastVerified: d.last_verified,
			sources: d.sources,
			contact: d.contact?.consent ? d.contact.text : undefined,
			sections,
			ref: where
		}
	};
}

/** Every case file, validated; throws a PracticeContentError naming each file and field at fault. */
export function buildPracticeCatalogue(files: PracticeFiles, lessonRefs: Set<string>): PracticeCase[] {
	const problems: string[] = [];
	const cases: PracticeCase[] = [];
	for (const path of Object.keys(files).sort()) {
		const name = path.replace(/^\/?practices\//, '');
		if (name.includes('/')) {
			problems.push(`${path}: cases live directly in practices/ (no subfolders)`);
			continue;
		}
		// A README.md beside the cases is for the people who write them, not a case.
		if (!name.endsWith('.md') || name === 'README.md') continue;
		let front: { data: unknown; body: string };
		try {
			front = splitFrontmatter(files[path]);
		} catch (e) {
			problems.push(`${path}: frontmatter YAML does not parse: ${(e as Error).message.split('\n')[0]}`);
			continue;
		}
		if (front.data === undefined) {
			problems.push(`${path}: (file): missing frontmatter between --- lines`);
			continue;
		}
		const result = parseCase(path, name.slice(0, -3), front.data, front.body, lessonRefs);
		problems.push(...result.problems);
		if (result.case) cases.push(result.case);
	}
	if (problems.length) throw new PracticeContentError(problems);
	return cases;
}

/** "<course>/<lesson>" of every lesson in the lesson catalogue. */
export function lessonRefsOf(courses: { slug: string; lessons: { slug: string }[] }[]): Set<string> {
	return new Set(courses.flatMap((c) => c.lessons.map((l) => `${c.slug}/${l.slug}`)));
}
