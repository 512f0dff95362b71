import { beforeAll, describe, expect, it } from 'vitest';
import { createGroup, getGroup, setGroupDeadline, addMember } from '$lib/server/groups/groups';
import { getDb } from '$lib/server/db';
import { certificates } from '$lib/server/db/schema';
import { deadlinesFor, overdueMembers } from '$lib/server/groups/deadline';
import { insertUser } from './db-helpers';

let admin: string, group: string, done: string, late: string;
const DEADLINE = new Date('2027-03-31T21:59:00Z');

beforeAll(() => {
	admin = insertUser({ role: 'admin' });
	const trainer = insertUser({ role: 'trainer' });
	group = createGroup(admin, { name: 'Grupa z terminem', courseSlug: 'protokol-dyplomatyczny', trainerIds: [trainer] });
	done = insertUser({ email: 'done@urzad.test' });
	late = insertUser({ email: 'late@urzad.test' });
	addMember(admin, getGroup(group)!, 'done@urzad.test');
	addMember(admin, getGroup(group)!, 'late@urzad.test');
	getDb()
		.insert(certificates)
		.values({
			id: 'c1',
			code: 'AAAAA-BBBBB',
			userId: done,
			courseSlug: 'protokol-dyplomatyczny',
			nameAsPrinted: 'x',
			courseTitle: 'Protokół',
			hours: 8,
			completedAt: new Date(),
			issuer: 'A',
			issuedAt: new Date()
		})
		.run();
});

describe('group deadlines', () => {
	it('has nobody overdue without a deadline or before it', () => {
		expect(overdueMembers(group).size).toBe(0);
		setGroupDeadline(admin, group, DEADLINE);
		expect(overdueMembers(group, DEADLINE.getTime() - 1).size).toBe(0);
		expect(deadlinesFor(late).get('protokol-dyplomatyczny')).toEqual(DEADLINE);
	});

	it('marks members without a valid certificate as overdue once it has passed', () => {
		expect([...overdueMembers(group, DEADLINE.getTime() + 1)]).toEqual([late]);
		setGroupDeadline(admin, group, null);
		expect(overdueMembers(group, DEADLINE.getTime() + 1).size).toBe(0);
		expect(deadlinesFor(late).size).toBe(0);
	});
});
