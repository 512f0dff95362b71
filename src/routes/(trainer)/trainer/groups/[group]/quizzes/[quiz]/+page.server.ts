import { error } from '@sveltejs/kit';
import { getQuiz } from '$lib/server/content';
import { requireGroupAccess } from '$lib/server/groups/access';
import { quizReport } from '$lib/server/reports/quiz-results';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const { group, course } = requireGroupAccess(event);
	const quiz = course ? getQuiz(course, event.params.quiz) : undefined;
	if (!course || !quiz) error(404, { message: 'not found' });
	const all = event.url.searchParams.get('attempts') === 'all';
	const report = quizReport(group.id, quiz, !all);
	const lessonTitle = (slug: string | undefined) => course.lessons.find((l) => l.slug === slug)?.title ?? null;
	return {
		group: { id: group.id, name: group.name },
		quiz: { slug: quiz.slug, title: quiz.title, passMark: quiz.pass_mark },
		all,
		report: report && {
			isCurrentVersion: report.isCurrentVersion,
			attempts: report.attempts.length,
			learners: new Set(report.attempts.map((a) => a.userId)).size,
			firstPassRate: report.firstPassRate,
			finalPassRate: report.finalPassRate,
			meanPercent: report.meanPercent,
			distribution: report.distribution,
			unreliable: report.unreliable,
			// Only what the page shows: the prompt, which choices are right, and the numbers.
			questions: report.questions.map((q, i) => ({
				number: i + 1,
				id: q.question.id,
				type: q.question.type,
				prompt: q.question.prompt,
				lessonTitle: lessonTitle(q.question.lesson),
				n: q.n,
				facility: q.facility,
				discrimination: q.discrimination,
				choices: q.choices.map((c) => ({
					...c,
					right:
						q.question.type === 'single' || q.question.type === 'multiple'
							? !!q.question.options.find((o) => o.id === c.id)?.correct
							: q.question.type === 'judgement'
								? q.question.options.find((o) => o.id === c.id)?.score === 1
								: q.question.type === 'truefalse'
									? String(q.question.answer) === c.id
									: true
				}))
			}))
		}
	};
}) satisfies PageServerLoad;
