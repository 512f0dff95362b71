// The public list of trainings: each training's days and free seats, read for all trainings at once.
import { beforeEach, describe, expect, it } from 'vitest';
import { addTrainingDay } from '$lib/server/trainings/manage';
import { upcomingTrainings } from '$lib/server/trainings/catalogue';
import { registerForTraining } from '$lib/server/trainings/registrations';
import { card, DAY, makeTraining, ORIGIN, resetTrainings } from './trainings-fixtures';

describe('the public training list', () => {
	beforeEach(() => resetTrainings());

	it('gives every training its own span and free seats, soonest first, and leaves out the ones over', () => {
		const now = Date.now();
		const later = makeTraining({ title: 'Misja gospodarcza', seats: 3 }, { inDays: 40, now });
		const sooner = makeTraining({ title: 'Protokół w gminie', seats: 2 }, { inDays: 10, now });
		makeTraining({ title: 'Szkolenie, które już było' }, { inDays: -5, now });
		// A second day for the later one: its span ends a day after it starts.
		const start = new Date(now + 41 * DAY);
		start.setUTCHours(9, 0, 0, 0);
		addTrainingDay(
			later.adminId,
			later.id,
			{ startsAt: start, endsAt: new Date(start.getTime() + 6 * 3600_000), programme: [] },
			ORIGIN,
			now
		);
		for (const n of [1, 2, 3]) registerForTraining(sooner.id, card(n), { origin: ORIGIN, now });
		registerForTraining(later.id, card(4), { origin: ORIGIN, now });

		const list = upcomingTrainings(now);
		expect(list.map((t) => t.slug)).toEqual([sooner.slug, later.slug]);
		// Two seats, three cards: full (the third waits), and the other training's registration is not counted here.
		expect(list[0]).toMatchObject({ seatsLeft: 0, open: true });
		expect(list[1]).toMatchObject({ seatsLeft: 2, open: true });
		expect(list[1].end!.getTime() - list[1].start!.getTime()).toBe(DAY + 6 * 3600_000);
	});
});
