// The quiz page's autosave queue (issue 14): per question one save at a time, newest change last, growing numbers.
import { describe, expect, it } from 'vitest';
import {
	createSaveQueue,
	type QueuedSave
} from '../../src/routes/(app)/courses/[course]/quiz/[quiz]/[attempt]/save-queue';

function harness(clockValue = () => 1000) {
	const sent: QueuedSave[] = [];
	const open: Array<() => void> = [];
	const queue = createSaveQueue(
		(save) =>
			new Promise<void>((resolve) => {
				sent.push(save);
				open.push(resolve);
			}),
		clockValue
	);
	const finishOne = async () => {
		open.shift()?.();
		await new Promise((r) => setTimeout(r, 0));
	};
	return { sent, open, queue, finishOne };
}

describe('autosave queue', () => {
	it('sends one save per question at a time and only the newest of the changes made meanwhile', async () => {
		const { sent, open, queue, finishOne } = harness();
		void queue.change('q1', 'a');
		void queue.change('q1', 'b');
		void queue.change('q1', 'c');
		void queue.change('q2', 'x');
		// q1's first save and q2's save are on their way; q1's later changes wait.
		expect(sent.map((s) => [s.questionId, s.value])).toEqual([
			['q1', 'a'],
			['q2', 'x']
		]);
		expect(open).toHaveLength(2);
		await finishOne();
		expect(sent.map((s) => s.value)).toEqual(['a', 'x', 'c']);
		while (open.length > 0) await finishOne();
		await queue.idle();
		expect(sent).toHaveLength(3);
	});

	it('numbers changes in the order they were made, strictly growing even when the clock stands still', async () => {
		const { sent, queue, finishOne, open } = harness(() => 5000.7);
		void queue.change('q1', 'a');
		void queue.change('q2', 'b');
		await finishOne();
		void queue.change('q1', 'c');
		while (open.length > 0) await finishOne();
		expect(sent.map((s) => s.seq)).toEqual([5000, 5001, 5002]);
	});

	it('goes on after a failed save', async () => {
		const sent: unknown[] = [];
		const queue = createSaveQueue(async (save) => {
			sent.push(save.value);
			if (save.value === 'a') throw new Error('offline');
		}, Date.now);
		void queue.change('q1', 'a');
		void queue.change('q1', 'b');
		await queue.idle();
		expect(sent).toEqual(['a', 'b']);
	});
});
