// better-sqlite3 12 aborted on Node 24 when the garbage collector destroyed a statement (issue 15): in a
// user's long-running server, not only at exit. This runs that pattern in a child process, so an abort fails
// this test instead of killing the test worker or a server.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from '../../src/lib/server/db/supported-node.js';

describe('better-sqlite3 on this Node', () => {
	it('survives statements and databases collected by the GC in a worker thread and at exit', () => {
		const worker = `
			const { Worker } = require('node:worker_threads');
			const code = ${JSON.stringify(churnSource())};
			const w = new Worker(code, { eval: true });
			w.on('error', (e) => { console.error(e); process.exit(2); });
			w.on('exit', (c) => { eval(code); console.log('done ' + c); });
		`;
		const run = spawnSync(process.execPath, ['--expose-gc', '-e', worker], {
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(run.signal, run.stderr).toBeNull();
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout.trim()).toBe('done 0');
	});

	it('names the supported versions on Node 20 and accepts 22 and 24', () => {
		expect(unsupportedNodeMessage('20.20.2')).toMatch(/Node\.js 22 or 24/);
		expect(unsupportedNodeMessage('22.12.0')).toBeNull();
		expect(unsupportedNodeMessage('24.22.3')).toBeNull();
	});
});

const require = createRequire(import.meta.url);

function churnSource(): string {
	return `
		const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
		for (let round = 0; round < 20; round++) {
			const db = new Database(':memory:');
			db.exec('create table t (x text)');
			for (let i = 0; i < 200; i++) db.prepare('insert into t values (?)').run('ż' + i);
			for (let i = 0; i < 200; i++) db.prepare('select count(*) as n from t where x = ?').get('ż' + i);
			if (round % 2) db.close();
			globalThis.gc();
		}
		globalThis.gc();
	`;
}
