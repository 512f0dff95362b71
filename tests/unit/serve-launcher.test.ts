import { describe, expect, it } from 'vitest';
import { SERVER_GLIBC_TUNABLES, SERVER_NODE_FLAGS, serverCommand } from '../../scripts/serve.js';

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
		const own = 'glibc.malloc.arena_max=4';
		expect(serverCommand({ GLIBC_TUNABLES: own }, []).env.GLIBC_TUNABLES).toBe(own);
	});
});
