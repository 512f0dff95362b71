import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { homePathFor, requireApiUser, requireRole, requireUser, safeNextPath } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';

const user = (role: SessionUser['role']): SessionUser => ({
	id: 'u1',
	email: 'a@b.test',
	name: 'A',
	organisation: 'O',
	role,
	locale: 'pl'
});
const event = (u: SessionUser | null, path = '/courses/x?y=1') => ({
	locals: { user: u, session: null },
	url: new URL('http://localhost' + path)
});

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected a throw');
}

describe('guards', () => {
	it('send anonymous visitors of a page to sign in, remembering where they were going', () => {
		const e = thrown(() => requireUser(event(null)));
		expect(isRedirect(e) && e.location).toBe('/login?next=%2Fcourses%2Fx%3Fy%3D1');
	});

	it('return the user when signed in with an allowed role', () => {
		expect(requireRole(event(user('trainer')), 'trainer', 'admin').role).toBe('trainer');
	});

	it('answer 403 (not a redirect) for another role', () => {
		const e = thrown(() => requireRole(event(user('learner')), 'admin'));
		expect(isHttpError(e) && e.status).toBe(403);
	});

	it('answer 401 to anonymous API calls', () => {
		const e = thrown(() => requireApiUser(event(null)));
		expect(isHttpError(e) && e.status).toBe(401);
	});

	it('send each role to its own start page', () => {
		expect([homePathFor('learner'), homePathFor('trainer'), homePathFor('admin')]).toEqual([
			'/dashboard',
			'/trainer',
			'/admin'
		]);
	});

	it('follow only same-site paths after sign-in', () => {
		expect(safeNextPath('/courses/a', '/x')).toBe('/courses/a');
		expect(safeNextPath('//evil.example', '/x')).toBe('/x');
		expect(safeNextPath('https://evil.example', '/x')).toBe('/x');
		expect(safeNextPath('/\\evil.example', '/x')).toBe('/x');
		expect(safeNextPath(null, '/x')).toBe('/x');
	});

	it('resolve `next` against the origin and keep only a path on it (issue 14)', () => {
		expect(safeNextPath('/courses/a?x=1#h', '/x')).toBe('/courses/a?x=1#h');
		expect(safeNextPath('/a/../b', '/x')).toBe('/b');
		// Paths that a browser would take to another host.
		for (const next of [
			'/.//evil.example',
			'/./\\evil.example',
			'/ /evil.example',
			'/\u3000/evil.example',
			'\\\\evil.example',
			'/x\\y',
			'javascript:alert(1)',
			'http:/evil.example',
			'evil.example',
			'',
			'x'.repeat(10) + '/'
		])
			expect(safeNextPath(next, '/x'), JSON.stringify(next)).toBe('/x');
	});

	it('answer 400 for control and invisible characters in `next` (a forged request)', () => {
		for (const next of ['/\t/evil.example', '/\r\nSet-Cookie: a=b', '/a\u0000', '/\u202Eevil', '/\u200B/evil'])
			expect(() => safeNextPath(next, '/x'), JSON.stringify(next)).toThrow(expect.objectContaining({ status: 400 }));
	});
});
