import { describe, expect, it } from 'vitest';
import { countTicks } from '../../src/lib/axis';

describe('countTicks (score chart y-axis)', () => {
	it('gives whole, evenly spaced ticks from 0 to a top at or above the maximum', () => {
		expect(countTicks(3)).toEqual({ ticks: [0, 1, 2, 3], top: 3 });
		expect(countTicks(0)).toEqual({ ticks: [0, 1], top: 1 });
		expect(countTicks(7)).toEqual({ ticks: [0, 2, 4, 6, 8], top: 8 });
		expect(countTicks(13)).toEqual({ ticks: [0, 5, 10, 15], top: 15 });
		expect(countTicks(240)).toEqual({ ticks: [0, 50, 100, 150, 200, 250], top: 250 });
	});

	it('never gives uneven or fractional ticks', () => {
		for (let max = 0; max <= 1000; max++) {
			const { ticks, top } = countTicks(max);
			expect(top).toBeGreaterThanOrEqual(max);
			expect(ticks.length).toBeLessThanOrEqual(6);
			const step = ticks[1] - ticks[0];
			ticks.forEach((t, i) => expect(t).toBe(i * step));
		}
	});
});
