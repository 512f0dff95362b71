import { beforeAll, describe, expect, it } from 'vitest';
import { missingDueModules } from '$lib/server/reports/behind';
import { parseSort, progressMatrix, sortMatrix } from '$lib/server/reports/matrix';
import { insertUser } from './db-helpers';
import { addMember, answers, completeLessons, COURSE, insertAttempt, insertGroup } from './trainer-fixtures';

describe('behind for the next live session', () => {
	const done = { lessonsDone: 2, lessonsTotal: 2, hasQuiz: true, passed: true };
	it('is behind when a due module has lessons left or its quiz not passed', () => {
		expect(missingDueModules(['m1'], { m1: done })).toEqual([]);
		expect(missingDueModules(['m1'], { m1: { ...done, lessonsDone: 1 } })).toEqual(['m1']);
		expect(missingDueModules(['m1'], { m1: { ...done, passed: false } })).toEqual(['m1']);
		expect(missingDueModules(['m1', 'm2'], { m1: done, m2: { ...done, lessonsDone: 0 } })).toEqual(['m2']);
	});
	it('needs no quiz pass for a module without a quiz, and ignores modules not due or no longer in the course', () => {
		expect(
			missingDueModules(['m2'], { m2: { lessonsDone: 1, lessonsTotal: 1, hasQuiz: false, passed: false } })
		).toEqual([]);
		expect(missingDueModules([], { m1: { ...done, lessonsDone: 0 } })).toEqual([]);
		expect(missingDueModules(['gone'], { m1: done })).toEqual([]);
	});
});

describe('progress matrix', () => {
	let group: string, other: string, ala: string, bartek: string, celina: string, outsider: string;
	beforeAll(() => {
		group = insertGroup();
		other = insertGroup();
		ala = insertUser({ name: 'Ala Żak', organisation: 'Urząd B' });
		bartek = insertUser({ name: 'Bartek Ąbel', organisation: 'Urząd A' });
		celina = insertUser({ name: 'Celina Nowak', organisation: 'Urząd C' });
		outsider = insertUser({ name: 'Obcy' });
		addMember(group, ala);
		addMember(group, bartek);
		addMember(group, celina);
		addMember(other, outsider);
		// Ala: module 1 done and passed (second attempt), module 2 done.
		completeLessons(ala, ['l1', 'l2', 'l3']);
		insertAttempt(ala, answers(false, true, false));
		insertAttempt(ala, answers(true, true, true));
		// Bartek: one lesson completed, one only opened; failed the quiz; an unsubmitted attempt does not count.
		completeLessons(bartek, ['l1']);
		completeLessons(bartek, ['l2'], false);
		insertAttempt(bartek, answers(true, false, false));
		insertAttempt(bartek, answers(true, true, true), { submitted: false });
		// Outsider: everything done, in another group.
		completeLessons(outsider, ['l1', 'l2', 'l3']);
		insertAttempt(outsider, answers(true, true, true));
	});

	it('counts completed lessons per module and the best submitted quiz result, for members only', () => {
		const rows = progressMatrix(group, COURSE, ['m1']);
		expect(rows.map((r) => r.name).sort()).toEqual(['Ala Żak', 'Bartek Ąbel', 'Celina Nowak']);
		const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
		expect(byName['Ala Żak'].cells).toEqual([
			{ moduleSlug: 'm1', lessonsDone: 2, lessonsTotal: 2, hasQuiz: true, passed: true, bestPercent: 100, attempts: 2 },
			{
				moduleSlug: 'm2',
				lessonsDone: 1,
				lessonsTotal: 1,
				hasQuiz: false,
				passed: false,
				bestPercent: null,
				attempts: 0
			}
		]);
		expect(byName['Ala Żak'].lessonsDone).toBe(3);
		expect(byName['Bartek Ąbel'].cells[0]).toMatchObject({ lessonsDone: 1, passed: false, attempts: 1 });
		expect(byName['Bartek Ąbel'].cells[0].bestPercent).toBeCloseTo(100 / 3, 6);
		expect(byName['Celina Nowak'].cells[0]).toMatchObject({ lessonsDone: 0, attempts: 0, bestPercent: null });
	});

	it('marks who is behind for the due modules', () => {
		const rows = progressMatrix(group, COURSE, ['m1']);
		const missing = Object.fromEntries(rows.map((r) => [r.name, r.missing]));
		expect(missing).toEqual({ 'Ala Żak': [], 'Bartek Ąbel': ['m1'], 'Celina Nowak': ['m1'] });
		expect(progressMatrix(group, COURSE, []).every((r) => r.missing.length === 0)).toBe(true);
	});

	it('sorts on the server by name (Polish order), progress, behind and a module', () => {
		const rows = progressMatrix(group, COURSE, ['m1', 'm2']);
		// By surname, Polish alphabet: Ąbel, Nowak, Żak.
		expect(sortMatrix(rows, 'name', false).map((r) => r.name)).toEqual(['Bartek Ąbel', 'Celina Nowak', 'Ala Żak']);
		expect(sortMatrix(rows, 'name', true).map((r) => r.name)).toEqual(['Ala Żak', 'Celina Nowak', 'Bartek Ąbel']);
		expect(sortMatrix(rows, 'organisation', false).map((r) => r.name)).toEqual([
			'Bartek Ąbel',
			'Ala Żak',
			'Celina Nowak'
		]);
		expect(sortMatrix(rows, 'progress', true).map((r) => r.name)).toEqual(['Ala Żak', 'Bartek Ąbel', 'Celina Nowak']);
		expect(sortMatrix(rows, 'behind', true)[2].name).toBe('Ala Żak');
		expect(sortMatrix(rows, 'module:m1', true).map((r) => r.name)).toEqual(['Ala Żak', 'Bartek Ąbel', 'Celina Nowak']);
	});

	it('accepts only known sort keys from the query string', () => {
		expect(parseSort('module:m2', COURSE)).toBe('module:m2');
		expect(parseSort('behind', COURSE)).toBe('behind');
		expect(parseSort('module:nope', COURSE)).toBe('name');
		expect(parseSort("name'; DROP TABLE users", COURSE)).toBe('name');
		expect(parseSort(null, COURSE)).toBe('name');
	});

	it('returns no rows for a group without members', () => {
		expect(progressMatrix(insertGroup(undefined, 'Pusta'), COURSE, ['m1'])).toEqual([]);
	});
});
