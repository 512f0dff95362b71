// Public verification codes: 10 random characters from Crockford's base32 alphabet (no I, L, O, U, so nothing
// is mistaken for 1, 0 or a rude word), shown as XXXXX-XXXXX. 50 bits: guessing one is hopeless, typing it is not.
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/** A new random code, formatted XXXXX-XXXXX. The alphabet has 32 letters, so `byte & 31` is uniform. */
export function generateCode(random: (n: number) => Uint8Array = randomBytes): string {
	const bytes = random(CODE_LENGTH);
	let raw = '';
	for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[bytes[i] & 31];
	return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

function randomBytes(n: number): Uint8Array {
	const buffer = new Uint8Array(n);
	crypto.getRandomValues(buffer);
	return buffer;
}

/**
 * What a person typed, as a canonical code, or null when it cannot be one. Case, spaces and dashes do not
 * matter, and the look-alikes O, I and L read as 0, 1 and 1 (as Crockford intends).
 */
export function normalizeCode(input: string): string | null {
	const raw = input
		.toUpperCase()
		.replace(/[\s\-‐-―]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
	if (raw.length !== CODE_LENGTH) return null;
	const code = `${raw.slice(0, 5)}-${raw.slice(5)}`;
	return CODE_PATTERN.test(code) ? code : null;
}
