import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_PATTERN, generateCode, normalizeCode } from '$lib/server/certificates/code';

describe('certificate codes', () => {
	it('uses 32 unambiguous characters (no I, L, O, U)', () => {
		expect(CODE_ALPHABET).toHaveLength(32);
		expect(new Set(CODE_ALPHABET).size).toBe(32);
		expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
	});

	it('formats every code as XXXXX-XXXXX from the alphabet, whatever the random bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
				const code = generateCode(() => bytes);
				expect(code).toMatch(CODE_PATTERN);
				for (const ch of code.replace('-', '')) expect(CODE_ALPHABET).toContain(ch);
			})
		);
	});

	it('reads back what it printed, however it is typed', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
				const code = generateCode(() => bytes);
				expect(normalizeCode(code)).toBe(code);
				expect(normalizeCode(` ${code.toLowerCase().replace('-', ' ')} `)).toBe(code);
				expect(normalizeCode(code.replace('-', ''))).toBe(code);
			})
		);
	});

	it('maps look-alike letters to digits and rejects what can never be a code', () => {
		expect(normalizeCode('oooooiiiii')).toBe('00000-11111');
		expect(normalizeCode('LLLLL-00000')).toBe('11111-00000');
		expect(normalizeCode('ABCDE-FGHJ')).toBeNull();
		expect(normalizeCode('ABCDE-FGHJKM')).toBeNull();
		expect(normalizeCode('UUUUU-UUUUU')).toBeNull();
		expect(normalizeCode('<script>')).toBeNull();
		expect(normalizeCode('')).toBeNull();
	});

	it('does not repeat itself (10 000 real codes, 50 random bits each)', () => {
		const codes = new Set(Array.from({ length: 10_000 }, () => generateCode()));
		expect(codes.size).toBe(10_000);
	});

	it('uses every character of the alphabet in both halves', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 2000; i++) for (const ch of generateCode().replace('-', '')) seen.add(ch);
		expect(seen.size).toBe(32);
	});
});
