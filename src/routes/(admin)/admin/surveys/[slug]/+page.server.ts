import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getCatalogue } from '$lib/server/content';
import { formError } from '$lib/server/forms/validate';
import { getSurvey } from '$lib/server/surveys';
import { resultLabels, surveyErrorMessage } from '$lib/server/surveys/messages';
import { recommendationLinks, surveyReport, upcomingSessions } from '$lib/server/surveys/report';
import {
	generateTokens,
	listTokens,
	saveRecommendationTexts,
	setAnonymous,
	setClosed,
	SurveyError
} from '$lib/server/surveys/responses';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const MAX_OFFICES = 3000;
/**
 * Offices listed in the report before "show all": a campaign to every office in Poland has thousands of links, and
 * listing them all made the page 1.5 MB and most of its time at 5,000 responses (docs/PERFORMANCE.md).
 */
const TOKENS_SHOWN = 100;
/** Open answers shown per question before "show all" (admins also have every one in the XLSX and CSV files). */
const TEXTS_SHOWN = 100;

function surveyOf(slug: string) {
	return getSurvey(slug) ?? error(404, { message: surveyErrorMessage('not_found') });
}

export const load = ((event) => {
	const user = requireRole(event, 'admin', 'trainer');
	const survey = surveyOf(event.params.slug);
	// A course evaluation across every group is the admins' to read: trainers see their own groups' results, from
	// five responses up, on the group page (/trainer/groups/<id>/evaluation).
	if (survey.kind === 'evaluation' && user.role !== 'admin') error(403, { message: 'forbidden' });
	const report = surveyReport(survey, resultLabels());
	const isAdmin = user.role === 'admin';
	// Open answers are read by an admin first; trainers see them once the report is published.
	const showOpen = isAdmin || !!report.settings.publishedAt;
	const courses = getCatalogue().courses;
	const tokensAll = event.url.searchParams.get('tokens') === 'all';
	const textsAll = event.url.searchParams.get('texts') === 'all';
	return {
		isAdmin,
		showOpen,
		survey: {
			slug: survey.slug,
			title: survey.title,
			kind: survey.kind,
			access: survey.access,
			sections: survey.sections.map((s) => ({ id: s.id, title: s.title, questionIds: s.questions.map((q) => q.id) }))
		},
		report: {
			...report,
			results: {
				...report.results,
				questions: report.results.questions.map((q) =>
					q.type !== 'text' && q.type !== 'long_text'
						? q
						: { ...q, texts: !showOpen ? [] : textsAll ? q.texts : q.texts.slice(0, TEXTS_SHOWN) }
				),
				recommendations: report.results.recommendations.map((f) => ({
					...f,
					links: recommendationLinks(f.rule, courses),
					sessions: upcomingSessions(f.rule.links.map((l) => l.course))
				}))
			}
		},
		tokensAll,
		textsAll,
		tokens: isAdmin
			? listTokens(survey, report.settings.anonymous, tokensAll ? undefined : TOKENS_SHOWN).map((t) => ({
					office: t.office,
					answered: t.answered
				}))
			: []
	};
}) satisfies PageServerLoad;

export const actions = {
	anonymous: async (event) => {
		const user = requireRole(event, 'admin');
		const survey = surveyOf(event.params.slug);
		const value = (await event.request.formData()).get('anonymous');
		if (value !== 'on' && value !== 'off') return fail(400, { errors: formError(m.error_invalid()) });
		try {
			setAnonymous(user.id, survey, value === 'on');
		} catch (e) {
			if (!(e instanceof SurveyError)) throw e;
			return fail(e.status, { errors: formError(surveyErrorMessage(e.code)) });
		}
		return { done: 'anonymous' };
	},
	close: async (event) => {
		const user = requireRole(event, 'admin');
		const survey = surveyOf(event.params.slug);
		const value = (await event.request.formData()).get('closed');
		if (value !== '1' && value !== '0') return fail(400, { errors: formError(m.error_invalid()) });
		setClosed(user.id, survey, value === '1');
		return { done: 'close' };
	},
	tokens: async (event) => {
		const user = requireRole(event, 'admin');
		const survey = surveyOf(event.params.slug);
		const raw = (await event.request.formData()).get('offices');
		const offices =
			typeof raw === 'string'
				? raw
						.split(/\r?\n/)
						.map((l) => l.trim())
						.filter(Boolean)
				: [];
		if (offices.length === 0)
			return fail(400, { errors: { offices: m.survey_tokens_none() }, offices: typeof raw === 'string' ? raw : '' });
		if (offices.length > MAX_OFFICES || offices.some((o) => o.length > 200 || /^[=+\-@]/.test(o)))
			return fail(400, { errors: { offices: m.survey_tokens_invalid({ max: MAX_OFFICES }) }, offices: raw as string });
		const generated = generateTokens(user.id, survey, offices).map((g) => ({
			office: g.office,
			link: `${event.url.origin}/surveys/${survey.slug}?t=${g.token}`
		}));
		return { done: 'tokens', generated };
	},
	recommendations: async (event) => {
		const user = requireRole(event, 'admin');
		const survey = surveyOf(event.params.slug);
		const form = await event.request.formData();
		const texts: Record<string, string> = {};
		for (const [name, value] of form.entries())
			if (name.startsWith('rec:') && typeof value === 'string') {
				if (value.length > 5000) return fail(400, { errors: formError(m.survey_answer_too_long()) });
				texts[name.slice(4)] = value.replace(/\r\n/g, '\n').trim();
			}
		if (Object.keys(texts).length === 0) return fail(400, { errors: formError(m.survey_recommendations_none()) });
		saveRecommendationTexts(user.id, survey, texts, form.get('publish') === '1');
		return { done: 'recommendations' };
	}
} satisfies Actions;
