// The background load beside a scenario (bench/run.ts): requests at an even pace, one every 1/rate s, whether or
// not earlier ones were answered (an open loop, as independent visitors arrive). autocannon's rate is a closed
// loop per connection: each connection sends its share back to back at the start of every second and waits for
// each answer, so the arrivals come in bursts and a slow answer lowers the rate the generator reaches.
// Usage: node bench/paced.js <spec.json>   (prints one JSON result line on stdout, in bench/load.js's shape)
import http from 'node:http';
import { readFileSync } from 'node:fs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const origin = new URL(spec.origin);
if (origin.hostname !== '127.0.0.1') throw new Error('the load generator only targets 127.0.0.1');
if (!(spec.overallRate > 0) || !Array.isArray(spec.requests) || spec.requests.length === 0)
	throw new Error('a rate and requests are needed');

const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
const durationMs = spec.duration * 1000;
const latencies = []; // answers that came within the run
const statuses = {};
// For the queue: the answer times of the requests sent in the first and in the last second (one of the last second
// still unanswered after the wait in finish() counts as answered then), and how many were open when the run ended.
const firstSecond = [];
const lastSecond = [];
let openAtEnd = null;
let sent = 0;
let errors = 0;
let timeouts = 0;
let open = 0;
const started = performance.now();
const interval = 1000 / spec.overallRate;

function send() {
	const r = spec.requests[sent++ % spec.requests.length];
	const at = performance.now() - started;
	open++;
	let settled = false;
	let timedOut = false;
	// Every request ends here exactly once: answered in full, failed, or timed out (also after its headers came).
	const settle = (status) => {
		if (settled) return;
		settled = true;
		open--;
		const now = performance.now() - started;
		if (status === undefined) {
			if (timedOut) timeouts++;
			else errors++;
			return;
		}
		statuses[status] = (statuses[status] ?? 0) + 1;
		if (now <= durationMs) latencies.push(now - at);
		if (at < 1000) firstSecond.push(now - at);
		if (at >= durationMs - 1000) lastSecond.push(now - at);
	};
	const req = http.request(
		{ agent, host: origin.hostname, port: origin.port, method: r.method, path: r.path, headers: r.headers ?? {} },
		(res) => {
			res.resume();
			res.on('end', () => settle(res.statusCode));
			res.on('close', () => settle(res.complete ? res.statusCode : undefined));
		}
	);
	req.setTimeout(10_000, () => {
		timedOut = true;
		req.destroy();
	});
	req.on('error', () => settle(undefined));
	req.on('close', () => settle(undefined));
	req.end(r.body);
}

// Each request at its own time from the start, so a late timer does not shift the ones after it.
function tick() {
	const elapsed = performance.now() - started;
	const due = Math.min(Math.floor(elapsed / interval) + 1, Math.round(spec.duration * spec.overallRate));
	while (sent < due) send();
	if (elapsed < durationMs) setTimeout(tick, interval / 2);
	else finish();
}

function finish() {
	openAtEnd = open;
	// Answers still open at the end are waited for (up to 10 s) for the last second's figure, not for the rate.
	const waitUntil = performance.now() + 10_000;
	const poll = setInterval(() => {
		if (open > 0 && performance.now() < waitUntil) return;
		clearInterval(poll);
		const quantile = (list, q) => {
			if (list.length === 0) return null;
			const sorted = [...list].sort((a, b) => a - b);
			return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
		};
		// Unanswered requests of the last second count as at least as slow as the wait: a queue cannot look short.
		const waited = performance.now() - started;
		const lastSecondAll = [...lastSecond, ...Array.from({ length: open }, () => waited - (durationMs - 500))];
		const non2xx = Object.entries(statuses)
			.filter(([code]) => !code.startsWith('2'))
			.reduce((n, [, count]) => n + count, 0);
		console.log(
			JSON.stringify({
				requests: latencies.length,
				sent,
				seconds: spec.duration,
				rps: latencies.length / spec.duration,
				p50: quantile(latencies, 0.5) ?? 0,
				p99: quantile(latencies, 0.99) ?? 0,
				max: Math.round(Math.max(0, ...latencies)),
				non2xx,
				actionFailures: 0,
				errors,
				timeouts: timeouts + open,
				statuses,
				queue: {
					firstSecondP50: quantile(firstSecond, 0.5),
					lastSecondP50: quantile(lastSecondAll, 0.5),
					openAtEnd,
					unanswered: open
				}
			})
		);
		agent.destroy();
		process.exit(0);
	}, 50);
}

tick();
