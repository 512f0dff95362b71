import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fields, newPasswordSchema } from '$lib/server/forms/fields';
import { validateForm } from '$lib/server/forms/validate';

const personSchema = z.object({
	email: fields.email(),
	name: fields.personName(),
	organisation: fields.organisation()
});
const form = (values: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(values)) data.append(k, v);
	return data;
};

describe('form validation', () => {
	it('accepts Polish names and lowercases the email', () => {
		const result = validateForm(
			personSchema,
			form({ email: ' Lucja.Gesla@Urzad.test ', name: 'Łucja Żółkiewska-Gęślak', organisation: 'Urząd Gminy Łącko' })
		);
		expect(result).toEqual({
			ok: true,
			data: { email: 'lucja.gesla@urzad.test', name: 'Łucja Żółkiewska-Gęślak', organisation: 'Urząd Gminy Łącko' }
		});
	});

	it('gives a translated message per field for empty, malformed, hostile and overlong input', () => {
		const result = validateForm(
			personSchema,
			form({ email: 'nie-email', name: '<script>alert(1)</script>', organisation: 'x'.repeat(10_000) })
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.email).toMatch(/poprawny adres e-mail/);
		expect(result.errors.name).toMatch(/tylko litery/);
		expect(result.errors.organisation).toMatch(/za długi/);
		const empty = validateForm(personSchema, form({}));
		expect(!empty.ok && empty.errors.email).toBe('To pole jest wymagane.');
	});

	it('refuses an organisation that Excel would run as a formula', () => {
		const result = validateForm(
			personSchema,
			form({ email: 'a@b.test', name: 'Jan Kowalski', organisation: '=HYPERLINK("http://x")' })
		);
		expect(!result.ok && result.errors.organisation).toMatch(/nie może zaczynać się od „=”/);
	});

	it('refuses invisible format characters (Unicode Cf) in every free-text field (issue 14)', () => {
		const invisible = ['\u202E', '\u200B', '\u200D', '\u2060', '\u00AD', '\u061C'];
		for (const ch of invisible) {
			const result = validateForm(
				personSchema,
				form({ email: 'a@b.test', name: `Jan${ch} Kowalski`, organisation: `Urząd${ch} Gminy` })
			);
			expect(!result.ok && result.errors.organisation, JSON.stringify(ch)).toMatch(/niewidoczne znaki/);
			expect(!result.ok && result.errors.name, JSON.stringify(ch)).toMatch(/niewidoczne znaki/);
			for (const schema of [fields.plainText(200), fields.optionalText(200)])
				expect(schema.safeParse(`Sala${ch} 12`).success, JSON.stringify(ch)).toBe(false);
		}
		// A zero-width space does not hide a formula either.
		const formula = fields.plainText(200).safeParse('\u200B=HYPERLINK("http://x")');
		expect(formula.success).toBe(false);
		// Ordinary Polish text, with a no-break space, passes.
		expect(fields.plainText(200).safeParse('Sala nr\u00A012, ul. Żółta 3').success).toBe(true);
		expect(fields.optionalText(200).parse(undefined)).toBe('');
		expect(fields.optionalText(200).parse('  ')).toBe('');
	});

	it('asks for 12+ characters and the same password twice', () => {
		const short = validateForm(newPasswordSchema, form({ password: 'krotkie', password_repeat: 'krotkie' }));
		expect(!short.ok && short.errors.password).toMatch(/12 znaków/);
		const differ = validateForm(
			newPasswordSchema,
			form({ password: 'dlugie-haslo-1', password_repeat: 'dlugie-haslo-2' })
		);
		expect(!differ.ok && differ.errors.password_repeat).toMatch(/nie są takie same/);
	});
});
