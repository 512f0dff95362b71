// What a page makes the browser download besides its HTML: the JavaScript and CSS it links (script src,
// link rel=modulepreload / stylesheet in the HTML or the Link header, and the import("...") of SvelteKit's
// inline start script), each fetched as a browser would (accepting brotli and gzip) and counted in the bytes the
// server sends (adapter-node serves its precompressed .br files), each file once. The HTML is shown gzipped at
// level 6 (adapter-node sends pages uncompressed; a reverse proxy in front would compress them).
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';

export interface AssetWeight {
	/** Bytes as sent (compressed when the server compresses). */
	wire: number;
	/** Bytes after decompression. */
	raw: number;
	files: number;
}

export interface PageWeight {
	name: string;
	path: string;
	status: number;
	htmlGzip: number;
	js: AssetWeight;
	css: AssetWeight;
	/** Content-Encoding values the assets came with ("br", "gzip", "identity"). */
	encodings: string[];
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

/** One asset as a browser fetches it: the bytes on the wire and how they were encoded. */
function fetchAsset(url: string): Promise<{ wire: number; encoding: string; status: number }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
			let wire = 0;
			res.on('data', (chunk: Buffer) => (wire += chunk.length));
			res.on('end', () =>
				resolve({ wire, encoding: String(res.headers['content-encoding'] ?? 'identity'), status: res.statusCode ?? 0 })
			);
			res.on('error', reject);
		});
		req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
		req.on('error', reject);
		req.end();
	});
}

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
		js: { wire: 0, raw: 0, files: 0 },
		css: { wire: 0, raw: 0, files: 0 },
		encodings: []
	};
	if (response.status !== 200) return weight;
	const { js, css } = assetUrls(html, origin + page.path, response.headers.get('link') ?? '');
	const encodings = new Set<string>();
	for (const [kind, urls] of [
		['js', js],
		['css', css]
	] as const) {
		for (const url of urls) {
			if (new URL(url).origin !== origin) throw new Error(`${page.path} loads ${url} from another host`);
			const sent = await fetchAsset(url);
			if (sent.status !== 200) throw new Error(`${page.path} links ${url}, which answers ${sent.status}`);
			const raw = await fetch(url, { signal: AbortSignal.timeout(30_000) }).then((r) => r.arrayBuffer());
			encodings.add(sent.encoding);
			weight[kind].wire += sent.wire;
			weight[kind].raw += raw.byteLength;
			weight[kind].files++;
		}
	}
	weight.encodings = [...encodings].sort();
	return weight;
}
