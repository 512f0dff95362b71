// Polish typography shared by everything that shows content text: lessons (build time), quiz texts (catalogue),
// the glossary and the E2E tests that look for those texts. Plain JS so svelte.config.js can load it.

// The lookbehind consumes nothing, so a run of them binds in one pass ("a i w domu"). The spaces after the letter
// may hold one line break (a soft break in markdown), never a blank line: that is a paragraph break in a quiz text.
const SINGLE_LETTER_WORD = /(?<=^|[\s(„])([aiouwzAIOUWZ])(?=\s)[^\S\n]*\n?[^\S\n]*(?=\S)/g;
// The same, also at the very end of the text, for a piece of text that an inline element follows ("i <Term>").
const SINGLE_LETTER_WORD_OR_END = /(?<=^|[\s(„])([aiouwzAIOUWZ])(?=\s)[^\S\n]*\n?[^\S\n]*(?=\S|$)/g;

/**
 * Binds one-letter Polish words (a, i, o, u, w, z) to the next word with a no-break space, so a line never ends
 * with one. Only a letter standing alone after a space, "(" or „ counts, so URLs, ids and file names are untouched.
 * @param {string} text
 * @param {boolean} [wordFollows] the text is a piece that another inline piece follows (markdown **bold**, a link):
 *   a one-letter word at its very end is bound to that piece.
 */
export function bindSingleLetterWords(text, wordFollows = false) {
	return text.replace(wordFollows ? SINGLE_LETTER_WORD_OR_END : SINGLE_LETTER_WORD, '$1\u00a0');
}
