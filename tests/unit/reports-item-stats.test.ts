import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { correlation, itemStats, scoreDistribution } from '$lib/server/reports/item-stats';

const attempt = (items: Record<string, number>) => ({
	total: Object.values(items).reduce((a, b) => a + b, 0),
	items
});

describe('item statistics (Moodle definitions)', () => {
	it('facility is the mean item score; discrimination correlates the item with the rest of the test', () => {
		// q1: item [1,1,0], rest (total - item) [2,1,0]: r = 1 / sqrt(6/9 * 2) = sqrt(3)/2
		const attempts = [
			attempt({ q1: 1, q2: 1, q3: 1 }),
			attempt({ q1: 1, q2: 1, q3: 0 }),
			attempt({ q1: 0, q2: 0, q3: 0 })
		];
		const [q1] = itemStats(['q1'], attempts);
		expect(q1.n).toBe(3);
		expect(q1.facility).toBeCloseTo(2 / 3, 10);
		expect(q1.discrimination).toBeCloseTo(Math.sqrt(3) / 2, 10);
	});

	it('gives a negative index to an item the weaker learners get right', () => {
		// item [1,1,0,0], rest [1,0,1,1]: sxy = -0.5, sxx = 1, syy = 0.75
		const attempts = [
			attempt({ q1: 1, q2: 1, q3: 0 }),
			attempt({ q1: 1, q2: 0, q3: 0 }),
			attempt({ q1: 0, q2: 0, q3: 1 }),
			attempt({ q1: 0, q2: 1, q3: 0 })
		];
		const [q1] = itemStats(['q1'], attempts);
		expect(q1.facility).toBe(0.5);
		expect(q1.discrimination).toBeCloseTo(-0.5 / Math.sqrt(0.75), 10);
	});

	it('uses partial scores as they are', () => {
		const [q] = itemStats(['q'], [attempt({ q: 0.5, r: 1 }), attempt({ q: 0.25, r: 0 })]);
		expect(q.facility).toBeCloseTo(0.375, 10);
		expect(q.discrimination).toBeCloseTo(1, 10);
	});

	it('leaves discrimination undefined when everyone is right, everyone is wrong, or there is one attempt', () => {
		const allRight = itemStats(['q'], [attempt({ q: 1, r: 1 }), attempt({ q: 1, r: 0 })])[0];
		expect(allRight.facility).toBe(1);
		expect(allRight.discrimination).toBeNull();
		const allWrong = itemStats(['q'], [attempt({ q: 0, r: 1 }), attempt({ q: 0, r: 0 })])[0];
		expect(allWrong.facility).toBe(0);
		expect(allWrong.discrimination).toBeNull();
		const one = itemStats(['q'], [attempt({ q: 1, r: 0 })])[0];
		expect(one.facility).toBe(1);
		expect(one.discrimination).toBeNull();
	});

	it('leaves discrimination undefined when the rest of the test does not vary', () => {
		const [q] = itemStats(['q'], [attempt({ q: 1, r: 1 }), attempt({ q: 0, r: 1 })]);
		expect(q.discrimination).toBeNull();
	});

	it('counts only attempts that showed the question (drawn pools), and none gives no facility', () => {
		const stats = itemStats(['q', 'never'], [attempt({ q: 1, r: 1 }), attempt({ r: 0 }), attempt({ q: 0, r: 0 })]);
		expect(stats[0].n).toBe(2);
		expect(stats[0].facility).toBe(0.5);
		expect(stats[1]).toEqual({ questionId: 'never', n: 0, facility: null, discrimination: null });
	});

	it('keeps facility in 0..1 and discrimination in -1..1 for any scores', () => {
		const score = fc.constantFrom(0, 0.25, 0.5, 1);
		fc.assert(
			fc.property(fc.array(fc.record({ a: score, b: score, c: score }), { maxLength: 30 }), (rows) => {
				for (const s of itemStats(['a', 'b', 'c'], rows.map(attempt))) {
					if (s.facility !== null) expect(s.facility).toBeGreaterThanOrEqual(0);
					if (s.facility !== null) expect(s.facility).toBeLessThanOrEqual(1);
					if (s.discrimination !== null) expect(Math.abs(s.discrimination)).toBeLessThanOrEqual(1);
					if (rows.length < 2) expect(s.discrimination).toBeNull();
				}
			})
		);
	});

	it('correlation is symmetric and undefined for constant series', () => {
		expect(correlation([1, 2, 3], [2, 4, 7])).toBeCloseTo(correlation([2, 4, 7], [1, 2, 3])!, 12);
		expect(correlation([1, 1, 1], [1, 2, 3])).toBeNull();
		expect(correlation([0.1 + 0.2, 0.3, 0.3], [1, 2, 3])).toBeNull();
	});

	it('puts every percent into one of ten bands, 100 % into the last', () => {
		expect(scoreDistribution([0, 9.99, 10, 55, 90, 100])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
		fc.assert(
			fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true })), (ps) => {
				expect(scoreDistribution(ps).reduce((a, b) => a + b, 0)).toBe(ps.length);
			})
		);
	});
});
