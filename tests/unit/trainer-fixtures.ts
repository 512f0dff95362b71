// A small course and a seeded group for the trainer report tests.
import type { Course, Module, Quiz } from '$lib/server/content';
import type { Question } from '$lib/server/content/schema';
import { getDb } from '$lib/server/db';
import {
	groupMembers,
	groups,
	groupTrainers,
	lessonProgress,
	quizAttempts,
	quizResponses
} from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';

const q = (question: Question) => question;

export const QUESTIONS: Question[] = [
	q({
		id: 'q-single',
		type: 'single',
		lesson: 'l1',
		prompt: 'Kto podejmuje uchwałę?',
		explanation: 'Rada gminy.',
		options: [
			{ id: 'a', text: 'Rada gminy', correct: true },
			{ id: 'b', text: 'Wójt', correct: false, feedback: 'Nie.' }
		]
	}),
	q({
		id: 'q-tf',
		type: 'truefalse',
		lesson: 'l2',
		prompt: 'Ziemia jest płaska.',
		explanation: 'Nie jest.',
		answer: false
	}),
	q({
		id: 'q-multi',
		type: 'multiple',
		prompt: 'Zaznacz właściwe.',
		explanation: 'A i C.',
		options: [
			{ id: 'a', text: 'Pierwsza', correct: true },
			{ id: 'b', text: 'Druga', correct: false, feedback: 'Nie.' },
			{ id: 'c', text: 'Trzecia', correct: true }
		]
	})
];

function quiz(moduleSlug: string, questions: Question[], version = 'v2'): Quiz {
	return {
		slug: moduleSlug,
		courseSlug: 'kurs',
		title: `Test ${moduleSlug}`,
		version,
		questions,
		path: '',
		pass_mark: 70,
		attempts: 0,
		wait_minutes: 0,
		time_limit_minutes: 0,
		draw: 0,
		shuffle_questions: true,
		shuffle_options: true,
		feedback: 'after_submit',
		required: true
	};
}

function lesson(slug: string, moduleSlug: string, index: number) {
	return { slug, courseSlug: 'kurs', moduleSlug, title: `Lekcja ${slug}`, minutes: 5, objectives: [], index, path: '' };
}

const m1: Module = {
	slug: 'm1',
	courseSlug: 'kurs',
	title: 'Moduł pierwszy',
	objectives: [],
	lessons: [lesson('l1', 'm1', 0), lesson('l2', 'm1', 1)],
	quiz: quiz('m1', QUESTIONS),
	index: 0,
	path: ''
};
const m2: Module = {
	slug: 'm2',
	courseSlug: 'kurs',
	title: 'Moduł drugi',
	objectives: [],
	lessons: [lesson('l3', 'm2', 2)],
	index: 1,
	path: ''
};

export const COURSE = {
	slug: 'kurs',
	title: 'Kurs',
	titleEn: 'Course',
	summaryEn: '',
	summary: '',
	hours: 1,
	language: 'pl',
	sequential: true,
	completion: { lessons: 'all', quizzes: 'all', attendance: 0 },
	certificate: { wording_pl: 'x', bilingual: false },
	modules: [m1, m2],
	lessons: [...m1.lessons, ...m2.lessons],
	quizzes: [m1.quiz!],
	path: ''
} as Course;

export function insertGroup(trainerId?: string, name = 'Grupa testowa'): string {
	const id = randomId();
	getDb().insert(groups).values({ id, name, courseSlug: 'kurs' }).run();
	if (trainerId) getDb().insert(groupTrainers).values({ groupId: id, userId: trainerId }).run();
	return id;
}

export function addMember(groupId: string, userId: string) {
	getDb().insert(groupMembers).values({ groupId, userId }).run();
}

export function completeLessons(userId: string, slugs: string[], completed = true) {
	for (const slug of slugs) {
		getDb()
			.insert(lessonProgress)
			.values({
				userId,
				courseSlug: 'kurs',
				lessonSlug: slug,
				firstOpenedAt: new Date(),
				lastOpenedAt: new Date(),
				completedAt: completed ? new Date() : null
			})
			.run();
	}
}

let clock = Date.UTC(2026, 10, 1);

/** A submitted attempt (unless `submitted: false`) with responses scored as given. */
export function insertAttempt(
	userId: string,
	responses: { questionId: string; answer: unknown; score: number }[],
	options: { version?: string; submitted?: boolean; quizSlug?: string } = {}
): string {
	const id = randomId();
	const score = responses.reduce((s, r) => s + r.score, 0);
	const percent = (score / QUESTIONS.length) * 100;
	const at = (clock += 60_000);
	getDb()
		.insert(quizAttempts)
		.values({
			id,
			userId,
			courseSlug: 'kurs',
			quizSlug: options.quizSlug ?? 'm1',
			contentVersion: options.version ?? 'v2',
			seed: 1,
			layout: QUESTIONS.map((question) => ({ questionId: question.id, optionOrder: [] })),
			startedAt: new Date(at),
			submittedAt: options.submitted === false ? null : new Date(at + 1000),
			score,
			maxScore: QUESTIONS.length,
			percent,
			passed: options.submitted === false ? null : percent >= 70
		})
		.run();
	for (const r of responses)
		getDb()
			.insert(quizResponses)
			.values({ attemptId: id, questionId: r.questionId, answer: r.answer, score: r.score, answeredAt: new Date(at) })
			.run();
	return id;
}

/** Responses for the three fixture questions: right (true) or wrong (false) each. */
export function answers(single: boolean, tf: boolean, multi: boolean | number) {
	return [
		{ questionId: 'q-single', answer: single ? 'a' : 'b', score: single ? 1 : 0 },
		{ questionId: 'q-tf', answer: tf ? false : true, score: tf ? 1 : 0 },
		{
			questionId: 'q-multi',
			answer: multi === true ? ['a', 'c'] : multi === false ? ['b'] : ['a'],
			score: multi === true ? 1 : multi === false ? 0 : multi
		}
	];
}
