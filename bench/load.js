// The load generator, run by bench/run.ts as its own process (never inside the server's): autocannon against
// 127.0.0.1 with a list of requests taken in turn across all connections, so every autosave writes a
// different (attempt, question) and every submit finishes a different attempt.
// Usage: node bench/load.js <spec.json>   (prints one JSON result line on stdout)
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const origin = new URL(spec.origin);
if (origin.hostname !== '127.0.0.1') throw new Error('the load generator only targets 127.0.0.1');
if (!Array.isArray(spec.requests) || spec.requests.length === 0) throw new Error('no requests');

let next = 0;
let sampleFailure;
let actionFailures = 0;

const instance = autocannon(
	{
		url: origin.origin,
		connections: spec.connections,
		duration: spec.duration,
		// A budget of requests (writes): the run ends at whichever of the two limits comes first.
		...(spec.amount ? { amount: spec.amount } : {}),
		// A fixed rate (requests per second over all connections), for a background load beside a scenario.
		...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
		timeout: 10,
		requests: [
			{
				setupRequest(request) {
					const r = spec.requests[next++ % spec.requests.length];
					return { ...request, method: r.method, path: r.path, headers: r.headers ?? {}, body: r.body };
				},
				// Keeping bodies costs the load generator CPU, so only small (write) responses are sampled.
				...(spec.sampleFailures
					? {
							onResponse(status, body) {
								// A form action answers fail() with HTTP 200 and {"type":"failure"}: that is an error too.
								const failed = status < 200 || status > 299 || /^\{"type":"(failure|error)"/.test(String(body));
								if (!failed) return;
								if (status >= 200 && status <= 299) actionFailures++;
								sampleFailure ??= `${status} ${String(body).slice(0, 300)}`;
							}
						}
					: {})
			}
		]
	},
	(error, result) => {
		clearTimeout(hardStop);
		if (error) {
			console.error(error);
			process.exit(1);
		}
		const total = result.requests.total;
		console.log(
			JSON.stringify({
				requests: total,
				sent: next,
				seconds: result.duration,
				rps: total / result.duration,
				p50: result.latency.p50,
				p99: result.latency.p99,
				max: result.latency.max,
				non2xx: result.non2xx,
				actionFailures,
				errors: result.errors,
				timeouts: result.timeouts,
				statuses: Object.fromEntries(
					Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count])
				),
				sampleFailure
			})
		);
		process.exit(0);
	}
);

// Bounded in time: autocannon ignores `duration` when given an `amount`, so a write run is stopped at its
// duration here; and any run is stopped (and reported) if the server stops answering.
const hardStop = setTimeout(() => instance.stop(), (spec.amount ? spec.duration : spec.duration + 30) * 1000);
process.on('SIGTERM', () => instance.stop());
process.on('SIGINT', () => instance.stop());
