// What a page makes the browser download besides its HTML: the JavaScript and CSS it links (script src,
// link rel=modulepreload / stylesheet in the HTML or the Link header, and the import("...") of SvelteKit's
// inline start script), each gzipped (level 6, what a typical server does) and summed. Each file counts once.
import { gzipSync } from 'node:zlib';

export interface PageWeight {
	name: string;
	path: string;
	status: number;
	htmlGzip: number;
	jsGzip: number;
	cssGzip: number;
	jsFiles: number;
	cssFiles: number;
}

/**
 * Asset URLs of a page, resolved against it and split into scripts and stylesheets: from its HTML and from its
 * Link header (SvelteKit sends most modulepreloads there: `<...>; rel="modulepreload"`).
 */
export function assetUrls(html: string, pageUrl: string, linkHeader = ''): { js: string[]; css: string[] } {
	const js = new Set<string>();
	const css = new Set<string>();
	const resolve = (href: string) => new URL(href.replace(/&amp;/g, '&'), pageUrl).href;
	for (const [, href, params] of linkHeader.matchAll(/<([^>]+)>([^,]*)/g)) {
		const rel = params.match(/\brel="?([^";]+)/i)?.[1]?.toLowerCase();
		if (rel === 'modulepreload') js.add(resolve(href));
		else if (rel === 'stylesheet' || (rel === 'preload' && /\bas="?style/i.test(params))) css.add(resolve(href));
	}
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = tag.match(/\brel=["']?([^"'\s>]+)/i)?.[1]?.toLowerCase();
		const href = tag.match(/\bhref=["']?([^"'\s>]+)/i)?.[1];
		if (!href) continue;
		if (rel === 'modulepreload') js.add(resolve(href));
		else if (rel === 'stylesheet') css.add(resolve(href));
	}
	for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)) js.add(resolve(src));
	for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
		for (const [, spec] of body.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) js.add(resolve(spec));
	}
	return { js: [...js], css: [...css] };
}

const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 6 }).length;

export async function weighPage(
	origin: string,
	page: { name: string; path: string; cookie?: string; headers?: Record<string, string> }
): Promise<PageWeight> {
	const headers: Record<string, string> = { ...page.headers, ...(page.cookie ? { cookie: page.cookie } : {}) };
	const response = await fetch(origin + page.path, {
		headers,
		redirect: 'manual',
		signal: AbortSignal.timeout(30_000)
	});
	const html = await response.text();
	const weight: PageWeight = {
		name: page.name,
		path: page.path,
		status: response.status,
		htmlGzip: gzipSize(Buffer.from(html)),
		jsGzip: 0,
		cssGzip: 0,
		jsFiles: 0,
		cssFiles: 0
	};
	if (response.status !== 200) return weight;
	const { js, css } = assetUrls(html, origin + page.path, response.headers.get('link') ?? '');
	for (const [kind, urls] of [
		['js', js],
		['css', css]
	] as const) {
		for (const url of urls) {
			if (new URL(url).origin !== origin) throw new Error(`${page.path} loads ${url} from another host`);
			const asset = await fetch(url, { signal: AbortSignal.timeout(30_000) });
			const size = gzipSize(new Uint8Array(await asset.arrayBuffer()));
			if (kind === 'js') {
				weight.jsGzip += size;
				weight.jsFiles++;
			} else {
				weight.cssGzip += size;
				weight.cssFiles++;
			}
		}
	}
	return weight;
}
