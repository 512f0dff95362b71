// Autosave order (pure, so it is unit-tested): each change of a question gets a number that grows with time, and
// one question's saves go out one after another. While a save is on its way, later changes of the same question
// wait, and only the newest of them is sent; other questions do not wait. The server ignores a save whose number
// is smaller than the stored one, so even requests that overtake each other cannot bring back an older answer.

export interface QueuedSave {
	questionId: string;
	value: unknown;
	/** When the change was made, in the server's clock as the page estimates it (ms), strictly growing. */
	seq: number;
}

/**
 * `send` performs one save (its failures are its own to report); `clock` estimates the server's time, e.g. the
 * server's time at page load plus the monotonic time elapsed since.
 */
export function createSaveQueue(send: (save: QueuedSave) => Promise<void>, clock: () => number) {
	let lastSeq = 0;
	const pending = new Map<string, QueuedSave>();
	const running = new Map<string, Promise<void>>();

	async function drain(questionId: string) {
		for (let next = pending.get(questionId); next; next = pending.get(questionId)) {
			pending.delete(questionId);
			try {
				await send(next);
			} catch {
				// send reports its own failures; the queue goes on with newer changes.
			}
		}
		running.delete(questionId);
	}

	return {
		/** Records a change now and sends it as soon as the question's previous save is done. */
		change(questionId: string, value: unknown): Promise<void> {
			lastSeq = Math.max(Math.floor(clock()), lastSeq + 1);
			pending.set(questionId, { questionId, value, seq: lastSeq });
			let run = running.get(questionId);
			if (!run) {
				run = drain(questionId);
				running.set(questionId, run);
			}
			return run;
		},
		/** Resolves when every queued save has been sent. */
		idle(): Promise<void> {
			return Promise.all(running.values()).then(() => undefined);
		}
	};
}
