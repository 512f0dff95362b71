// people/account.ts: a person's language, and what an administrator sees of an account.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '$lib/server/db';
import { groupMembers, groups, users } from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';
import { accountForAdmin, setUserLocale } from '$lib/server/people/account';
import { insertUser } from './db-helpers';

function group(name: string) {
	const id = randomId();
	getDb().insert(groups).values({ id, name, courseSlug: 'dyplomacja-ekonomiczna' }).run();
	return id;
}

describe('the account', () => {
	it('keeps the language a person chose', () => {
		const id = insertUser();
		setUserLocale(id, 'en');
		expect(getDb().select({ locale: users.locale }).from(users).where(eq(users.id, id)).get()?.locale).toBe('en');
	});

	it("shows the admin everything but the password hash, with the person's groups by name; nothing for an anonymised one", () => {
		const id = insertUser({ passwordHash: 'argon2-secret' });
		const groupB = group('B grupa');
		const groupA = group('A grupa');
		for (const groupId of [groupB, groupA]) getDb().insert(groupMembers).values({ groupId, userId: id }).run();
		const account = accountForAdmin(id)!;
		expect(account.user.hasPassword).toBe(true);
		expect(JSON.stringify(account)).not.toContain('argon2-secret');
		expect(account.memberOf.map((g) => g.name)).toEqual(['A grupa', 'B grupa']);
		expect(accountForAdmin('nobody')).toBeUndefined();
		getDb().update(users).set({ anonymisedAt: new Date() }).where(eq(users.id, id)).run();
		expect(accountForAdmin(id)).toBeUndefined();
	});
});
