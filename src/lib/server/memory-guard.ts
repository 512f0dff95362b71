// Keeps resident memory near a soft limit. Under load V8 fills its heap with garbage and, after an ordinary
// collection, keeps the emptied pages for reuse: 10 s of 100 connections on the sign-in page left 175 MB resident,
// one memory-reducing collection brought it to 122 MB (docs/PERFORMANCE.md, round eight). V8 runs such a
// collection by itself only after a long quiet spell, so resident memory grew with every kind of load and never
// fell. The guard, checking every quarter second, asks for one when resident memory is above the limit and its
// thread is quiet (under a quarter of a core since the last check): never during a burst, where its pause (25 ms
// in a measured script) would hold up every request in flight and count in their p99; at most once a second, and
// longer apart each time a collection frees little (the live data is then really that large, and collecting again
// would only cost time).
// A collection pauses only the thread it runs on, so the quiet is the main thread's own: PDFs rendered by the
// worker thread are not its load. The worker's heap is its own; the worker ends after a minute without a PDF.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MB = 1024 * 1024;
export const DEFAULT_SOFT_LIMIT_MB = 150;
export const CHECK_EVERY_MS = 250;
export const MIN_WAIT_MS = 1_000;
export const MAX_WAIT_MS = 60_000;
/** A thread counts as quiet when it used less than this share of a core since the last check. */
export const QUIET_CPU_SHARE = 0.25;
/** A collection that frees less than this (MB) doubles the wait before the next. */
export const MIN_FREED_MB = 8;

/** MEMORY_SOFT_LIMIT_MB: a number of MB (64 or more), 0 to switch the guard off; anything else gives the default. */
export function softLimitMb(env: Record<string, string | undefined> = process.env): number {
	const value = env.MEMORY_SOFT_LIMIT_MB?.trim();
	if (value === '0') return 0;
	const mb = Number(value);
	return value && Number.isFinite(mb) && mb >= 64 ? Math.floor(mb) : DEFAULT_SOFT_LIMIT_MB;
}

export interface GuardState {
	/** No collection before this time (ms). */
	notBefore: number;
	/** The wait after the last collection (ms). */
	wait: number;
}

export const initialState = (): GuardState => ({ notBefore: 0, wait: MIN_WAIT_MS });

export function shouldCollect(
	rssMb: number,
	limitMb: number,
	cpuShare: number,
	now: number,
	state: GuardState
): boolean {
	return rssMb > limitMb && cpuShare < QUIET_CPU_SHARE && now >= state.notBefore;
}

/** The wait after a collection: the shortest when it freed memory, doubled (to a minute) when it did not. */
export function afterCollection(freedMb: number, now: number, state: GuardState): GuardState {
	const wait = freedMb >= MIN_FREED_MB ? MIN_WAIT_MS : Math.min(state.wait * 2, MAX_WAIT_MS);
	return { notBefore: now + wait, wait };
}

/**
 * V8's own gc(), taken from a fresh context instead of being exposed to the app's code. Its "last-resort"
 * flavour is the memory-reducing collection that also gives the emptied pages back; the regular one does not.
 */
export function memoryReducingCollection(): () => void {
	const exposed = (globalThis as { gc?: Gc }).gc;
	const gc = typeof exposed === 'function' ? exposed : gcFromFreshContext();
	return () => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

type Gc = (options: object) => void;

// --expose-gc only while the collector is taken (a process started with it keeps its global gc, used above).
function gcFromFreshContext(): Gc {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as Gc;
	setFlagsFromString('--no-expose-gc');
	return gc;
}

export interface GuardOptions {
	limitMb?: number;
	rssMb?: () => number;
	/** CPU time the thread has used, in ms. */
	cpuMs?: () => number;
	collect?: () => void;
	now?: () => number;
}

type CpuUsage = () => NodeJS.CpuUsage;
/** This thread's CPU time; on a Node without process.threadCpuUsage, the whole process's. */
const cpuUsage: CpuUsage = (process as { threadCpuUsage?: CpuUsage }).threadCpuUsage ?? process.cpuUsage;

function threadCpuMs(): number {
	const { user, system } = cpuUsage.call(process);
	return (user + system) / 1000;
}

/** Starts the checks; returns a function that stops them. */
export function startMemoryGuard(options: GuardOptions = {}): () => void {
	const limitMb = options.limitMb ?? softLimitMb();
	if (limitMb === 0) return () => {};
	const rssMb = options.rssMb ?? (() => process.memoryUsage.rss() / MB);
	const collect = options.collect ?? memoryReducingCollection();
	const cpuMs = options.cpuMs ?? threadCpuMs;
	const now = options.now ?? Date.now;
	let state = initialState();
	let [lastCpu, lastCheck] = [cpuMs(), now()];
	const timer = setInterval(() => {
		const [cpu, at] = [cpuMs(), now()];
		const cpuShare = (cpu - lastCpu) / Math.max(at - lastCheck, 1);
		[lastCpu, lastCheck] = [cpu, at];
		const rss = rssMb();
		if (!shouldCollect(rss, limitMb, cpuShare, at, state)) return;
		collect();
		state = afterCollection(rss - rssMb(), at, state);
		// The collection's own CPU time is not load.
		[lastCpu, lastCheck] = [cpuMs(), now()];
	}, CHECK_EVERY_MS);
	timer.unref();
	return () => clearInterval(timer);
}
