import { describe, expect, it } from 'vitest';
import { flagsToPassOn, SERVER_GLIBC_TUNABLES, SERVER_NODE_FLAGS, serverCommand } from '../../scripts/serve.js';

describe('the production launcher (scripts/serve.js)', () => {
	it('runs the build with its flags first, so that flags given to the launcher win', () => {
		const { args } = serverCommand({}, ['--max-old-space-size=256']);
		expect(args).toEqual([
			...SERVER_NODE_FLAGS,
			'--max-old-space-size=256',
			expect.stringMatching(/build\/index\.js$/)
		]);
	});

	it('sets the malloc settings, keeps those of the operator and passes the rest of the environment on', () => {
		expect(serverCommand({ PORT: '3000' }, []).env).toEqual({ PORT: '3000', GLIBC_TUNABLES: SERVER_GLIBC_TUNABLES });
		const own = 'glibc.malloc.arena_max=2';
		expect(serverCommand({ GLIBC_TUNABLES: own }, []).env.GLIBC_TUNABLES).toBe(own);
		// Tunables of another kind keep the arena setting beside them.
		expect(serverCommand({ GLIBC_TUNABLES: 'glibc.pthread.rseq=0' }, []).env.GLIBC_TUNABLES).toBe(
			`glibc.pthread.rseq=0:${SERVER_GLIBC_TUNABLES}`
		);
	});

	it('passes on node flags but not code to run, which would run instead of the build', () => {
		expect(flagsToPassOn(['--inspect=127.0.0.1:4301', '-e', 'serve()', '--max-old-space-size=256'])).toEqual([
			'--inspect=127.0.0.1:4301',
			'--max-old-space-size=256'
		]);
		expect(flagsToPassOn(['--eval=x()', '--input-type=module', '-p', '1', '--cpu-prof'])).toEqual(['--cpu-prof']);
	});
});
