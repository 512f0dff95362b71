// Demo data for groups: the pilot group the trainer views and attendance pages show in the quick start.
import { enrollments, groupMembers, groupTrainers, groups, liveSessions } from '../db/schema';
import { getDb } from '../db';
import { randomId } from '../ids';

/** The trainer-views feature looks this group up by name: keep it exactly. */
export const DEMO_GROUP_NAME = 'Grupa pilotażowa — Małopolska';
const DAY = 24 * 60 * 60 * 1000;

/** Ten in the morning, `days` from now (UTC; the date matters, not the minute). */
function morningIn(days: number, now: number): Date {
	const d = new Date(now + days * DAY);
	d.setUTCHours(9, 0, 0, 0);
	return d;
}

export function seedDemoGroup(ids: { trainer: string; learner: string }, now = Date.now()) {
	const groupId = randomId();
	const courseSlug = 'protokol-dyplomatyczny';
	getDb().transaction((tx) => {
		tx.insert(groups).values({ id: groupId, name: DEMO_GROUP_NAME, courseSlug }).run();
		tx.insert(groupTrainers).values({ groupId, userId: ids.trainer }).run();
		tx.insert(groupMembers).values({ groupId, userId: ids.learner }).run();
		tx.insert(enrollments).values({ userId: ids.learner, courseSlug }).onConflictDoNothing().run();
		tx.insert(liveSessions)
			.values([
				{
					id: randomId(),
					groupId,
					title: 'Spotkanie 1: precedencja w praktyce',
					startsAt: morningIn(14, now),
					place: 'Kraków, Urząd Marszałkowski, sala 201',
					dueModules: ['podstawy-prawne', 'precedencja-i-tytulatura']
				},
				{
					id: randomId(),
					groupId,
					title: 'Spotkanie 2: wizyta delegacji i przyjęcie',
					startsAt: morningIn(42, now),
					place: 'Tarnów, Starostwo Powiatowe, sala konferencyjna',
					dueModules: ['symbole-panstwowe', 'wizyta-delegacji', 'przyjecia']
				}
			])
			.run();
	});
	return groupId;
}
