// Turns surveys/*.yaml into validated surveys. Pure: the caller supplies the files (from disk at build time and in
// tests, bundled with import.meta.glob in the server), like the lesson catalogue.
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { surveyFileSchema, checkSurveyFile, type SurveyFile, type SurveyQuestion } from './schema';

/** Files keyed by their path from the project root, e.g. "/surveys/diagnoza.yaml". */
export type SurveyFiles = Record<string, string>;

export interface Survey extends SurveyFile {
	slug: string;
	path: string;
	/** Changes whenever the file changes. */
	version: string;
	/** Every question in order, across sections. */
	questions: SurveyQuestion[];
}

export class SurveyContentError extends Error {
	constructor(public problems: string[]) {
		super(`Invalid survey content:\n- ${problems.join('\n- ')}`);
	}
}

export interface CourseIndex {
	courses: Set<string>;
	modules: Map<string, Set<string>>;
}

/** Course and module slugs of the lesson catalogue, for checking the links of recommendation rules. */
export function courseIndexOf(courses: { slug: string; modules: { slug: string }[] }[]): CourseIndex {
	return {
		courses: new Set(courses.map((c) => c.slug)),
		modules: new Map(courses.map((c) => [c.slug, new Set(c.modules.map((m) => m.slug))]))
	};
}

/** Validates every survey file and returns them sorted by slug, or throws listing every problem found. */
export function buildSurveys(files: SurveyFiles, courses?: CourseIndex): Survey[] {
	const problems: string[] = [];
	const surveys: Survey[] = [];
	for (const path of Object.keys(files).sort()) {
		const match = path.match(/\/surveys\/([^/]+)\.yaml$/);
		if (!match) {
			problems.push(`${path}: a survey is one file surveys/<slug>.yaml`);
			continue;
		}
		const slug = match[1];
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
			problems.push(`${path}: file name must be a lowercase slug`);
			continue;
		}
		let data: unknown;
		try {
			data = parseYaml(files[path]);
		} catch (e) {
			problems.push(`${path}: YAML does not parse: ${(e as Error).message.split('\n')[0]}`);
			continue;
		}
		const parsed = surveyFileSchema.safeParse(data);
		if (!parsed.success) {
			for (const issue of parsed.error.issues)
				problems.push(`${path}: ${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`);
			continue;
		}
		const cross = checkSurveyFile(parsed.data, courses?.courses, courses?.modules);
		if (cross.length > 0) {
			problems.push(...cross.map((p) => `${path}: ${p}`));
			continue;
		}
		surveys.push({
			...parsed.data,
			slug,
			path,
			version: createHash('sha256').update(files[path]).digest('hex').slice(0, 12),
			questions: parsed.data.sections.flatMap((s) => s.questions)
		});
	}
	if (problems.length > 0) throw new SurveyContentError(problems);
	return surveys;
}

/** Every course's `evaluation` must name an evaluation survey; returns the problems. */
export function checkCourseEvaluations(
	courses: { slug: string; path: string; evaluation?: string }[],
	surveys: Survey[]
) {
	const problems: string[] = [];
	for (const c of courses) {
		if (!c.evaluation) continue;
		const s = surveys.find((x) => x.slug === c.evaluation);
		if (!s) problems.push(`${c.path}: evaluation: no survey surveys/${c.evaluation}.yaml`);
		else if (s.kind !== 'evaluation')
			problems.push(`${c.path}: evaluation: "${c.evaluation}" is not an evaluation survey`);
	}
	if (problems.length > 0) throw new SurveyContentError(problems);
}
