import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { attendanceCounts, ownAttendance, saveAttendance } from '$lib/server/groups/attendance';
import { getDb } from '$lib/server/db';
import { groupMembers, invitations, trainingDays, trainingRegistrations, trainings } from '$lib/server/db/schema';
import { enrolConfirmed } from '$lib/server/trainings/manage';
import { programmePdf, signInSheetPdf } from '$lib/server/trainings/pdf';
import { registerForTraining } from '$lib/server/trainings/registrations';
import { sheetPeople, sheetSessionLabel } from '$lib/server/trainings/sheet';
import { card, DAY, makeTraining, ORIGIN, resetTrainings } from './trainings-fixtures';
import { insertUser } from './db-helpers';

beforeEach(resetTrainings);

function sessionOf(trainingId: string) {
	const day = getDb().select().from(trainingDays).where(eq(trainingDays.trainingId, trainingId)).get()!;
	const training = getDb().select().from(trainings).where(eq(trainings.id, trainingId)).get()!;
	return { sessionId: day.liveSessionId!, groupId: training.groupId, startsAt: day.startsAt.getTime() };
}

describe('training participants become learners, attendance goes somewhere', () => {
	it('matches existing accounts by e-mail and invites the others, once', () => {
		const { id, adminId } = makeTraining();
		registerForTraining(id, card('a'), { origin: ORIGIN });
		registerForTraining(id, card('b'), { origin: ORIGIN });
		const userA = insertUser({ email: 'osobaa@gmina.test' });
		expect(enrolConfirmed(adminId, id, ORIGIN)).toEqual({ added: 1, invited: 1, already: 0 });
		expect(enrolConfirmed(adminId, id, ORIGIN)).toEqual({ added: 0, invited: 0, already: 2 });
		const { groupId } = sessionOf(id);
		expect(getDb().select().from(groupMembers).where(eq(groupMembers.groupId, groupId)).all()).toEqual([
			expect.objectContaining({ userId: userA })
		]);
		expect(getDb().select().from(invitations).where(eq(invitations.email, 'osobab@gmina.test')).get()?.groupId).toBe(
			groupId
		);
		const regA = getDb()
			.select()
			.from(trainingRegistrations)
			.where(eq(trainingRegistrations.email, 'osobaa@gmina.test'))
			.get();
		expect(regA?.userId).toBe(userA);
	});

	it('refuses attendance before the session starts, counts it after, and shows it to the learner', () => {
		const { id, adminId } = makeTraining();
		registerForTraining(id, card('a'), { origin: ORIGIN });
		const userA = insertUser({ email: 'osobaa@gmina.test' });
		enrolConfirmed(adminId, id, ORIGIN);
		const { sessionId, groupId, startsAt } = sessionOf(id);
		expect(saveAttendance(adminId, sessionId, groupId, [userA], startsAt - 60_000)).toBeNull();
		expect(attendanceCounts(groupId, startsAt - 60_000).get(userA)).toEqual({ attended: 0, held: 0 });
		expect(saveAttendance(adminId, sessionId, groupId, [userA], startsAt + 60_000)).toBe(1);
		expect(attendanceCounts(groupId, startsAt + DAY).get(userA)).toEqual({ attended: 1, held: 1 });
		expect(ownAttendance(userA, startsAt + DAY)).toEqual([expect.objectContaining({ attended: true })]);
	});

	it('prints the confirmed registrants on the sign-in sheet, and both PDFs render with Polish letters', async () => {
		const { id } = makeTraining({ seats: 1 });
		registerForTraining(id, card('a', { firstName: 'Łucja', lastName: 'Żółkiewska' }), { origin: ORIGIN });
		registerForTraining(id, card('b'), { origin: ORIGIN }); // waitlisted: not on the sheet
		const { sessionId, groupId } = sessionOf(id);
		const people = sheetPeople(sessionId, groupId);
		expect(people).toEqual([{ name: 'Łucja Żółkiewska', office: 'Urząd Gminy Testowo' }]);
		const labels = {
			sheet: 'Lista obecności',
			no: 'Lp.',
			name: 'Imię i nazwisko',
			office: 'Urząd',
			signature: 'Podpis'
		};
		const many = Array.from({ length: 40 }, (_, i) => ({ name: `Osoba ${i}`, office: 'Urząd Gminy Gęślice' }));
		const sheet = await signInSheetPdf(
			{ title: 'Szkolenie', session: 'Dzień 1', when: 'dziś', place: 'Kraków', people: [...people, ...many], labels },
			new Date(0)
		);
		expect(Buffer.from(sheet.subarray(0, 5)).toString()).toBe('%PDF-');
		const programme = await programmePdf(
			{
				title: 'Szkolenie',
				place: 'Kraków',
				days: [
					{
						heading: 'Dzień 1',
						hours: '09:00–15:00',
						items: [{ time: '09:00–10:30', topic: 'Precedencja', trainer: 'Tomasz' }]
					}
				],
				labels: { programme: 'Program', place: 'Miejsce', time: 'Godziny', topic: 'Temat', trainer: 'Prowadzący' }
			},
			new Date(0)
		);
		expect(Buffer.from(programme.subarray(0, 5)).toString()).toBe('%PDF-');
	});
});

describe('the sign-in sheet heading', () => {
	it('prints the training title once: its day session is named by the day', () => {
		const title = 'Wizyta delegacji zagranicznej: przygotowanie i przebieg';
		expect(sheetSessionLabel(title, `${title} — dzień 1`)).toBe('Dzień 1');
		expect(sheetSessionLabel(undefined, 'Spotkanie grupy')).toBe('Spotkanie grupy');
		expect(sheetSessionLabel(title, 'Spotkanie grupy')).toBe('Spotkanie grupy');
		expect(sheetSessionLabel('Kurs', 'Kursy zaawansowane')).toBe('Kursy zaawansowane');
	});
});
