// Everything the benchmark starts goes through here, so it is all stopped at the end, on error and on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { CLIENT_ADDRESS_HEADER } from './scenarios';

const children = new Set<ChildProcess>();
const cleanups: (() => void)[] = [];

/** Runs at exit (normal, error or signal), last registered first. */
export function onCleanup(fn: () => void) {
	cleanups.push(fn);
}

export function stopAll() {
	for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	children.clear();
	while (cleanups.length > 0) {
		try {
			cleanups.pop()!();
		} catch (e) {
			console.error('[bench] cleanup failed:', e);
		}
	}
}

let installed = false;
export function installExitHandlers() {
	if (installed) return;
	installed = true;
	process.on('exit', stopAll);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			console.error(`\n[bench] ${signal}: stopping everything it started`);
			stopAll();
			process.exit(130);
		});
	}
}

export function track(child: ChildProcess): ChildProcess {
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}

/** Resident memory of a process in MB, from /proc/<pid>/status (VmRSS), or null when it is gone. */
export function rssMb(pid: number): number | null {
	try {
		const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
		return match ? Number(match[1]) / 1024 : null;
	} catch {
		return null;
	}
}

/**
 * CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat. Divided by the requests of a
 * scenario it gives the server's CPU cost per request, which holds even when other work shares the machine.
 */
export function cpuMs(pid: number): number | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name (which may contain spaces) start at field 3; utime and stime are 14 and 15.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
	} catch {
		return null;
	}
}
const CLOCK_TICKS = 100; // USER_HZ on Linux (getconf CLK_TCK)

export interface Server {
	child: ChildProcess;
	pid: number;
	origin: string;
	/** Milliseconds from spawn to the first 200 on the probe path. */
	coldStartMs: number;
	/** SIGTERM, then SIGKILL after `graceMs` (a profiled server needs its graceful exit to write the profile). */
	stop(graceMs?: number): Promise<void>;
}

/** Starts the production build (node build) on 127.0.0.1:port with the given database; waits for a 200. */
export async function startServer(options: {
	port: number;
	databasePath: string;
	probePath: string;
	logPath: string;
	timeoutMs?: number;
	/** Directory for a V8 CPU profile (written when the server exits). */
	profileDir?: string;
	/** Modules preloaded with --import (the query tracer of the plan step). */
	preload?: string[];
	env?: Record<string, string>;
	/** Opens the server's inspector on 127.0.0.1:<port> (bench/inspect.ts). */
	inspectPort?: number;
	/** More flags for node (heap settings to compare). */
	nodeFlags?: string[];
}): Promise<Server> {
	const origin = `http://127.0.0.1:${options.port}`;
	const log = createWriteStream(options.logPath);
	const started = performance.now();
	const child = track(
		spawn(
			process.execPath,
			[
				...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
				...(options.preload ?? []).flatMap((module) => ['--import', module]),
				...(options.inspectPort ? [`--inspect=127.0.0.1:${options.inspectPort}`] : []),
				...(options.nodeFlags ?? []),
				// As in production: the launcher execs `node build` with its memory settings (same pid).
				'scripts/serve.js'
			],
			{
				env: {
					...process.env,
					HOST: '127.0.0.1',
					PORT: String(options.port),
					ORIGIN: origin,
					DATABASE_URL: options.databasePath,
					AKADEMIA_DEMO: '0',
					// As behind a reverse proxy: the client address comes from this header (see scenarios.ts).
					ADDRESS_HEADER: CLIENT_ADDRESS_HEADER,
					NODE_ENV: 'production',
					...options.env
				},
				stdio: ['ignore', 'pipe', 'pipe']
			}
		)
	);
	child.stdout!.pipe(log);
	child.stderr!.pipe(log);
	const deadline = started + (options.timeoutMs ?? 60_000);
	let coldStartMs = -1;
	while (performance.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${options.logPath}`);
		try {
			const response = await fetch(origin + options.probePath, { redirect: 'manual' });
			await response.arrayBuffer();
			if (response.status === 200) {
				coldStartMs = performance.now() - started;
				break;
			}
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 10));
	}
	if (coldStartMs < 0) {
		child.kill('SIGKILL');
		throw new Error(`server gave no 200 on ${options.probePath} within the timeout; see ${options.logPath}`);
	}
	return {
		child,
		pid: child.pid!,
		origin,
		coldStartMs,
		async stop(graceMs = 5000) {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
			await exited;
			clearTimeout(timer);
		}
	};
}

/** Runs a load generator as a child process with a spec file (autocannon's bench/load.js, or bench/paced.js for a
 * background load); resolves with its JSON result. */
export function runLoad(specPath: string, maxSeconds: number, script = 'bench/load.js'): Promise<LoadResult> {
	return new Promise((resolve, reject) => {
		const child = track(spawn(process.execPath, [script, specPath], { stdio: ['ignore', 'pipe', 'inherit'] }));
		let out = '';
		child.stdout!.on('data', (chunk) => (out += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), (maxSeconds + 60) * 1000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			const line = out.trim().split('\n').pop() ?? '';
			if (code !== 0 || !line.startsWith('{')) reject(new Error(`load generator failed (${code}): ${out}`));
			else resolve(JSON.parse(line) as LoadResult);
		});
	});
}

export interface LoadResult {
	requests: number;
	/** Requests handed to autocannon (may exceed `requests` by those still in flight at the stop). */
	sent: number;
	seconds: number;
	rps: number;
	p50: number;
	p99: number;
	max: number;
	non2xx: number;
	/** 2xx answers of a form action that said {"type":"failure"} (validation) or "error". */
	actionFailures: number;
	errors: number;
	timeouts: number;
	statuses: Record<string, number>;
	sampleFailure?: string;
	/** Paced loads only: the median answer time of the requests sent in the first and in the last second (null:
	 * none), the requests open when the run ended and those never answered. A growing queue shows as a last second
	 * much slower than the first and more open at the end than the rate times the usual answer time. */
	queue?: { firstSecondP50: number | null; lastSecondP50: number | null; openAtEnd: number; unanswered: number };
}
