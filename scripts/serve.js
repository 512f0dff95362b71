// Production start: `node scripts/serve.js` (or `npm run serve`) instead of `node build`. It replaces itself
// (process.execve: same process, same pid, nothing left running beside it) with `node build` under the memory
// settings measured in docs/PERFORMANCE.md (round eight), which can only be given when a process starts:
// - a young generation of at most 3 x 4 MB: under 100 connections a larger one only held more garbage;
// - four malloc arenas instead of up to 16: the threads of Node and V8 had each kept an arena of their own, together
//   35-46 MB of mostly free memory; with one or two, the main thread and the PDF worker waited on each other's
//   malloc lock (the lesson page beside PDFs: 0.73-0.78 ms of CPU a view against 0.57 with four).
// Your own settings win: node flags given to the launcher (`node --max-old-space-size=256 scripts/serve.js`) come
// after these, and a GLIBC_TUNABLES of your own is kept. NODE_OPTIONS cannot override them: node's command line wins.
// `npm start` (the quick start with demo data) comes through here too.
import { fileURLToPath } from 'node:url';

export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=192'];
export const SERVER_GLIBC_TUNABLES = 'glibc.malloc.arena_max=4';

const entry = fileURLToPath(new URL('../build/index.js', import.meta.url));

/** The command line and environment `serve` runs the server with; extra flags (the benchmark's) go last. */
export function serverCommand(env = process.env, extraFlags = process.execArgv) {
	return {
		args: [...SERVER_NODE_FLAGS, ...extraFlags, entry],
		env: { ...env, GLIBC_TUNABLES: env.GLIBC_TUNABLES || SERVER_GLIBC_TUNABLES }
	};
}

export async function serve() {
	const { args, env } = serverCommand();
	if (typeof process.execve === 'function') {
		process.execve(process.execPath, [process.execPath, ...args], env);
	}
	// Node before 22.15 has no execve: run in this process without the settings.
	console.warn('[serve] this Node cannot replace its process: starting without the memory settings');
	await import(entry);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await serve();
