// The report's data: submitted responses of a survey (optionally of one course context and groups), aggregated.
import { and, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '../db';
import { groups, liveSessions, surveyAnswers, surveyResponses } from '../db/schema';
import { surveyResults, type ResponseForReport, type SurveyResults } from './aggregate';
import type { Answers } from './answers';
import type { Survey } from './catalogue';
import { getSettings, isOpen, tokenCount, type Settings } from './responses';

export interface ReportFilter {
	context?: string;
	groupIds?: string[];
}

/** Submitted responses with their answers, in the order they were submitted. */
export function loadResponses(
	survey: Survey,
	filter: ReportFilter = {}
): (ResponseForReport & { submittedAt: Date })[] {
	const db = getDb();
	const conditions = [eq(surveyResponses.surveySlug, survey.slug), isNotNull(surveyResponses.submittedAt)];
	if (filter.context !== undefined) conditions.push(eq(surveyResponses.context, filter.context));
	if (filter.groupIds) {
		if (filter.groupIds.length === 0) return [];
		conditions.push(inArray(surveyResponses.groupId, filter.groupIds));
	}
	const rows = db
		.select({
			id: surveyResponses.id,
			demo: surveyResponses.demo,
			submittedAt: surveyResponses.submittedAt,
			questionId: surveyAnswers.questionId,
			value: surveyAnswers.value
		})
		.from(surveyResponses)
		.leftJoin(surveyAnswers, eq(surveyAnswers.responseId, surveyResponses.id))
		.where(and(...conditions))
		.orderBy(surveyResponses.submittedAt, surveyResponses.id)
		.all();
	const byId = new Map<string, ResponseForReport & { submittedAt: Date }>();
	for (const r of rows) {
		let entry = byId.get(r.id);
		if (!entry) {
			entry = { answers: {} as Answers, demo: r.demo, submittedAt: r.submittedAt! };
			byId.set(r.id, entry);
		}
		if (r.questionId) entry.answers[r.questionId] = r.value;
	}
	return [...byId.values()];
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

export function surveyReport(survey: Survey, labels: { other: string; merged: string }): SurveyReport {
	const db = getDb();
	const settings = getSettings(survey);
	const responses = loadResponses(survey);
	const results = surveyResults(survey, responses, labels);
	const drafts =
		db
			.select({ n: sql<number>`count(*)` })
			.from(surveyResponses)
			.where(and(eq(surveyResponses.surveySlug, survey.slug), sql`${surveyResponses.submittedAt} is null`))
			.get()?.n ?? 0;
	const tokens = tokenCount(survey.slug);
	const realResponses = responses.filter((r) => !r.demo).length;
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
