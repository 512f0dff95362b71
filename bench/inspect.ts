// The server's own view of its memory during a run (`--heap`): the harness starts it with an inspector on
// 127.0.0.1 and asks it, over the DevTools protocol, for process.memoryUsage() and heap snapshots. Resident size
// alone does not say whether the JS heap, V8 keeping freed pages, or native memory holds it.
import { writeFileSync } from 'node:fs';

export interface MemoryUsage {
	rss: number;
	heapTotal: number;
	heapUsed: number;
	external: number;
	arrayBuffers: number;
	/** Committed size of each V8 heap space (new_space, old_space, ...), MB. */
	spaces: Record<string, number>;
}

export interface Inspector {
	memory(): Promise<MemoryUsage>;
	/** Writes a .heapsnapshot (open it in Chrome DevTools, Memory tab). */
	snapshot(path: string): Promise<void>;
	close(): void;
}

export async function connectInspector(port: number): Promise<Inspector> {
	const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
		webSocketDebuggerUrl: string;
	}[];
	const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
	await new Promise((resolve, reject) => {
		ws.onopen = resolve;
		ws.onerror = reject;
	});
	let nextId = 0;
	const pending = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
	const chunks: string[] = [];
	ws.onmessage = (event) => {
		const message = JSON.parse(String(event.data));
		if (message.id !== undefined) pending.get(message.id)?.(message);
		else if (message.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(message.params.chunk);
	};
	const send = (method: string, params: object = {}) =>
		new Promise<{ result?: unknown; error?: unknown }>((resolve) => {
			const id = ++nextId;
			pending.set(id, (m) => {
				pending.delete(id);
				resolve(m);
			});
			ws.send(JSON.stringify({ id, method, params }));
		});
	return {
		async memory() {
			const expression = `JSON.stringify({ ...process.memoryUsage(), spaces: Object.fromEntries(process
				.getBuiltinModule('v8').getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size])) })`;
			const answer = await send('Runtime.evaluate', { expression });
			const value = (answer.result as { result: { value: string } }).result.value;
			const { spaces, ...bytes } = JSON.parse(value) as Record<string, number> & { spaces: Record<string, number> };
			const mb = (o: Record<string, number>) =>
				Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v / 2 ** 20)]));
			return { ...mb(bytes), spaces: mb(spaces) } as unknown as MemoryUsage;
		},
		async snapshot(path) {
			chunks.length = 0;
			await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
			writeFileSync(path, chunks.join(''));
		},
		close: () => ws.close()
	};
}
