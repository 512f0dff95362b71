import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	afterCollection,
	CHECK_EVERY_MS,
	DEFAULT_SOFT_LIMIT_MB,
	initialState,
	MAX_WAIT_MS,
	memoryReducingCollection,
	MIN_FREED_MB,
	MIN_WAIT_MS,
	QUIET_CPU_SHARE,
	shouldCollect,
	softLimitMb,
	startMemoryGuard
} from '$lib/server/memory-guard';

describe('the soft limit from the environment', () => {
	it('is 150 MB unless set, off at 0, and the default for what is not a sensible number', () => {
		expect(softLimitMb({})).toBe(DEFAULT_SOFT_LIMIT_MB);
		expect(softLimitMb({ MEMORY_SOFT_LIMIT_MB: '0' })).toBe(0);
		expect(softLimitMb({ MEMORY_SOFT_LIMIT_MB: ' 256 ' })).toBe(256);
		expect(softLimitMb({ MEMORY_SOFT_LIMIT_MB: '180.7' })).toBe(180);
		for (const bad of ['', 'abc', '-5', '10', 'Infinity', '1e400'])
			expect(softLimitMb({ MEMORY_SOFT_LIMIT_MB: bad }), bad).toBe(DEFAULT_SOFT_LIMIT_MB);
	});
});

describe('when the guard collects', () => {
	it('only above the limit, when the server is quiet, and not before its wait is over', () => {
		const state = { notBefore: 5_000, wait: MIN_WAIT_MS };
		expect(shouldCollect(151, 150, 0.05, 5_000, state)).toBe(true);
		expect(shouldCollect(150, 150, 0.05, 5_000, state)).toBe(false);
		expect(shouldCollect(300, 150, QUIET_CPU_SHARE, 5_000, state)).toBe(false);
		expect(shouldCollect(300, 150, 0.05, 4_999, state)).toBe(false);
	});

	it('waits twice as long after each collection that freed little, at most a minute', () => {
		let state = initialState();
		const waits: number[] = [];
		for (let i = 0; i < 8; i++) {
			state = afterCollection(MIN_FREED_MB - 1, 0, state);
			waits.push(state.wait);
		}
		expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, MAX_WAIT_MS, MAX_WAIT_MS, MAX_WAIT_MS]);
		expect(afterCollection(MIN_FREED_MB, 10_000, state)).toEqual({
			notBefore: 10_000 + MIN_WAIT_MS,
			wait: MIN_WAIT_MS
		});
	});
});

describe('the running guard', () => {
	afterEach(() => vi.useRealTimers());

	it('collects when memory is above the limit and the server is quiet, then waits, and stops when told', () => {
		vi.useFakeTimers();
		let rss = 100;
		let [cpu, last, busy] = [0, Date.now(), false];
		// Busy: the process used all the time since on the CPU; quiet: a tenth of it.
		const cpuMs = () => {
			cpu += (Date.now() - last) * (busy ? 1 : 0.1);
			last = Date.now();
			return cpu;
		};
		const collect = vi.fn(() => (rss = 120));
		const stop = startMemoryGuard({ limitMb: 150, rssMb: () => rss, cpuMs, collect, now: () => Date.now() });
		vi.advanceTimersByTime(CHECK_EVERY_MS * 4);
		expect(collect).not.toHaveBeenCalled();
		// Above the limit during a burst: no pause for the requests in flight.
		rss = 190;
		busy = true;
		vi.advanceTimersByTime(CHECK_EVERY_MS * 8);
		expect(collect).not.toHaveBeenCalled();
		// Quiet again: memory goes back.
		busy = false;
		vi.advanceTimersByTime(CHECK_EVERY_MS);
		expect(collect).toHaveBeenCalledTimes(1);
		// It freed 70 MB: the next may come a second later, not sooner.
		rss = 190;
		vi.advanceTimersByTime(MIN_WAIT_MS - CHECK_EVERY_MS);
		expect(collect).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(CHECK_EVERY_MS);
		expect(collect).toHaveBeenCalledTimes(2);
		stop();
		rss = 500;
		vi.advanceTimersByTime(MAX_WAIT_MS);
		expect(collect).toHaveBeenCalledTimes(2);
	});

	it('does nothing when switched off', () => {
		vi.useFakeTimers();
		const collect = vi.fn();
		startMemoryGuard({ limitMb: 0, rssMb: () => 1_000, cpuMs: () => 0, collect });
		vi.advanceTimersByTime(MAX_WAIT_MS);
		expect(collect).not.toHaveBeenCalled();
	});
});

describe('the memory-reducing collection', () => {
	it('gives the pages of collected garbage back to the system, which an ordinary collection does not', () => {
		const rssMb = () => process.memoryUsage.rss() / 2 ** 20;
		const collect = memoryReducingCollection();
		collect();
		const before = rssMb();
		let garbage: unknown[] | null = [];
		for (let round = 0; round < 30; round++) {
			const batch = Array.from({ length: 20_000 }, (_, i) => ({ text: `${'x'.repeat(40)}${i}`, pair: [i, round] }));
			garbage.push(batch);
			if (garbage.length > 3) garbage.shift();
		}
		garbage = null;
		const grown = rssMb();
		expect(grown - before).toBeGreaterThan(20);
		collect();
		expect(rssMb()).toBeLessThan(before + (grown - before) / 2);
	});
});
