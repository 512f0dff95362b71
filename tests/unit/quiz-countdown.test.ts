import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	RELOAD_DELAY_MS,
	announcementDue,
	formatClock,
	msToNextTick,
	resultDue,
	secondsLeft,
	wholeMinutesLeft
} from '../../src/routes/(app)/courses/[course]/quiz/[quiz]/[attempt]/countdown';

const MIN = 60_000;

describe('countdown text', () => {
	it('shows mm:ss, rounding seconds up and never below zero', () => {
		expect(formatClock(12 * MIN + 5_000)).toBe('12:05');
		expect(formatClock(12 * MIN + 4_001)).toBe('12:05');
		expect(formatClock(59_000)).toBe('00:59');
		expect(formatClock(1)).toBe('00:01');
		expect(formatClock(0)).toBe('00:00');
		expect(formatClock(-4_000)).toBe('00:00');
		expect(formatClock(90 * MIN)).toBe('90:00');
	});

	it('reads back as the seconds left, for any time', () => {
		fc.assert(
			fc.property(fc.integer({ min: -10 * MIN, max: 600 * MIN }), (ms) => {
				const match = /^(\d{2,}):([0-5]\d)$/.exec(formatClock(ms));
				expect(match).not.toBeNull();
				expect(Number(match![1]) * 60 + Number(match![2])).toBe(secondsLeft(ms));
			})
		);
	});

	it('gives the server page whole minutes rounded down (never more time than there is)', () => {
		expect(wholeMinutesLeft(12 * MIN + 59_999)).toBe(12);
		expect(wholeMinutesLeft(12 * MIN)).toBe(12);
		expect(wholeMinutesLeft(59_999)).toBe(0);
		expect(wholeMinutesLeft(-MIN)).toBe(0);
	});

	it('ticks exactly when the shown second changes', () => {
		fc.assert(
			fc.property(fc.integer({ min: -10 * MIN, max: 600 * MIN }), (ms) => {
				const wait = msToNextTick(ms);
				expect(wait).toBeGreaterThan(0);
				expect(wait).toBeLessThanOrEqual(1000);
				// Just before the tick the clock still shows the same second; at the tick the next one (above zero).
				expect(secondsLeft(ms - wait + 1)).toBe(secondsLeft(ms));
				if (ms > 0) expect(secondsLeft(ms - wait)).toBe(secondsLeft(ms) - 1);
			})
		);
	});
});

describe('countdown announcements', () => {
	it('speaks when 5 and 1 minutes are crossed, and not on the first tick or at other times', () => {
		expect(announcementDue(null, 4 * MIN)).toBeNull();
		expect(announcementDue(5 * MIN + 500, 5 * MIN - 500)).toBe(5);
		expect(announcementDue(5 * MIN + 1, 5 * MIN)).toBe(5);
		expect(announcementDue(5 * MIN, 5 * MIN - 1000)).toBeNull();
		expect(announcementDue(MIN + 200, MIN - 800)).toBe(1);
		expect(announcementDue(10 * MIN, 9 * MIN)).toBeNull();
		expect(announcementDue(3 * MIN, 2 * MIN)).toBeNull();
		// A laptop woken after both thresholds: only the one still true; after the deadline: neither.
		expect(announcementDue(6 * MIN, 30_000)).toBe(1);
		expect(announcementDue(2 * MIN, -1000)).toBeNull();
	});

	it('says each threshold once on any ticking from above 5 minutes to the deadline', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 5 * MIN + 1, max: 8 * MIN }),
				fc.array(fc.integer({ min: 100, max: 1_500 }), { minLength: 1, maxLength: 50 }),
				(start, steps) => {
					const said: number[] = [];
					let previous: number | null = null;
					let ms = start;
					let i = 0;
					while (ms > -10_000) {
						const due = announcementDue(previous, ms);
						if (due !== null) said.push(due);
						previous = ms;
						ms -= steps[i++ % steps.length];
					}
					// Ticks of up to 1.5 s (a busy tab) never jump over both thresholds at once.
					expect(said).toEqual([5, 1]);
				}
			)
		);
	});
});

describe('fetching the result', () => {
	it('waits for the deadline, the server grace and a margin', () => {
		const grace = 5_000;
		expect(resultDue(0, grace)).toBe(false);
		expect(resultDue(-grace, grace)).toBe(false);
		expect(resultDue(-(grace + RELOAD_DELAY_MS) + 1, grace)).toBe(false);
		expect(resultDue(-(grace + RELOAD_DELAY_MS), grace)).toBe(true);
		expect(RELOAD_DELAY_MS).toBeGreaterThan(0);
	});
});
