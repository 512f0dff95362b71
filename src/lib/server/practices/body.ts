// A case's body: the seven `##` sections (schema.ts SECTIONS), each plain paragraphs and "- " bullet lists.
// Parsed into blocks of text that the page renders as text nodes: nothing in a case becomes markup.
import { SECTIONS, type SectionKey, type Sections } from './schema';

export type Block = { type: 'p'; text: string } | { type: 'ul'; items: string[] };

/** Markup, components or HTML comments: refused in a case (a case is text, not a page). */
const MARKUP = /<[A-Za-z/!]/;

/** Problems with one section's text, as messages without the file name (the caller adds it). */
export function sectionTextProblems(text: string): string[] {
	const problems: string[] = [];
	if (text.trim().length === 0) problems.push('is empty');
	if (MARKUP.test(text)) problems.push('contains HTML or a component (only paragraphs and "- " lists)');
	if (/^\s*#/m.test(text)) problems.push('contains a heading (only the seven ## sections are allowed)');
	if (/^\s*```/m.test(text)) problems.push('contains a code block');
	return problems;
}

/**
 * Splits a case body into its sections. Problems name the section; a body whose `##` headings are not exactly the
 * seven in order is refused as a whole.
 */
export function parseSections(body: string): { sections?: Sections; problems: string[] } {
	const problems: string[] = [];
	const parts = body.replace(/\r\n?/g, '\n').split(/^##[ \t]+(.+?)[ \t]*$/m);
	const before = parts[0].trim();
	if (before) problems.push('body: text before the first ## section (start with "## Sytuacja wyjściowa")');
	const headings: string[] = [];
	const texts: string[] = [];
	for (let i = 1; i < parts.length; i += 2) {
		headings.push(parts[i]);
		texts.push(parts[i + 1] ?? '');
	}
	const expected = SECTIONS.map((s) => s.heading);
	if (headings.join('\n') !== expected.join('\n')) {
		problems.push(
			`body: the ## sections must be exactly, in this order: ${expected.join(' | ')} (found: ${headings.join(' | ') || 'none'})`
		);
		return { problems };
	}
	const sections = {} as Sections;
	SECTIONS.forEach((s, i) => {
		const text = texts[i].trim();
		for (const p of sectionTextProblems(text)) problems.push(`body: ## ${s.heading}: ${p}`);
		sections[s.key] = text;
	});
	return problems.length ? { problems } : { sections, problems };
}

/** The body file text of sections (the inverse of parseSections), used to show a submission as a case file. */
export function sectionsToBody(sections: Sections): string {
	return SECTIONS.map((s) => `## ${s.heading}\n\n${sections[s.key].trim()}\n`).join('\n');
}

/** Paragraphs (lines joined) and lists (consecutive "- " lines; indented lines continue an item). */
export function toBlocks(text: string): Block[] {
	const blocks: Block[] = [];
	let paragraph: string[] = [];
	let list: string[] | null = null;
	const flush = () => {
		if (paragraph.length) blocks.push({ type: 'p', text: paragraph.join(' ') });
		if (list) blocks.push({ type: 'ul', items: list });
		paragraph = [];
		list = null;
	};
	for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trim();
		if (!line) {
			flush();
			continue;
		}
		const item = /^[-*]\s+(.*)$/.exec(line);
		if (item) {
			if (paragraph.length) flush();
			list ??= [];
			list.push(item[1]);
		} else if (list && /^\s/.test(raw)) {
			list[list.length - 1] += ' ' + line;
		} else {
			if (list) flush();
			paragraph.push(line);
		}
	}
	flush();
	return blocks;
}

/** Text split so the word "niepotwierdzone" (and its forms) can be marked on the page. */
export function markUnconfirmed(text: string): { text: string; unconfirmed: boolean }[] {
	return text
		.split(/(\bniepotwierdzon[aeyi]\w*)/iu)
		.filter((part) => part.length > 0)
		.map((part) => ({ text: part, unconfirmed: /^niepotwierdzon/i.test(part) }));
}

export function blocksOf(sections: Sections): Record<SectionKey, Block[]> {
	return Object.fromEntries(SECTIONS.map((s) => [s.key, toBlocks(sections[s.key])])) as Record<SectionKey, Block[]>;
}

export type Part = { text: string; unconfirmed: boolean };
export type RenderedBlock = { type: 'p'; parts: Part[] } | { type: 'ul'; items: Part[][] };

/** A section ready for the page: blocks of text parts (the page prints them as text, never as HTML). */
export function renderSection(text: string): RenderedBlock[] {
	return toBlocks(text).map((b) =>
		b.type === 'p' ? { type: 'p', parts: markUnconfirmed(b.text) } : { type: 'ul', items: b.items.map(markUnconfirmed) }
	);
}
