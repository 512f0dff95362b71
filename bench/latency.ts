// "Server time" of a page: its requests sent one after another on one keep-alive connection (nothing queues), each
// timed from the first byte sent to the last byte received, plus the server's CPU per request over the same run.
// That is what one person opening the page waits for, minus the network; the goals "< N ms server time" compare
// against its median. Run from the harness process (not the server's): the loopback adds a few tenths of a ms.
import { Agent, request } from 'node:http';
import type { BenchRequest } from './scenarios';

export interface ServerTime {
	requests: number;
	p50: number;
	p90: number;
	max: number;
	/** Server CPU (user + system) per request over this run, in ms; null when /proc is not readable. */
	cpuPerRequest: number | null;
	/** Status codes seen, e.g. { "200": 120 }. */
	statuses: Record<string, number>;
}

function once(agent: Agent, origin: URL, r: BenchRequest): Promise<{ ms: number; status: number }> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const req = request(
			{
				agent,
				host: origin.hostname,
				port: origin.port,
				method: r.method,
				path: r.path,
				headers: { ...r.headers, ...(r.body ? { 'content-length': Buffer.byteLength(r.body) } : {}) }
			},
			(res) => {
				res.on('data', () => {});
				res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
				res.on('error', reject);
			}
		);
		req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${r.method} ${r.path}`)));
		req.on('error', reject);
		req.end(r.body);
	});
}

/** One request on a fresh connection (the query-plan step): its status and time. */
export async function sendOnce(originText: string, r: BenchRequest): Promise<{ ms: number; status: number }> {
	const agent = new Agent({ keepAlive: false });
	try {
		return await once(agent, new URL(originText), r);
	} finally {
		agent.destroy();
	}
}

const percentile = (sorted: number[], p: number) =>
	sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/** Sends the requests in turn for `seconds` (at most `limit` requests); never run on a write scenario. */
export async function measureServerTime(
	originText: string,
	requests: BenchRequest[],
	cpuMs: () => number | null,
	seconds = 3,
	limit = 400
): Promise<ServerTime> {
	const origin = new URL(originText);
	const agent = new Agent({ keepAlive: true, maxSockets: 1 });
	const times: number[] = [];
	const statuses: Record<string, number> = {};
	try {
		// Two untimed requests: the connection and any first-use cache of the route.
		for (let i = 0; i < Math.min(2, requests.length); i++) await once(agent, origin, requests[i]);
		const cpuBefore = cpuMs();
		const until = performance.now() + seconds * 1000;
		for (let i = 0; performance.now() < until && i < limit; i++) {
			const { ms, status } = await once(agent, origin, requests[i % requests.length]);
			times.push(ms);
			statuses[status] = (statuses[status] ?? 0) + 1;
		}
		const cpuAfter = cpuMs();
		times.sort((a, b) => a - b);
		return {
			requests: times.length,
			p50: percentile(times, 50),
			p90: percentile(times, 90),
			max: times.at(-1) ?? 0,
			cpuPerRequest:
				cpuBefore !== null && cpuAfter !== null && times.length > 0 ? (cpuAfter - cpuBefore) / times.length : null,
			statuses
		};
	} finally {
		agent.destroy();
	}
}
