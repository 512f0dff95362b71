// The one gate of every trainer page and export: a trainer sees only groups they train (group_trainers), an
// admin sees every group, anyone else gets 403. Unknown groups are 404.
import { error, type RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
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

export function canSeeGroup(user: SessionUser, groupId: string): boolean {
	if (user.role === 'admin') return true;
	if (user.role !== 'trainer') return false;
	return !!getDb()
		.select({ g: groupTrainers.groupId })
		.from(groupTrainers)
		.where(and(eq(groupTrainers.groupId, groupId), eq(groupTrainers.userId, user.id)))
		.get();
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
