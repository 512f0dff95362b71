// Every request the app answers, read from the route tree: pages (GET), form actions, endpoint methods.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface RouteEntry {
	/** "GET /path", "POST /path?/action", "POST /path". */
	key: string;
	method: string;
	/** The route id without (groups), e.g. /courses/[course]. */
	routeId: string;
	action?: string;
	kind: 'page' | 'action' | 'endpoint';
	file: string;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Top-level keys of `export const actions = { ... }`, read by brace depth (enough for our style). */
export function actionNames(source: string): string[] {
	const start = source.search(/export\s+const\s+actions\s*(:[^=]+)?=\s*\{/);
	if (start < 0) return [];
	const open = source.indexOf('{', source.indexOf('=', start));
	const names: string[] = [];
	let depth = 0;
	let expectKey = false;
	for (let i = open; i < source.length; i++) {
		const ch = source[i];
		if (ch === '{' || ch === '(' || ch === '[') {
			depth++;
			if (depth === 1) expectKey = true;
		} else if (ch === '}' || ch === ')' || ch === ']') {
			depth--;
			if (depth === 0) break;
		} else if (depth === 1 && ch === ',') expectKey = true;
		else if (depth === 1 && expectKey && /\S/.test(ch)) {
			expectKey = false;
			// A key: `name:`, `name(`, `async name(`, or a quoted 'name':
			const m = /^(?:async\s+)?['"]?([A-Za-z_$][\w$]*)['"]?\s*(?::|\()/.exec(source.slice(i, i + 80));
			if (m) {
				names.push(m[1]);
				i += m[0].length - 2;
			}
		}
	}
	return names;
}

export function endpointMethods(source: string): string[] {
	return METHODS.filter((m) =>
		new RegExp(`export\\s+(const\\s+${m}\\b|(async\\s+)?function\\s+${m}\\b|\\{[^}]*\\b${m}\\b[^}]*\\})`).test(source)
	);
}

export function enumerateRoutes(root = 'src/routes'): RouteEntry[] {
	const out: RouteEntry[] = [];
	const walk = (dir: string, segments: string[]) => {
		const routeId = '/' + segments.filter((s) => !/^\(.+\)$/.test(s)).join('/');
		const has = (f: string) => existsSync(join(dir, f));
		if (has('+page.svelte') || has('+page.server.ts') || has('+page.ts'))
			out.push({ key: `GET ${routeId}`, method: 'GET', routeId, kind: 'page', file: dir });
		if (has('+page.server.ts')) {
			const source = readFileSync(join(dir, '+page.server.ts'), 'utf8');
			for (const action of actionNames(source))
				out.push({
					key: `POST ${routeId}?/${action}`,
					method: 'POST',
					routeId,
					action,
					kind: 'action',
					file: join(dir, '+page.server.ts')
				});
		}
		if (has('+server.ts')) {
			const source = readFileSync(join(dir, '+server.ts'), 'utf8');
			for (const method of endpointMethods(source))
				out.push({ key: `${method} ${routeId}`, method, routeId, kind: 'endpoint', file: join(dir, '+server.ts') });
		}
		for (const name of readdirSync(dir).sort()) {
			if (statSync(join(dir, name)).isDirectory()) walk(join(dir, name), [...segments, name]);
		}
	};
	walk(root, []);
	return out;
}

/** Fills [param], [[optional]] and [...rest] segments from the params. */
export function fillRoute(routeId: string, params: Record<string, string> = {}): string {
	const path = routeId.replace(/\[\[?(?:\.\.\.)?([\w]+)(?:=\w+)?\]?\]/g, (_, name: string) => {
		const value = params[name];
		if (value === undefined) throw new Error(`route ${routeId} needs a value for [${name}] from params(fx)`);
		return encodeURIComponent(value).replace(/%2F/g, '/');
	});
	return path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1') || '/';
}
