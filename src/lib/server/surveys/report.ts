// The report's data: submitted responses of a survey (optionally of one course context and groups), aggregated.
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { groups, liveSessions, surveyAnswers, surveyResponses } from '../db/schema';
import { surveyResults, type ResponseForReport, type SurveyResults } from './aggregate';
import type { Answers } from './answers';
import type { Survey } from './catalogue';
import { getSettings, isOpen, responseWrites, tokenCount, type Settings } from './responses';

export interface ReportFilter {
	context?: string;
	groupIds?: string[];
}

/**
 * Submitted responses with their answers, in the order they were submitted. Plain SQL rows (one per answer) folded
 * here: at 5,000 responses (80,000 answers) Drizzle's per-row mapping, a Date per row included, cost more than
 * the query.
 */
export function loadResponses(
	survey: Survey,
	filter: ReportFilter = {}
): (ResponseForReport & { submittedAt: Date })[] {
	const conditions = [
		sql`${surveyResponses.surveySlug} = ${survey.slug}`,
		sql`${surveyResponses.submittedAt} IS NOT NULL`
	];
	if (filter.context !== undefined) conditions.push(sql`${surveyResponses.context} = ${filter.context}`);
	if (filter.groupIds) {
		if (filter.groupIds.length === 0) return [];
		conditions.push(inArray(surveyResponses.groupId, filter.groupIds));
	}
	const rows = getDb().all<{
		id: string;
		demo: number;
		submittedAt: number;
		questionId: string | null;
		value: string | null;
	}>(sql`
		SELECT ${surveyResponses.id} AS id, ${surveyResponses.demo} AS demo, ${surveyResponses.submittedAt} AS submittedAt,
			${surveyAnswers.questionId} AS questionId, ${surveyAnswers.value} AS value
		FROM ${surveyResponses}
		LEFT JOIN ${surveyAnswers} ON ${surveyAnswers.responseId} = ${surveyResponses.id}
		WHERE ${sql.join(conditions, sql` AND `)}
		ORDER BY ${surveyResponses.submittedAt}, ${surveyResponses.id}`);
	const byId = new Map<string, ResponseForReport & { submittedAt: Date }>();
	for (const r of rows) {
		let entry = byId.get(r.id);
		if (!entry) {
			entry = { answers: {} as Answers, demo: !!r.demo, submittedAt: new Date(r.submittedAt) };
			byId.set(r.id, entry);
		}
		if (r.questionId !== null && r.value !== null) entry.answers[r.questionId] = JSON.parse(r.value);
	}
	return [...byId.values()];
}

interface CachedResults {
	survey: Survey;
	stamp: string;
	results: SurveyResults;
	realResponses: number;
}
/** Whole-survey results per database, survey and labels (see surveyReport). */
const resultsCache = new WeakMap<object, Map<string, CachedResults>>();

/**
 * What identifies the state of a survey's responses: this process's count of saved responses, and the rows'
 * count, submitted count and last change (a write by another process, a script, shows there). Also gives drafts.
 */
function responsesState(slug: string): { stamp: string; drafts: number } {
	const row = getDb().get<{ n: number; submitted: number | null; last: number | null }>(sql`
		SELECT count(*) AS n, sum(${surveyResponses.submittedAt} IS NOT NULL) AS submitted,
			max(${surveyResponses.updatedAt}) AS last
		FROM ${surveyResponses} WHERE ${surveyResponses.surveySlug} = ${slug}`);
	const n = row?.n ?? 0;
	const submitted = row?.submitted ?? 0;
	return { stamp: `${responseWrites()}|${n}|${submitted}|${row?.last ?? ''}`, drafts: n - submitted };
}

export interface SurveyReport {
	settings: Settings;
	open: boolean;
	results: SurveyResults;
	/** Responses started (saved at least once) but not submitted. */
	drafts: number;
	tokens: number;
	/** Submitted responses per token link sent, 0-100; null for a survey without token links. */
	rate: number | null;
	/** Recommendation text per fired rule: the admin's edit or the file's text. */
	texts: Record<string, string>;
}

/**
 * The report of the whole survey. The results are computed once per state of the responses and reused until a
 * response is saved: at 5,000 responses reading and aggregating them takes a few hundred ms (docs/PERFORMANCE.md),
 * and the report is read far more often than a response arrives. The cached results are shared: never mutate them.
 */
export function surveyReport(survey: Survey, labels: { other: string; merged: string }): SurveyReport {
	const settings = getSettings(survey);
	const { stamp, drafts } = responsesState(survey.slug);
	const db = getDb();
	let perDb = resultsCache.get(db);
	if (!perDb) resultsCache.set(db, (perDb = new Map()));
	const key = `${survey.slug}\u0000${labels.other}\u0000${labels.merged}`;
	let cached = perDb.get(key);
	if (!cached || cached.stamp !== stamp || cached.survey !== survey) {
		const responses = loadResponses(survey);
		cached = {
			survey,
			stamp,
			results: surveyResults(survey, responses, labels),
			realResponses: responses.filter((r) => !r.demo).length
		};
		perDb.set(key, cached);
	}
	const { results, realResponses } = cached;
	const tokens = tokenCount(survey.slug);
	const rate = tokens > 0 ? Math.round((realResponses / tokens) * 1000) / 10 : null;
	const texts: Record<string, string> = {};
	for (const f of results.recommendations) texts[f.rule.id] = settings.recommendationTexts?.[f.rule.id] ?? f.rule.text;
	return { settings, open: isOpen(survey, settings), results, drafts, tokens, rate, texts };
}

export interface RecommendationLink {
	href: string;
	course: string;
	module: string | null;
}

/** Where a rule's links lead: a module's first lesson, or the course page. */
export function recommendationLinks(
	rule: { links: { course: string; modules: string[] }[] },
	courses: { slug: string; title: string; modules: { slug: string; title: string; lessons: { slug: string }[] }[] }[]
): RecommendationLink[] {
	const out: RecommendationLink[] = [];
	for (const link of rule.links) {
		const course = courses.find((c) => c.slug === link.course);
		if (!course) continue;
		if (link.modules.length === 0) out.push({ href: `/courses/${course.slug}`, course: course.title, module: null });
		for (const slug of link.modules) {
			const mod = course.modules.find((x) => x.slug === slug);
			if (!mod) continue;
			const first = mod.lessons[0];
			out.push({
				href: first ? `/courses/${course.slug}/${first.slug}` : `/courses/${course.slug}`,
				course: course.title,
				module: mod.title
			});
		}
	}
	return out;
}

export interface UpcomingSession {
	title: string;
	groupName: string;
	startsAt: Date;
	place: string;
}

/** The next live sessions (up to `limit`) of groups that take one of the courses a recommendation links. */
export function upcomingSessions(courseSlugs: string[], now = new Date(), limit = 3): UpcomingSession[] {
	if (courseSlugs.length === 0) return [];
	return getDb()
		.select({
			title: liveSessions.title,
			groupName: groups.name,
			startsAt: liveSessions.startsAt,
			place: liveSessions.place
		})
		.from(liveSessions)
		.innerJoin(groups, eq(groups.id, liveSessions.groupId))
		.where(and(inArray(groups.courseSlug, courseSlugs), gt(liveSessions.startsAt, now)))
		.orderBy(liveSessions.startsAt)
		.limit(limit)
		.all();
}
