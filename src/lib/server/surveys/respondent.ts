// Who is answering, from the request: a token link (?t= or the form's "t"), a signed-in learner evaluating a course
// (?course=), or a browser key in a cookie for an open link (created on the first save).
import type { Cookies } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { getCourse } from '../content';
import { getDb } from '../db';
import { enrollments, groupMembers, groups } from '../db/schema';
import { randomId } from '../ids';
import type { Survey } from './catalogue';
import { SurveyError, type Respondent } from './responses';

export const surveyCookieName = (slug: string) => `akademia_survey_${slug.replaceAll('-', '_')}`;

export interface RequestRespondent {
	respondent: Respondent | null;
	token: string | null;
	course: string | null;
}

interface Source {
	token: string | null;
	course: string | null;
	cookies: Cookies;
	secure: boolean;
	userId: string | null;
}

/** Null respondent: nobody yet (an open link before the first save). Throws for a missing token or course. */
export function respondentFrom(survey: Survey, src: Source, create: boolean): RequestRespondent {
	const token = src.token?.trim() || null;
	if (token) return { respondent: { kind: 'token', token }, token, course: null };
	if (survey.kind === 'evaluation') {
		const course = src.course?.trim() || null;
		if (!src.userId || !course) throw new SurveyError('not_found');
		// Only the course that names this survey as its evaluation: a response filed under another course would
		// show up in that course's groups' results.
		if (getCourse(course)?.evaluation !== survey.slug) throw new SurveyError('not_found');
		const enrolled = getDb()
			.select({ c: enrollments.courseSlug })
			.from(enrollments)
			.where(and(eq(enrollments.userId, src.userId), eq(enrollments.courseSlug, course)))
			.get();
		if (!enrolled) throw new SurveyError('not_found');
		const group = getDb()
			.select({ id: groups.id })
			.from(groupMembers)
			.innerJoin(groups, eq(groups.id, groupMembers.groupId))
			.where(and(eq(groupMembers.userId, src.userId), eq(groups.courseSlug, course)))
			.get();
		return {
			respondent: { kind: 'learner', userId: src.userId, context: course, groupId: group?.id ?? null },
			token: null,
			course
		};
	}
	if (survey.access === 'token') throw new SurveyError('token_required');
	const name = surveyCookieName(survey.slug);
	let key = src.cookies.get(name) ?? null;
	if (!key && create) {
		key = randomId(20);
		src.cookies.set(name, key, {
			path: `/surveys/${survey.slug}`,
			httpOnly: true,
			sameSite: 'lax',
			secure: src.secure,
			maxAge: 400 * 24 * 60 * 60
		});
	}
	return { respondent: key ? { kind: 'key', key } : null, token: null, course: null };
}
