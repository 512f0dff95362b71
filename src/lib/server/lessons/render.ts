// Lessons are rendered to HTML on the server (svelte/server), so lesson content ships no client JavaScript:
// every lesson component works as plain HTML (details/summary, tables, figures).
import { render } from 'svelte/server';
import { loadContentComponent } from '../content';
import { addHeadingIds, type Heading } from './headings';

export interface RenderedContent {
	html: string;
	headings: Heading[];
}

// Rendered once per file and language (component labels are translated); content only changes with a deploy.
const cache = new Map<string, RenderedContent>();

export async function renderContent(path: string, locale: string): Promise<RenderedContent> {
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
