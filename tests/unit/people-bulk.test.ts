import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bulkAddToGroup, bulkDisable } from '$lib/server/people/bulk';
import { createGroup, getGroup, groupMemberRows } from '$lib/server/groups/groups';
import { getDb } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { insertUser } from './db-helpers';

let admin: string, trainer: string, a: string, b: string;

beforeAll(() => {
	admin = insertUser({ role: 'admin' });
	trainer = insertUser({ role: 'trainer' });
	a = insertUser({ email: 'a@urzad.test' });
	b = insertUser({ email: 'b@urzad.test' });
});

describe('bulk actions on the users list', () => {
	it('adds the ticked people to a group, ignoring ids of nobody', () => {
		const id = createGroup(admin, { name: 'Grupa', courseSlug: 'protokol-dyplomatyczny', trainerIds: [trainer] });
		const result = bulkAddToGroup(admin, getGroup(id)!, [a, b, 'nobody']);
		expect(result.ok && [...result.added].sort()).toEqual(['a@urzad.test', 'b@urzad.test']);
		expect(groupMemberRows(id)).toHaveLength(2);
	});

	it('disables the ticked accounts but never one’s own', () => {
		expect(bulkDisable(admin, [a, b, admin])).toEqual({ disabled: 2, skipped: 1 });
		const disabled = (id: string) => !!getDb().select().from(users).where(eq(users.id, id)).get()!.disabledAt;
		expect([disabled(a), disabled(b), disabled(admin)]).toEqual([true, true, false]);
	});
});
