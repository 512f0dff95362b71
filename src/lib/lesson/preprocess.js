// Build-time helpers for lesson files (mdsvex). Plain JS because svelte.config.js loads them before Vite runs.
import { bindSingleLetterWords } from '../typography.js';

/** Components that lesson authors may use without importing them (see docs/CONTENT-FORMAT.md). */
export const LESSON_COMPONENTS = ['Callout', 'DoDont', 'Scenario', 'Choice', 'Term', 'Figure', 'Source'];

/** remark plugin: Polish typography in every text node of a lesson. */
export function polishTypography() {
	/** @param {any} node @param {any} [next] the node's next sibling */
	const walk = (node, next) => {
		if (node.type === 'text' && typeof node.value === 'string')
			node.value = bindSingleLetterWords(node.value, next !== undefined && next.type !== 'break');
		if (Array.isArray(node.children))
			node.children.forEach((/** @type {any} */ child, /** @type {number} */ i) => walk(child, node.children[i + 1]));
	};
	return (/** @type {any} */ tree) => walk(tree);
}

/** Props of the lesson components that hold text a reader sees (not src, type, ...). */
const TEXT_PROPS = new Set(['label', 'title', 'def', 'alt', 'caption', 'dos', 'donts']);
/** Elements whose text is shown as written. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/**
 * Svelte preprocessor (after mdsvex): the same typography as polishTypography() for the text that remark does not
 * see as markdown, i.e. the text props of lesson components (label, title, def, alt, caption, the strings of
 * dos/donts) and text written directly inside them (a Choice's explanation, a Source).
 */
export function lessonTypographyPreprocess() {
	return {
		name: 'lesson-typography',
		/** @param {{ content: string, filename?: string }} input */
		async markup({ content, filename }) {
			if (!filename || !filename.endsWith('.md')) return;
			// Loaded here, not at the top: the catalogue imports this file and must not pull the compiler into the app.
			const { parse } = await import('svelte/compiler');
			/** @type {any} */
			let ast;
			try {
				ast = parse(content, { modern: true });
			} catch {
				return; // the compiler reports the error with the file's context
			}
			/** @type {{ start: number, end: number, text: string }[]} */
			const edits = [];
			/** @param {{ start: number, end: number }} node @param {boolean} [wordFollows] */
			const bind = (node, wordFollows = false) => {
				const before = content.slice(node.start, node.end);
				const after = bindSingleLetterWords(before, wordFollows);
				if (after !== before) edits.push({ start: node.start, end: node.end, text: after });
			};
			/** Every string literal in a prop's expression (the arrays of DoDont). @param {any} node */
			const literals = (node) => {
				if (!node || typeof node !== 'object') return;
				if (node.type === 'Literal' && typeof node.value === 'string')
					return bind({ start: node.start + 1, end: node.end - 1 }); // inside the quotes
				for (const [key, value] of Object.entries(node)) {
					if (key === 'loc' || key === 'metadata') continue;
					if (Array.isArray(value)) value.forEach(literals);
					else literals(value);
				}
			};
			/**
			 * @param {any} node
			 * @param {boolean} inside whether a lesson component encloses the node
			 * @param {any} [next] the node's next sibling
			 */
			const walk = (node, inside, next) => {
				if (!node || typeof node !== 'object') return;
				if (node.type === 'Text' && inside) return bind(node, next !== undefined && next.name !== 'br');
				if (node.type === 'RegularElement' && VERBATIM.has(node.name)) return;
				const isLesson = node.type === 'Component' && LESSON_COMPONENTS.includes(node.name);
				if (isLesson)
					for (const attribute of node.attributes)
						if (attribute.type === 'Attribute' && TEXT_PROPS.has(attribute.name)) {
							if (Array.isArray(attribute.value))
								attribute.value.forEach((/** @type {any} */ part) =>
									part.type === 'Text' ? bind(part) : literals(part)
								);
							else literals(attribute.value);
						}
				/** @param {any} fragment @param {boolean} within */
				const walkAll = (fragment, within) =>
					fragment.nodes.forEach((/** @type {any} */ child, /** @type {number} */ i) =>
						walk(child, within, fragment.nodes[i + 1])
					);
				if (node.fragment) walkAll(node.fragment, inside || isLesson);
				for (const key of ['consequent', 'alternate', 'body', 'pending', 'then', 'catch'])
					if (node[key]?.type === 'Fragment') walkAll(node[key], inside);
			};
			walk({ fragment: ast.fragment }, false);
			if (edits.length === 0) return;
			let code = content;
			for (const edit of edits.sort((a, b) => b.start - a.start))
				code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
			return { code };
		}
	};
}

/** Svelte preprocessor: adds the import of the lesson components a compiled .md file uses. */
export function lessonComponentsPreprocess() {
	return {
		name: 'lesson-components',
		/** @param {{ content: string, filename?: string }} input */
		markup({ content, filename }) {
			if (!filename || !filename.endsWith('.md')) return;
			const used = LESSON_COMPONENTS.filter((name) => new RegExp(`<${name}[\\s/>]`).test(content));
			if (used.length === 0) return;
			const importLine = `import { ${used.join(', ')} } from '$lib/lesson';`;
			const instanceScript = /<script(?![^>]*context=["']module["'])(?![^>]*\smodule[\s>])[^>]*>/;
			const match = content.match(instanceScript);
			if (match && match.index !== undefined) {
				const at = match.index + match[0].length;
				return { code: content.slice(0, at) + '\n' + importLine + content.slice(at) };
			}
			return { code: `<script>\n${importLine}\n</script>\n` + content };
		}
	};
}
