import { beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import type { SessionUser } from '$lib/server/auth/session';
import { answerInWords, choiceCounts, correctInWords } from '$lib/server/reports/answers';
import { canSeeGroup, requireGroupAccess, requireGroupMember } from '$lib/server/groups/access';
import { groupsFor, nextSession } from '$lib/server/reports/groups';
import { learnerAttempts } from '$lib/server/reports/learner';
import { missedMost } from '$lib/server/reports/missed';
import { quizReport } from '$lib/server/reports/quiz-results';
import { groupResults } from '$lib/server/reports/results';
import { getDb } from '$lib/server/db';
import { liveSessions } from '$lib/server/db/schema';
import { insertUser } from './db-helpers';
import { addMember, answers, COURSE, insertAttempt, insertGroup, QUESTIONS } from './trainer-fixtures';

const sessionUser = (id: string, role: SessionUser['role']): SessionUser => ({
	id,
	email: `${id}@x.test`,
	name: id,
	organisation: '',
	role,
	locale: 'pl'
});

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected a throw');
}

let group: string, otherGroup: string, trainer: string, otherTrainer: string, admin: string;
let l1: string, l2: string, l3: string, outsider: string;

beforeAll(() => {
	trainer = insertUser({ role: 'trainer' });
	otherTrainer = insertUser({ role: 'trainer' });
	admin = insertUser({ role: 'admin' });
	group = insertGroup(trainer, 'Grupa A');
	otherGroup = insertGroup(otherTrainer, 'Grupa B');
	l1 = insertUser({ name: 'Anna' });
	l2 = insertUser({ name: 'Bogdan' });
	l3 = insertUser({ name: 'Cezary' });
	outsider = insertUser({ name: 'Obcy' });
	for (const l of [l1, l2, l3]) addMember(group, l);
	addMember(otherGroup, outsider);
	insertAttempt(l3, answers(true, true, true), { version: 'v1' }); // an older version of the quiz
	insertAttempt(l1, answers(true, true, true));
	insertAttempt(l2, answers(true, false, false));
	insertAttempt(l3, answers(false, false, 0.5));
	insertAttempt(l1, answers(true, false, true)); // second attempt
	insertAttempt(l2, answers(false, false, false), { submitted: false }); // never submitted
	insertAttempt(outsider, answers(false, false, false)); // another group
	const now = Date.now();
	getDb()
		.insert(liveSessions)
		.values([
			{ id: 'past', groupId: group, startsAt: new Date(now - 86_400_000), dueModules: ['m1'] },
			{ id: 'next', groupId: group, startsAt: new Date(now + 86_400_000), dueModules: ['m1', 'm2'], place: 'Kraków' },
			{ id: 'later', groupId: group, startsAt: new Date(now + 7 * 86_400_000), dueModules: [] }
		])
		.run();
});

describe('access to a group', () => {
	const event = (user: SessionUser, groupId: string) => ({
		locals: { user, session: null },
		url: new URL('http://localhost/trainer/groups/' + groupId),
		params: { group: groupId }
	});

	it('lets a trainer see only the groups they train, and an admin every group', () => {
		expect(canSeeGroup(sessionUser(trainer, 'trainer'), group)).toBe(true);
		expect(canSeeGroup(sessionUser(trainer, 'trainer'), otherGroup)).toBe(false);
		expect(canSeeGroup(sessionUser(admin, 'admin'), otherGroup)).toBe(true);
		expect(canSeeGroup(sessionUser(l1, 'learner'), group)).toBe(false);
		expect(requireGroupAccess(event(sessionUser(trainer, 'trainer'), group)).group.id).toBe(group);
	});

	it('answers 403 for another trainer or a learner, 404 for an unknown group', () => {
		const other = thrown(() => requireGroupAccess(event(sessionUser(otherTrainer, 'trainer'), group)));
		expect(isHttpError(other) && other.status).toBe(403);
		const learner = thrown(() => requireGroupAccess(event(sessionUser(l1, 'learner'), group)));
		expect(isHttpError(learner) && learner.status).toBe(403);
		const unknown = thrown(() => requireGroupAccess(event(sessionUser(admin, 'admin'), 'nope')));
		expect(isHttpError(unknown) && unknown.status).toBe(404);
	});

	it('reaches a learner only through a group they belong to', () => {
		expect(requireGroupMember(group, l1).name).toBe('Anna');
		const e = thrown(() => requireGroupMember(group, outsider));
		expect(isHttpError(e) && e.status).toBe(404);
	});

	it('lists the trainer their groups with member counts and the next session', () => {
		const mine = groupsFor(sessionUser(trainer, 'trainer'));
		expect(mine.map((g) => [g.name, g.members])).toEqual([['Grupa A', 3]]);
		expect(mine[0].nextSessionPlace).toBe('Kraków');
		expect(groupsFor(sessionUser(admin, 'admin')).map((g) => g.name)).toEqual(['Grupa A', 'Grupa B']);
		expect(nextSession(group)).toMatchObject({ id: 'next', dueModules: ['m1', 'm2'] });
		expect(nextSession(otherGroup)).toBeNull();
	});
});

