// No third-party request: the built client (and server) code must not load or call anything on another host.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

/**
 * URL strings that occur in bundled libraries but are never requested: XML namespaces and the documentation
 * links inside Svelte's error messages. Reviewed; anything else found in the bundle fails the test.
 */
const INERT_URL_PREFIXES = [
	'http://www.w3.org/',
	'https://svelte.dev/e/',
	'https://svelte.dev/docs/',
	// Paraglide's runtime: a base for `new URL(path, base)` when there is no window, and an error-doc link.
	'http://fallback.com',
	'http://example.com',
	'https://paraglidejs.com/errors'
];

// Patterns that make a browser or Node fetch something.
const REQUEST_PATTERNS = [
	/\bsrc\s*=\s*\\?["'`]?https?:\/\//gi,
	/<link\b[^>]*\bhref\s*=\s*\\?["']?https?:\/\//gi,
	/url\(\s*["']?https?:\/\//gi,
	/@import\s+(url\()?["']?https?:\/\//gi,
	/\bfetch\(\s*["'`]https?:\/\//gi,
	/\bimport\(\s*["'`]https?:\/\//gi,
	/new\s+(WebSocket|EventSource|Worker)\(\s*["'`](wss?|https?):\/\//gi,
	/sendBeacon\(\s*["'`]https?:\/\//gi
];

test('build/client and build/server contain no request to another host', () => {
	const found: string[] = [];
	for (const file of [...files('build/client'), ...files('build/server')]) {
		if (!/\.(js|css|html|json|svg)$/.test(file)) continue;
		const text = readFileSync(file, 'utf8');
		for (const pattern of REQUEST_PATTERNS) for (const m of text.matchAll(pattern)) found.push(`${file}: ${m[0]}`);
	}
	expect(found).toEqual([]);
});

test('every URL string in the client bundle is on the reviewed list of inert ones', () => {
	const found = new Set<string>();
	for (const file of files('build/client')) {
		if (!/\.(js|css|html)$/.test(file)) continue;
		for (const m of readFileSync(file, 'utf8').matchAll(/(?:https?:)?\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"'`)<>]*/gi)) {
			const url = m[0];
			if (!/^https?:/.test(url)) {
				// Protocol-relative: allowed only if it is not a host at all (e.g. comments are stripped by the build).
				found.add(`${file}: ${url}`);
				continue;
			}
			if (!INERT_URL_PREFIXES.some((p) => url.startsWith(p))) found.add(`${file}: ${url}`);
		}
	}
	expect([...found]).toEqual([]);
});
