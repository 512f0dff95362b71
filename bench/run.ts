// `npm run bench -- --size 10000`: builds the production server, generates a data set into a throw-away
// database, starts the server on 127.0.0.1, drives it with autocannon in a separate process, stops everything
// it started and prints one table (also written to bench/out/). See docs/PERFORMANCE.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/lib/server/db';
import { parseArgs, selected } from './args';
import { countResponses, countSubmitted, prepareFixtures, registrationCounts } from './fixtures';
import { measureServerTime } from './latency';
import { generateDataset, loadCourses } from './generate';
import { weighPage, type PageWeight } from './page-weight';
import {
	cpuMs,
	installExitHandlers,
	onCleanup,
	rssMb,
	runLoad,
	startServer,
	stopAll,
	type LoadResult
} from './processes';
import { COLD_START_PROBE, scenarios, SESSION_COOKIE, tracedPages, weighedPages, type Scenario } from './scenarios';
import { explainTraced, tracePages, type QueryPlan } from './explain';
import { formatReport, type ScenarioResult } from './report';
import { connectInspector, type Inspector, type MemoryUsage } from './inspect';

let inspector: Inspector | null = null;

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
installExitHandlers();

const args = parseArgs(process.argv.slice(2));
const outDir = resolve('bench/out');
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const log = (message: string) => console.info(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main() {
	if (!args.skipBuild) {
		log('building the production server (vite build)…');
		const build = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
		if (build.status !== 0) throw new Error('vite build failed');
	}

	const work = mkdtempSync(join(tmpdir(), 'akademia-bench-'));
	onCleanup(() => rmSync(work, { recursive: true, force: true }));
	const dbPath = join(work, 'bench.db');

	log(`generating ${args.size} learners into ${dbPath}…`);
	const db = openDatabase(dbPath);
	const data = generateDataset(db.$client, { size: args.size, seed: args.seed });
	log(`data set in ${(data.milliseconds / 1000).toFixed(1)} s: ${JSON.stringify(data)}`);
	const courses = loadCourses();
	const fixtures = prepareFixtures(db.$client, courses, {
		lessonLearners: 1000,
		autosaveAttempts: 4000,
		submitAttempts: 3000,
		trainerGroups: 200,
		certificates: 500
	});
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();

	log(`starting the server on 127.0.0.1:${args.port}…`);
	const server = await startServer({
		port: args.port,
		databasePath: dbPath,
		probePath: COLD_START_PROBE,
		logPath: join(outDir, `server-${stamp}.log`),
		profileDir: args.profile ? join(outDir, 'profiles') : undefined,
		inspectPort: args.heap ? args.port + 1 : undefined,
		nodeFlags: args.nodeFlags
	});
	inspector = args.heap ? await connectInspector(args.port + 1) : null;
	onCleanup(() => inspector?.close());
	onCleanup(() => server.child.kill('SIGKILL'));
	log(`first 200 after ${server.coldStartMs.toFixed(0)} ms`);
	await sleep(2000);
	const rssAtRest = rssMb(server.pid)!;

	const results: ScenarioResult[] = [];
	for (const scenario of scenarios(server.origin, fixtures).filter((s) => selected(args.only, s.name))) {
		results.push(await measure(scenario, server.origin, server.pid, work));
	}
	// Weighed after the scenarios: the survey report among these pages grew the heap by ~30 MB, and weighed first it
	// stood in every scenario's peak (round seven, before the memory guard gave memory back when quiet).
	const weights: PageWeight[] = [];
	for (const page of weighedPages(fixtures)) {
		weights.push(
			await weighPage(server.origin, { ...page, cookie: page.token ? `${SESSION_COOKIE}=${page.token}` : undefined })
		);
	}
	const rssAfter = rssMb(server.pid);
	// adapter-node waits up to 30 s (SHUTDOWN_TIMEOUT) for open connections; V8 writes the profile at the exit.
	await server.stop(args.profile ? 45_000 : 5000);

	// The registration burst: exactly the seats confirmed, everyone else who got a 2xx on the waitlist.
	const burst = results.find((r) => r.check?.kind === 'exact-seats');
	if (burst?.load && fixtures.trainings.burst) {
		const check = openDatabase(dbPath);
		const counts = registrationCounts(check.$client, fixtures.trainings.burst.slug);
		check.$client.close();
		burst.seats = { seats: fixtures.trainings.burst.seats, counts, ok: okWrites(burst.load) };
	}

	// Which statements each page with a server-time goal runs, and their plans: one more start, traced.
	log('tracing the queries of the pages with a server-time goal…');
	const traceFile = join(work, 'sql-trace.ndjson');
	const traced = await startServer({
		port: args.port,
		databasePath: dbPath,
		probePath: COLD_START_PROBE,
		logPath: join(outDir, `server-${stamp}-trace.log`),
		preload: ['./bench/sql-trace.js'],
		env: { BENCH_SQL_TRACE: traceFile }
	});
	onCleanup(() => traced.child.kill('SIGKILL'));
	const tracedRequests = await tracePages(
		traced.origin,
		traceFile,
		tracedPages(traced.origin, fixtures).filter((p) => selected(args.only, p.name, p.scenario))
	);
	await traced.stop();

	// No lost write: every 2xx autosave wrote its own (attempt, question) row; every 2xx submit closed its attempt.
	const check = openDatabase(dbPath);
	const autosave = results.find((r) => r.name === 'quiz autosave');
	const submit = results.find((r) => r.name === 'quiz submit');
	const writes = {
		autosaveSent: autosave?.load?.sent ?? 0,
		autosaveOk: okWrites(autosave?.load),
		autosaveRows: countResponses(
			check.$client,
			fixtures.autosaveAttempts.map((a) => a.attempt)
		),
		submitOk: okWrites(submit?.load),
		submitted: countSubmitted(
			check.$client,
			fixtures.submitAttempts.map((a) => a.attempt)
		)
	};
	check.$client.close();
	const plans: QueryPlan[] = explainTraced(dbPath, tracedRequests);

	const report = formatReport({
		args,
		date: new Date().toISOString(),
		machine: {
			cores: cpus().length,
			cpu: cpus()[0]?.model ?? '',
			memoryGb: totalmem() / 2 ** 30,
			freeGb: freemem() / 2 ** 30,
			load: loadavg()
		},
		data,
		coldStartMs: server.coldStartMs,
		rssAtRest,
		rssAfter,
		results,
		weights,
		writes,
		plans
	});
	console.log('\n' + report.text);
	const base = join(outDir, `bench-${args.size}-${stamp}`);
	writeFileSync(base + '.md', report.text);
	writeFileSync(base + '.json', JSON.stringify(report.json, null, '\t'));
	log(`written ${base}.md and .json`);
}

async function measure(scenario: Scenario, origin: string, pid: number, work: string): Promise<ScenarioResult> {
	if (scenario.requests.length === 0) {
		log(`${scenario.name}: skipped (the data set gave it no requests)`);
		return {
			name: scenario.name,
			group: scenario.group,
			goal: scenario.goal,
			check: scenario.check,
			skipped: 'no requests'
		};
	}
	const spec = (duration: number, connections: number, amount?: number) => {
		const path = join(work, `spec-${scenario.group}-${Math.random().toString(36).slice(2)}.json`);
		writeFileSync(
			path,
			JSON.stringify({
				origin,
				connections,
				duration,
				amount,
				sampleFailures: scenario.writes,
				requests: scenario.requests
			})
		);
		return path;
	};
	// The previous scenario's queued requests may still be running on the server: start from an idle server.
	await waitIdle(pid);
	if (!scenario.writes) {
		// Warm-up: JIT, SQLite page cache, SvelteKit's lazily loaded route modules.
		await runLoad(spec(2, 10), 2);
	}
	// Server time: the same requests one at a time (nothing queues), before the load.
	const serverTime = scenario.writes ? undefined : await measureServerTime(origin, scenario.requests, () => cpuMs(pid));
	if (serverTime)
		log(
			`${scenario.name}: one at a time: p50 ${serverTime.p50.toFixed(1)} ms p90 ${serverTime.p90.toFixed(1)} ms, server CPU ${serverTime.cpuPerRequest?.toFixed(2) ?? '–'} ms/request ${JSON.stringify(serverTime.statuses)}`
		);
	await waitIdle(pid);
	const amount = scenario.writes ? scenario.requests.length : undefined;
	const samples: number[] = [];
	let heapAtPeak: MemoryUsage | null = null;
	const sampler = setInterval(() => {
		const rss = rssMb(pid);
		if (rss !== null) samples.push(rss);
		if (inspector && rss !== null && rss >= Math.max(...samples)) {
			inspector.memory().then((m) => (heapAtPeak = m.rss >= (heapAtPeak?.rss ?? 0) ? m : heapAtPeak));
		}
	}, 200);
	log(
		`${scenario.name}: ${args.connections} connections, ${scenario.writes ? `${amount} requests at most, ` : ''}${args.duration} s`
	);
	let load: LoadResult;
	let background: LoadResult | undefined;
	const cpuBefore = cpuMs(pid);
	try {
		const bg = scenario.background;
		const bgSpec = bg ? join(work, `spec-bg-${Math.random().toString(36).slice(2)}.json`) : undefined;
		if (bg && bgSpec) {
			writeFileSync(
				bgSpec,
				JSON.stringify({
					origin,
					connections: bg.connections,
					duration: args.duration,
					overallRate: bg.rate,
					requests: bg.requests
				})
			);
		}
		[load, background] = await Promise.all([
			runLoad(spec(args.duration, args.connections, amount), args.duration),
			bgSpec ? runLoad(bgSpec, args.duration, 'bench/paced.js') : Promise.resolve(undefined)
		]);
	} finally {
		clearInterval(sampler);
	}
	if (background && scenario.background) {
		const b = background;
		log(
			`${scenario.name}: beside it, ${scenario.background.name}: ${b.requests} answered (${b.rps.toFixed(1)}/s) p50 ${b.p50} ms p99 ${b.p99} ms max ${b.max} ms non-2xx ${b.non2xx} timeouts ${b.timeouts}`
		);
	}
	const cpuAfter = cpuMs(pid);
	if (inspector) {
		log(`${scenario.name}: process.memoryUsage() at the peak (MB): ${JSON.stringify(heapAtPeak)}`);
		const path = join(outDir, `heap-${stamp}-${scenario.name.replace(/\W+/g, '-')}.heapsnapshot`);
		await inspector.snapshot(path);
		log(`${scenario.name}: heap snapshot after the load in ${path}; now ${JSON.stringify(await inspector.memory())}`);
	}
	const cpuPerRequest =
		cpuBefore !== null && cpuAfter !== null && load.requests > 0 ? (cpuAfter - cpuBefore) / load.requests : null;
	log(
		`${scenario.name}: ${load.rps.toFixed(0)}/s p50 ${load.p50} ms p99 ${load.p99} ms${cpuPerRequest !== null ? ` server CPU ${cpuPerRequest.toFixed(2)} ms/request` : ''} non-2xx ${load.non2xx} ${JSON.stringify(load.statuses)}${load.sampleFailure ? ` first failure: ${load.sampleFailure}` : ''}`
	);
	return {
		name: scenario.name,
		group: scenario.group,
		goal: scenario.goal,
		check: scenario.check,
		load,
		serverTime,
		background: background && scenario.background ? { name: scenario.background.name, load: background } : undefined,
		cpuPerRequest,
		rssPeak: samples.length > 0 ? Math.max(...samples) : null
	};
}

/** Form actions that answered 200 with a success (not a {"type":"failure"}). */
const okWrites = (load?: LoadResult) => (load ? (load.statuses['200'] ?? 0) - load.actionFailures : 0);

/** Waits (at most 60 s) until the server uses under 10 % of a core over half a second. */
async function waitIdle(pid: number) {
	const until = Date.now() + 60_000;
	while (Date.now() < until) {
		const before = cpuMs(pid);
		await sleep(500);
		const after = cpuMs(pid);
		if (before === null || after === null || after - before < 50) return;
	}
	log('server still busy after 60 s; going on');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

main()
	.then(() => {
		stopAll();
		process.exit(0);
	})
	.catch((error) => {
		console.error('[bench] failed:', error);
		stopAll();
		process.exit(1);
	});
