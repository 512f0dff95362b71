import { describe, expect, it } from 'vitest';
import { getDb } from '$lib/server/db';
import { enrollments, groupMembers, groups, users } from '$lib/server/db/schema';
import { getSurvey } from '$lib/server/surveys';
import { evaluationPrompt, groupEvaluation } from '$lib/server/surveys/evaluation';
import { respondentFrom } from '$lib/server/surveys/respondent';
import { SurveyError, saveResponse } from '$lib/server/surveys/responses';
import { getCourse } from '$lib/server/content';

const labels = { other: 'Inne', merged: 'Pozostałe' };

describe('evaluation survey', () => {
	const survey = getSurvey('ocena-szkolenia')!;
	const course = getCourse('protokol-dyplomatyczny')!;

	it('is named by the real courses and offered only after completion', () => {
		expect(course.evaluation).toBe('ocena-szkolenia');
		expect(evaluationPrompt('u1', course, false)).toBeNull();
		expect(evaluationPrompt('u1', course, true)).toEqual({
			href: '/surveys/ocena-szkolenia?course=protokol-dyplomatyczny',
			title: 'Ocena szkolenia',
			sent: false
		});
	});

	it("shows a group's results to its trainers only from 5 responses up", () => {
		const db = getDb();
		db.insert(groups).values({ id: 'g1', name: 'Grupa', courseSlug: course.slug }).run();
		const answer = (i: number) => {
			const id = `learner-${i}`;
			db.insert(users)
				.values({ id, email: `${id}@x.test` })
				.run();
			db.insert(enrollments).values({ userId: id, courseSlug: course.slug }).run();
			db.insert(groupMembers).values({ groupId: 'g1', userId: id }).run();
			const result = saveResponse(
				survey,
				{ kind: 'learner', userId: id, context: course.slug, groupId: 'g1' },
				{
					'ocena-ogolna': { ogolnie: 5, przydatnosc: 4, prowadzacy: 5, organizacja: 3 },
					polecenie: { choice: 'tak' }
				},
				{ submit: true }
			);
			expect(result.ok).toBe(true);
		};
		for (let i = 0; i < 4; i++) answer(i);
		let ev = groupEvaluation({ id: 'g1', courseSlug: course.slug }, 'ocena-szkolenia', labels)!;
		expect(ev.n).toBe(4);
		expect(ev.results).toBeNull();
		answer(4);
		ev = groupEvaluation({ id: 'g1', courseSlug: course.slug }, 'ocena-szkolenia', labels)!;
		expect(ev.n).toBe(5);
		const grid = ev.results!.questions.find((q) => q.question.id === 'ocena-ogolna')!;
		if (grid.type !== 'likert') throw new Error('type');
		expect(grid.rows.map((r) => r.mean)).toEqual([5, 4, 5, 3]);
		expect(evaluationPrompt('learner-0', course, true)?.sent).toBe(true);
	});

	it('is filed only under an enrolled course that names this survey', () => {
		const db = getDb();
		db.insert(users).values({ id: 'u-ev', email: 'ev@example.pl', name: 'E V', role: 'learner' }).run();
		db.insert(enrollments).values({ userId: 'u-ev', courseSlug: course.slug }).run();
		const src = { token: null, cookies: {} as never, secure: false, userId: 'u-ev' };
		expect(respondentFrom(survey, { ...src, course: course.slug }, true).respondent).toMatchObject({
			kind: 'learner',
			context: course.slug
		});
		// Enrolled, but the survey is not this course's evaluation: refused as if it did not exist.
		const other = { ...survey, slug: 'inna-ankieta' };
		expect(() => respondentFrom(other, { ...src, course: course.slug }, true)).toThrow(SurveyError);
		// Names this survey, but not enrolled.
		expect(() => respondentFrom(survey, { ...src, course: 'kompetencje-miedzykulturowe' }, true)).toThrow(SurveyError);
	});
});

describe('recommendations and upcoming trainings', () => {
	it("lists the next live sessions of groups taking a recommendation's courses, soonest first", async () => {
		const { upcomingSessions } = await import('$lib/server/surveys/report');
		const { liveSessions } = await import('$lib/server/db/schema');
		const db = getDb();
		db.insert(groups).values({ id: 'g2', name: 'Grupa B', courseSlug: 'kompetencje-miedzykulturowe' }).run();
		const now = new Date(Date.UTC(2027, 0, 1));
		const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
		db.insert(liveSessions)
			.values([
				{ id: 's1', groupId: 'g2', title: 'Warsztat', startsAt: at(10), place: 'Kraków' },
				{ id: 's2', groupId: 'g2', title: 'Wcześniej', startsAt: at(3) },
				{ id: 's3', groupId: 'g2', title: 'Minione', startsAt: at(-3) }
			])
			.run();
		const next = upcomingSessions(['kompetencje-miedzykulturowe'], now);
		expect(next.map((s) => s.title)).toEqual(['Wcześniej', 'Warsztat']);
		expect(upcomingSessions(['protokol-dyplomatyczny'], now)).toEqual([]);
	});
});
