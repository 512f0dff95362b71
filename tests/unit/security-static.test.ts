// Static guarantees over the source tree: no raw HTML from data, and session cookies with the right flags.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { deleteSessionTokenCookie, sessionCookieName, setSessionTokenCookie } from '$lib/server/auth/session';

function filesUnder(dir: string, exts: string[]): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (name === 'node_modules' || name === 'paraglide' || name.startsWith('.')) continue;
		if (statSync(path).isDirectory()) out.push(...filesUnder(path, exts));
		else if (exts.some((e) => name.endsWith(e))) out.push(path);
	}
	return out;
}

/**
 * {@html} sites a reviewer has read and found to print only trusted, non-user text. Add a file here only after
 * checking that nothing a user typed (names, organisations, imports, answers) can reach it.
 */
const REVIEWED_RAW_HTML: Record<string, string> = {
	// Reviewed 2026-11-26: renderContent() (src/lib/server/lessons/render.ts) server-renders the compiled mdsvex
	// component of a lesson file from lessons/ (repository content, compiled at build time; Svelte escapes any
	// expression inside). Nothing a user types reaches it.
	'src/routes/(app)/courses/[course]/[lesson]/+page.svelte': 'lesson body from lessons/ via renderContent()',
	'src/routes/(app)/courses/[course]/+page.svelte': 'course.md introduction from lessons/ via renderContent()'
};

describe('{@html} is used only where reviewed', () => {
	it('finds no unreviewed {@html} in src/ or lessons/', () => {
		const files = [...filesUnder('src', ['.svelte', '.md', '.ts', '.js']), ...filesUnder('lessons', ['.md', '.svx'])];
		expect(files.length).toBeGreaterThan(20);
		const offenders = files
			.filter((f) => /\{@html\s/.test(readFileSync(f, 'utf8')))
			.map((f) => relative('.', f))
			.filter((f) => !(f in REVIEWED_RAW_HTML));
		expect(offenders).toEqual([]);
	});
});

interface SetCall {
	name: string;
	value: string;
	opts: Record<string, unknown>;
}

function recordingCookies() {
	const calls: SetCall[] = [];
	const cookies = {
		set: (name: string, value: string, opts: Record<string, unknown>) => calls.push({ name, value, opts }),
		delete: (name: string, opts: Record<string, unknown>) => calls.push({ name, value: '', opts })
	} as unknown as Cookies;
	return { cookies, calls };
}

describe('session cookie', () => {
	it('over https: __Host- prefix, Secure, HttpOnly, SameSite=Lax, path /, no domain', () => {
		const { cookies, calls } = recordingCookies();
		setSessionTokenCookie(
			cookies,
			new URL('https://akademia.example.gov.pl/login'),
			'tok',
			new Date(Date.now() + 1000)
		);
		expect(calls[0].name).toBe('__Host-akademia_session');
		expect(calls[0].opts).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
		expect(calls[0].opts.domain).toBeUndefined();
		deleteSessionTokenCookie(cookies, new URL('https://akademia.example.gov.pl/logout'));
		expect(calls[1]).toMatchObject({ name: '__Host-akademia_session', opts: { secure: true, path: '/' } });
	});

	it('over http://localhost: a plain name (browsers refuse __Host- without Secure), still HttpOnly and Lax', () => {
		const { cookies, calls } = recordingCookies();
		setSessionTokenCookie(cookies, new URL('http://localhost:4173/login'), 'tok', new Date(Date.now() + 1000));
		expect(calls[0].name).toBe(sessionCookieName(false));
		expect(calls[0].opts).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });
	});
});

describe('documentation agrees with the code (issue 14)', () => {
	it('names the body size limit that `npm start` sets, in SECURITY.md, OPERATIONS.md and the README', () => {
		const start = readFileSync('scripts/start.js', 'utf8');
		const limit = /BODY_SIZE_LIMIT \?\?= '(\d+)M'/.exec(start)?.[1];
		expect(limit).toBeDefined();
		const security = readFileSync('docs/SECURITY.md', 'utf8');
		const row = security.split('\n').find((line) => line.startsWith('| 12.1.1 '));
		expect(row).toContain(`${limit} MB`);
		expect(readFileSync('docs/OPERATIONS.md', 'utf8')).toMatch(
			new RegExp('\\| `BODY_SIZE_LIMIT` \\| `' + limit + 'M` \\|')
		);
		expect(readFileSync('README.md', 'utf8')).toContain(`BODY_SIZE_LIMIT=${limit}M`);
	});
});
