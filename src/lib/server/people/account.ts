// A person's account as others act on it: the language they chose, and what an administrator sees of it.
import { asc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { groupMembers, groups, users, type Locale } from '../db/schema';

/** The account's language, for mails and the next sign-in (the cookie holds it for this browser). */
export function setUserLocale(userId: string, locale: Locale) {
	getDb().update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/**
 * An account as the administrator's page shows it: every field but the password hash (only whether there is one),
 * and the groups the person is a member of, by name. Undefined for an unknown or anonymised account.
 */
export function accountForAdmin(id: string) {
	const db = getDb();
	const user = db.select().from(users).where(eq(users.id, id)).get();
	if (!user || user.anonymisedAt) return undefined;
	const memberOf = db
		.select({ id: groups.id, name: groups.name })
		.from(groupMembers)
		.innerJoin(groups, eq(groups.id, groupMembers.groupId))
		.where(eq(groupMembers.userId, user.id))
		.orderBy(asc(groups.name))
		.all();
	const { passwordHash, ...shown } = user;
	return { user: { ...shown, hasPassword: passwordHash !== null }, memberOf };
}
