// Who may see (and manage) a group: the one rule, used by every page, list and export that shows a group.
// An admin sees every group, a trainer the groups they train (group_trainers), anyone else none (403).
// Unknown groups are 404.
import { error, type RequestEvent } from '@sveltejs/kit';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { requireApiUser, requireRole } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { getCourse, type Course } from '../content';
import { getDb } from '../db';
import { groupMembers, groups, groupTrainers, users, type Group } from '../db/schema';

type GuardEvent = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

export interface GroupAccess {
	user: SessionUser;
	group: Group;
	course: Course | undefined;
}

type Viewer = Pick<SessionUser, 'id' | 'role'>;

/** An admin sees (and manages) every group; a trainer only the groups they are listed on; nobody else any. */
export function canSeeGroup(viewer: Viewer, groupId: string): boolean {
	if (viewer.role === 'admin') return true;
	if (viewer.role !== 'trainer') return false;
	return !!getDb()
		.select({ g: groupTrainers.groupId })
		.from(groupTrainers)
		.where(and(eq(groupTrainers.groupId, groupId), eq(groupTrainers.userId, viewer.id)))
		.get();
}

/** The same rule as a SQL condition on a column holding group ids, for queries that list many groups. */
export function visibleGroupsCondition(viewer: Viewer, groupIdColumn: SQL): SQL {
	if (viewer.role === 'admin') return sql`1`;
	if (viewer.role !== 'trainer') return sql`0`;
	return sql`${groupIdColumn} IN (SELECT group_id FROM group_trainers WHERE user_id = ${viewer.id})`;
}

function checkGroup(user: SessionUser, groupId: string | undefined): GroupAccess {
	const group = groupId ? getDb().select().from(groups).where(eq(groups.id, groupId)).get() : undefined;
	if (!group) error(404, { message: 'not found' });
	if (!canSeeGroup(user, group.id)) error(403, { message: 'forbidden' });
	return { user, group, course: getCourse(group.courseSlug) };
}

/** For pages: anonymous visitors are sent to sign in. */
export function requireGroupAccess(event: GuardEvent): GroupAccess {
	return checkGroup(requireRole(event, 'trainer', 'admin'), event.params.group);
}

/** For +server exports: 401 for anonymous callers, no redirect. */
export function requireGroupApiAccess(event: GuardEvent): GroupAccess {
	return checkGroup(requireApiUser(event, 'trainer', 'admin'), event.params.group);
}

/** A learner of this group (the id in the URL), or 404: a trainer never reaches learners outside their groups. */
export function requireGroupMember(groupId: string, userId: string | undefined) {
	const row = userId
		? getDb()
				.select({ id: users.id, name: users.name, email: users.email, organisation: users.organisation })
				.from(groupMembers)
				.innerJoin(users, eq(users.id, groupMembers.userId))
				.where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
				.get()
		: undefined;
	if (!row) error(404, { message: 'not found' });
	return row;
}
