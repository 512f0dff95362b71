// Evaluation surveys: offered to a learner once they have completed a course whose course.md names one (never a
// condition for the certificate), and shown to trainers per group, only from MIN_CELL responses up.
import { and, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '../db';
import { surveyResponses } from '../db/schema';
import { hashToken } from '../ids';
import { MIN_CELL, surveyResults, type SurveyResults } from './aggregate';
import { getSurvey } from './index';
import { loadResponses } from './report';

export interface EvaluationPrompt {
	href: string;
	title: string;
	sent: boolean;
}

/** The invitation to evaluate a completed course, or null (no survey named, or lessons still to do). */
export function evaluationPrompt(
	userId: string,
	course: { slug: string; evaluation?: string },
	completed: boolean
): EvaluationPrompt | null {
	if (!course.evaluation || !completed) return null;
	const survey = getSurvey(course.evaluation);
	if (!survey) return null;
	const hash = hashToken(`learner:${survey.slug}:${course.slug}:${userId}`);
	const row = getDb()
		.select({ at: surveyResponses.submittedAt })
		.from(surveyResponses)
		.where(and(eq(surveyResponses.respondentHash, hash), isNotNull(surveyResponses.submittedAt)))
		.get();
	return { href: `/surveys/${survey.slug}?course=${course.slug}`, title: survey.title, sent: !!row };
}

export interface GroupEvaluation {
	surveyTitle: string;
	n: number;
	/** Results only from MIN_CELL responses: a smaller group would let a trainer guess who said what. */
	results: SurveyResults | null;
}

export function groupEvaluation(
	group: { id: string; courseSlug: string },
	evaluation: string | undefined,
	labels: { other: string; merged: string }
): GroupEvaluation | null {
	const survey = evaluation ? getSurvey(evaluation) : undefined;
	if (!survey) return null;
	const responses = loadResponses(survey, { context: group.courseSlug, groupIds: [group.id] });
	return {
		surveyTitle: survey.title,
		n: responses.length,
		results: responses.length >= MIN_CELL ? surveyResults(survey, responses, labels) : null
	};
}
