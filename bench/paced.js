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
const latencies = [];
// For the queue: the answers to the requests sent in the first and in the last second, and those that came late.
const firstSecond = [];
const lastSecond = [];
let late = 0;
const statuses = {};
let sent = 0;
let errors = 0;
let timeouts = 0;
let open = 0;
const started = performance.now();
const interval = 1000 / spec.overallRate;

function send() {
	const r = spec.requests[sent++ % spec.requests.length];
	const at = performance.now();
	open++;
	const req = http.request(
		{ agent, host: origin.hostname, port: origin.port, method: r.method, path: r.path, headers: r.headers ?? {} },
		(res) => {
			res.resume();
			res.on('end', () => {
				open--;
				statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
				const now = performance.now();
				latencies.push(now - at);
				if (at - started < 1000) firstSecond.push(now - at);
				if (at - started >= (spec.duration - 1) * 1000) lastSecond.push(now - at);
				if (now - started > spec.duration * 1000) late++;
			});
		}
	);
	let timedOut = false;
	req.setTimeout(10_000, () => {
		timedOut = true;
		timeouts++;
		req.destroy();
	});
	req.on('error', () => {
		open--;
		if (!timedOut) errors++;
	});
	req.end(r.body);
}

// Each request at its own time from the start, so a late timer does not shift the ones after it.
function tick() {
	const due = Math.floor((performance.now() - started) / interval) + 1;
	while (sent < due && performance.now() - started < spec.duration * 1000) send();
	if (performance.now() - started < spec.duration * 1000) setTimeout(tick, interval / 2);
	else finish();
}

function finish() {
	// Answers still open at the stop are waited for (up to 10 s): they count, late, rather than vanish.
	const waitUntil = performance.now() + 10_000;
	const poll = setInterval(() => {
		if (open > 0 && performance.now() < waitUntil) return;
		clearInterval(poll);
		const seconds = spec.duration;
		const quantile = (list, q) => {
			const sorted = [...list].sort((a, b) => a - b);
			return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
		};
		const sorted = latencies.sort((a, b) => a - b);
		const at = (q) => quantile(sorted, q);
		const answered = sorted.length;
		const non2xx = Object.entries(statuses)
			.filter(([code]) => !code.startsWith('2'))
			.reduce((n, [, count]) => n + count, 0);
		console.log(
			JSON.stringify({
				requests: answered,
				sent,
				seconds,
				rps: answered / seconds,
				p50: at(0.5),
				p99: at(0.99),
				max: Math.round(sorted.at(-1) ?? 0),
				non2xx,
				actionFailures: 0,
				errors,
				timeouts,
				statuses,
				queue: { firstSecondP50: quantile(firstSecond, 0.5), lastSecondP50: quantile(lastSecond, 0.5), late }
			})
		);
		agent.destroy();
		process.exit(0);
	}, 50);
}

tick();
