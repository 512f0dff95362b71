import { getDb } from '$lib/server/db';
import { users, type Role } from '$lib/server/db/schema';
import { randomId } from '$lib/server/ids';

/** Inserts a user directly (no password unless given as a hash) and returns its id. */
export function insertUser(overrides: Partial<typeof users.$inferInsert> & { role?: Role } = {}): string {
	const id = overrides.id ?? randomId();
	getDb()
		.insert(users)
		.values({
			id,
			email: `${id}@example.test`,
			name: 'Jan Testowy',
			organisation: 'Urząd Testowy',
			role: 'learner',
			...overrides
		})
		.run();
	return id;
}
