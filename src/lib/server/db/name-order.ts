// Lists of people sort the Polish way, by surname and then first name: "Ćwik" after "Czyż", "Łoś" after
// "Lis", "Żak" last. One key function serves SQL (registered as pl_name_key() on every connection, so paged
// lists sort in the database) and JavaScript (comparePeople): the same order everywhere.

const ALPHABET = 'aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż';
const RANK = new Map([...ALPHABET].map((letter, i) => [letter, i]));

/** One letter's sort character: Polish letters in alphabet order, other accented letters as their base letter. */
function letterKey(char: string): string {
	let rank = RANK.get(char);
	if (rank === undefined) {
		const base = char.normalize('NFD').replace(/\p{M}+/gu, '');
		rank = base.length === 1 ? RANK.get(base) : undefined;
	}
	// Code points from U+0100 up, so a binary comparison of the UTF-8 key follows the rank; digits, spaces and
	// hyphens keep their own (lower) code points and sort before letters.
	return rank === undefined ? char : String.fromCodePoint(0x100 + rank);
}

/**
 * The sort key of a person's name as written ("Anna Maria Nowak-Ćwik"): the surname (the last word) first,
 * then the first names. Compare keys as plain strings (binary), never with a locale.
 */
export function polishNameKey(name: string | null | undefined): string {
	const words = (name ?? '').trim().toLocaleLowerCase('pl').split(/\s+/).filter(Boolean);
	const surname = words.pop() ?? '';
	const key = (text: string) => [...text].map(letterKey).join('');
	return key(surname) + '\u0001' + key(words.join(' '));
}

export function comparePeople(a: string | null | undefined, b: string | null | undefined): number {
	const ka = polishNameKey(a);
	const kb = polishNameKey(b);
	return ka < kb ? -1 : ka > kb ? 1 : 0;
}