describe('quiz results of a group', () => {
	it('uses first submitted attempts of the current version, members only', () => {
		const report = quizReport(group, COURSE.quizzes[0], true)!;
		expect(report.isCurrentVersion).toBe(true);
		expect(report.attempts.map((a) => a.name)).toEqual(['Anna', 'Bogdan', 'Cezary']);
		expect(report.passRate).toBeCloseTo(1 / 3, 10);
		expect(report.unreliable).toBe(true);
		expect(report.distribution.reduce((a, b) => a + b, 0)).toBe(3);
		const [single, tf, multi] = report.questions;
		expect(single.facility).toBeCloseTo(2 / 3, 10);
		expect(tf.facility).toBeCloseTo(1 / 3, 10);
		expect(multi.facility).toBeCloseTo(0.5, 10);
		// q-single: item [1,1,0], rest [2,0,0.5] (worked out by hand: r = 0.3333 / sqrt(0.6667 * 2.1667))
		expect(single.discrimination).toBeCloseTo(0.27735, 4);
		expect(single.choices).toEqual([
			{ id: 'a', text: 'Rada gminy', count: 2 },
			{ id: 'b', text: 'Wójt', count: 1 }
		]);
		expect(tf.choices).toEqual([
			{ id: 'true', text: 'true', count: 2 },
			{ id: 'false', text: 'false', count: 1 }
		]);
	});

	it('takes every submitted attempt on request', () => {
		const report = quizReport(group, COURSE.quizzes[0], false)!;
		expect(report.attempts.map((a) => [a.name, a.number])).toEqual([
			['Anna', 1],
			['Anna', 2],
			['Bogdan', 1],
			['Cezary', 1]
		]);
		expect(report.questions[1].facility).toBeCloseTo(1 / 4, 10);
	});

	it('falls back to the newest version with attempts when the current one has none', () => {
		const report = quizReport(group, { ...COURSE.quizzes[0], version: 'v3' }, true)!;
		expect(report.isCurrentVersion).toBe(false);
		expect(report.version).toBe('v2');
		expect(quizReport(insertGroup(trainer, 'Pusta'), COURSE.quizzes[0], true)).toBeNull();
	});

	it('exports every submitted attempt numbered per learner', () => {
		const rows = groupResults(group, 'kurs', 'm1');
		expect(rows.map((r) => [r.name, r.number, r.contentVersion])).toEqual([
			['Anna', 1, 'v2'],
			['Anna', 2, 'v2'],
			['Bogdan', 1, 'v2'],
			['Cezary', 1, 'v1'],
			['Cezary', 2, 'v2']
		]);
	});
});

