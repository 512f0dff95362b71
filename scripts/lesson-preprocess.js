// Build-time helpers for lesson files (mdsvex). Plain JS because svelte.config.js loads them before Vite runs.

/** Components that lesson authors may use without importing them (see docs/CONTENT-FORMAT.md). */
export const LESSON_COMPONENTS = ['Callout', 'DoDont', 'Scenario', 'Choice', 'Term', 'Figure', 'Source'];

const SINGLE_LETTER_WORD = /(^|[\s(„])([aiouwzAIOUWZ])\s+(?=\S)/g;

/** Binds one-letter Polish words (w, z, i, a, o, u) to the next word so a line never ends with one. */
/** @param {string} text */
export function bindSingleLetterWords(text) {
	// Twice, because a match consumes the space that the next single-letter word starts from ("i w domu").
	return text.replace(SINGLE_LETTER_WORD, '$1$2\u00a0').replace(SINGLE_LETTER_WORD, '$1$2\u00a0');
}

/** remark plugin: Polish typography in every text node of a lesson. */
export function polishTypography() {
	/** @param {any} node */
	const walk = (node) => {
		if (node.type === 'text' && typeof node.value === 'string') node.value = bindSingleLetterWords(node.value);
		if (Array.isArray(node.children)) node.children.forEach(walk);
	};
	return walk;
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
