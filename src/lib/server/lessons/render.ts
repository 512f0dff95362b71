// Lessons are rendered to HTML on the server (svelte/server), so lesson content ships no client JavaScript:
// every lesson component works as plain HTML (details/summary, tables, figures).
import { render } from 'svelte/server';
import { locales } from '../../paraglide/runtime';
import { loadContentComponent } from '../content';
import { addHeadingIds, type Heading } from './headings';

export interface RenderedContent {
	html: string;
	headings: Heading[];
}

// Rendered once per content file and language (component labels are translated), then reused by every view.
// Content is compiled into the build (content/index.ts), so a file's HTML changes only with a deploy, which
// restarts the process: the content version is the process. The cache is bounded by construction: one entry per
// compiled content file and configured locale (loadContentComponent throws on any other path), a few hundred kB.
const cache = new Map<string, RenderedContent>();

export async function renderContent(path: string, locale: string): Promise<RenderedContent> {
	if (!(locales as readonly string[]).includes(locale)) throw new Error(`unknown locale ${locale}`);
	const key = `${locale}:${path}`;
	const hit = cache.get(key);
	if (hit) return hit;
	const component = await loadContentComponent(path);
	const { body } = render(component);
	// Hydration markers are useless in HTML that is never hydrated.
	const result = addHeadingIds(body.replace(/<!--[[\]!]?-->/g, ''));
	cache.set(key, result);
	return result;
}