describe('a learner’s answers in words', () => {
	it('lists every submitted attempt with each answer in the words of the quiz', () => {
		const attempts = learnerAttempts(l2, COURSE);
		expect(attempts).toHaveLength(1);
		expect(attempts[0].answers.map((a) => [a.questionId, a.answer, a.score])).toEqual([
			['q-single', { kind: 'list', items: ['Rada gminy'] }, 1],
			['q-tf', { kind: 'boolean', value: true }, 0],
			['q-multi', { kind: 'list', items: ['Druga'] }, 0]
		]);
		expect(attempts[0].passed).toBe(false);
	});

	it('puts each answer shape into words, and keeps what does not fit as stored', () => {
		const [single, tf, multi] = QUESTIONS;
		expect(answerInWords(single, 'b')).toEqual({ kind: 'list', items: ['Wójt'] });
		expect(answerInWords(single, 'zz')).toEqual({ kind: 'raw', text: '"zz"' });
		expect(answerInWords(tf, null)).toEqual({ kind: 'none' });
		expect(answerInWords(multi, [])).toEqual({ kind: 'none' });
		const ordering = {
			id: 'o',
			type: 'ordering' as const,
			prompt: 'p',
			explanation: 'e',
			items: [
				{ id: 'x', text: 'Iks' },
				{ id: 'y', text: 'Igrek' }
			]
		};
		expect(answerInWords(ordering, ['y', 'x'])).toEqual({ kind: 'ordered', items: ['Igrek', 'Iks'] });
		expect(
			choiceCounts(ordering, [
				['x', 'y'],
				['y', 'x'],
				['x', 'y']
			])
		).toEqual([
			{ id: 'x', text: 'Iks', count: 2 },
			{ id: 'y', text: 'Igrek', count: 2 }
		]);
		const matching = {
			id: 'm',
			type: 'matching' as const,
			prompt: 'p',
			explanation: 'e',
			pairs: [
				{ id: 'p1', left: 'L1', right: 'R1' },
				{ id: 'p2', left: 'L2', right: 'R2' }
			]
		};
		expect(answerInWords(matching, { p1: 'p2', p2: 'p1' })).toEqual({
			kind: 'pairs',
			pairs: [
				{ left: 'L1', right: 'R2' },
				{ left: 'L2', right: 'R1' }
			]
		});
		expect(correctInWords(matching)).toEqual({
			kind: 'pairs',
			pairs: [
				{ left: 'L1', right: 'R1' },
				{ left: 'L2', right: 'R2' }
			]
		});
	});
});

describe('before the next session', () => {
	it('ranks the questions and topics the group missed most, members only', () => {
		const { questions, topics } = missedMost(group, COURSE);
		// People, not attempts: each member's latest submitted answer. Anna's second attempt (T,F,T), Bogdan's
		// (T,F,F), Cezary's newer one (F,F,0.5): q-tf wrong for all 3, q-multi 1.5 of 3, q-single 2 of 3.
		expect(questions.map((q) => q.question.id)).toEqual(['q-tf', 'q-multi', 'q-single']);
		expect(questions[0]).toMatchObject({ answered: 3, wrong: 3, lessonTitle: 'Lekcja l2' });
		expect(questions[0].mean).toBe(0);
		expect(questions[1]).toMatchObject({ answered: 3, wrong: 2 });
		expect(questions[2]).toMatchObject({ answered: 3, wrong: 1 });
		expect(topics.map((t) => t.lessonSlug)).toEqual(['l2', 'l1']);
	});
});

describe('pass on the first attempt and in the end', () => {
	it('are told apart: a learner who passes on a retry counts only in the final pass rate', () => {
		const dorota = insertUser({ name: 'Dorota' });
		addMember(group, dorota);
		insertAttempt(dorota, answers(false, false, false));
		insertAttempt(dorota, answers(true, true, true));
		const report = quizReport(group, COURSE.quizzes[0], true)!;
		// First attempts: Anna passed; Bogdan, Cezary and Dorota did not. In the end Anna and Dorota passed.
		expect(report.firstPassRate).toBeCloseTo(1 / 4, 10);
		expect(report.finalPassRate).toBeCloseTo(2 / 4, 10);
	});
});
