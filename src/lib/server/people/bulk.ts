// Actions on many people at once from the users list: add to a group, or disable. Ids that match nobody are
// ignored (a stale page); each change is the same function as for one person, with its own audit row.
import { inArray } from 'drizzle-orm';
import { getDb } from '../db';
import { users, type Group } from '../db/schema';
import { addMembers, type MembersResult } from '../groups/groups';
import { setUserDisabled } from './users';

const MAX = 500;

function emailsOf(ids: string[]): string[] {
	if (ids.length === 0) return [];
	return getDb()
		.select({ email: users.email })
		.from(users)
		.where(inArray(users.id, ids.slice(0, MAX)))
		.all()
		.map((u) => u.email)
		.filter((e): e is string => !!e);
}

export function bulkAddToGroup(actorId: string, group: Group, ids: string[]): MembersResult {
	return addMembers(actorId, group, emailsOf(ids));
}

/** Disables each account it may (never one's own, never the last admin); returns how many and who was skipped. */
export function bulkDisable(actorId: string, ids: string[]): { disabled: number; skipped: number } {
	let disabled = 0;
	let skipped = 0;
	for (const id of new Set(ids.slice(0, MAX))) {
		const result = setUserDisabled(actorId, id, true);
		if (result.ok) disabled++;
		else skipped++;
	}
	return { disabled, skipped };
}
