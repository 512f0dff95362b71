// The one-time name confirmation may correct how the account's name is written, not whose name it is. Pure.

const POLISH_LETTERS: Record<string, string> = {
	ą: 'a',
	ć: 'c',
	ę: 'e',
	ł: 'l',
	ń: 'n',
	ó: 'o',
	ś: 's',
	ź: 'z',
	ż: 'z'
};

/** The words of a name with letter case, Polish letters, hyphens and word order folded away. */
export function nameKey(name: string): string {
	return name
		.normalize('NFC')
		.toLocaleLowerCase('pl')
		.replace(/[ąćęłńóśźż]/g, (c) => POLISH_LETTERS[c])
		.replace(/[-‐‑‒–—]/g, ' ')
		.split(/\s+/)
		.filter(Boolean)
		.sort()
		.join(' ');
}

/**
 * Whether the learner may print `requested` without an administrator: the same words as the account's name,
 * differing only in letter case, Polish letters (added or removed), hyphens and word order. "Łęcka-Wójcik",
 * "Łęcka Wójcik", "Lecka-Wojcik" and "Wójcik-Łęcka" are one name; "Jan Kowalski" on Grażyna's account is not.
 */
export function nameCorrectionAccepted(accountName: string, requested: string): boolean {
	const key = nameKey(requested);
	return key !== '' && key === nameKey(accountName);
}
