// Who is printed on a session's sign-in sheet: for a training day the confirmed registrants (whether or not they
// have an account yet), for any other session the group's members. Sorted by surname as the list is read aloud.
import { and, eq } from 'drizzle-orm';
import { groupMemberRows } from '../groups/groups';
import { getDb } from '../db';
import { trainingRegistrations } from '../db/schema';
import { trainingOfSession } from './catalogue';

export function sheetPeople(liveSessionId: string, groupId: string): { name: string; office: string }[] {
	const link = trainingOfSession(liveSessionId);
	if (link) {
		return getDb()
			.select()
			.from(trainingRegistrations)
			.where(and(eq(trainingRegistrations.trainingId, link.training.id), eq(trainingRegistrations.status, 'confirmed')))
			.all()
			.sort((a, b) => a.lastName.localeCompare(b.lastName, 'pl') || a.firstName.localeCompare(b.firstName, 'pl'))
			.map((r) => ({ name: `${r.firstName} ${r.lastName}`, office: r.office }));
	}
	return groupMemberRows(groupId).map((m) => ({ name: m.name || m.email || '', office: m.organisation }));
}

/**
 * The sheet's session line under the training's title: a training day's session is named "<title> — dzień 1",
 * so only "Dzień 1" is left (the title was printed twice); any other session keeps its own name.
 */
export function sheetSessionLabel(trainingTitle: string | undefined, sessionTitle: string): string {
	if (!trainingTitle || !sessionTitle.startsWith(trainingTitle)) return sessionTitle;
	const rest = /^\s*[—–-]\s*(.+)$/.exec(sessionTitle.slice(trainingTitle.length))?.[1];
	if (!rest) return sessionTitle === trainingTitle ? '' : sessionTitle;
	return rest.charAt(0).toLocaleUpperCase('pl') + rest.slice(1);
}
