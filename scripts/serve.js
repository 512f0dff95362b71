// Production start: `node scripts/serve.js` instead of `node build` (`npm run serve` does the same but keeps npm
// as a parent process). It replaces itself (process.execve: same process, same pid, nothing left beside it) with
// `node build` under the memory settings measured in docs/PERFORMANCE.md (round eight), which can only be given
// when a process starts:
// - a young generation of at most 3 x 4 MB: under 100 connections a larger one only held more garbage;
// - four malloc arenas instead of up to 16: the threads of Node and V8 had each kept an arena of their own, together
//   35-46 MB of mostly free memory; with one or two, the main thread and the PDF worker waited on each other's
//   malloc lock (the lesson page beside PDFs: 0.73-0.78 ms of CPU a view against 0.57 with four).
// Your own settings win: node flags given to the launcher (`node --max-old-space-size=256 scripts/serve.js`) come
// after these, and a GLIBC_TUNABLES of your own is kept (the arena setting added if it has none). NODE_OPTIONS cannot
// override them: node's command line wins.
// `npm start` (the quick start with demo data) comes through here too.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=192'];
export const SERVER_GLIBC_TUNABLES = 'glibc.malloc.arena_max=4';

const entry = fileURLToPath(new URL('../build/index.js', import.meta.url));

// Flags that make node run code of their own: passed on, the new process would run that code (and this launcher
// again, if the code called serve()) instead of the build.
const CODE_FLAGS = /^(-e|--eval|-p|--print|-i|--interactive|-c|--check|--test|--input-type)(=|$)/;
const TAKES_CODE = /^(-e|--eval|-p|--print)$/;

/**
 * The node flags of this process worth passing on (the benchmark's heap and profiling flags, an operator's own).
 * @param {string[]} execArgv
 */
export function flagsToPassOn(execArgv) {
	const out = [];
	for (let i = 0; i < execArgv.length; i++) {
		if (!CODE_FLAGS.test(execArgv[i])) out.push(execArgv[i]);
		else if (TAKES_CODE.test(execArgv[i])) i++;
	}
	return out;
}

/**
 * GLIBC_TUNABLES of the environment, with the arena setting added when it has none of its own.
 * @param {string | undefined} own
 */
function tunables(own) {
	if (!own) return SERVER_GLIBC_TUNABLES;
	return own.includes('glibc.malloc.arena_max=') ? own : `${own}:${SERVER_GLIBC_TUNABLES}`;
}

/** The command line and environment `serve` runs the server with; extra flags (the benchmark's) go last. */
export function serverCommand(env = process.env, extraFlags = flagsToPassOn(process.execArgv)) {
	return {
		args: [...SERVER_NODE_FLAGS, ...extraFlags, entry],
		env: { ...env, GLIBC_TUNABLES: tunables(env.GLIBC_TUNABLES) }
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

// Run as a script (also through a symlinked path, as a deployment's "current" folder often is), not when imported.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await serve();
