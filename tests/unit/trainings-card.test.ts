// The public registration card's own rules: what a clerk types in usual notation passes, markup and formulas
// in free text do not.
import { describe, expect, it } from 'vitest';
import { cardSchema } from '../../src/lib/server/trainings/card';
import { clauseSettings, missingClauseSettings } from '../../src/lib/server/trainings/public';

const card = (extra: Record<string, string>) => ({
	first_name: 'Łucja',
	last_name: 'Żółkiewska-Gęślak',
	office: 'Urząd Gminy Celestynów',
	office_type: 'gmina',
	email: 'lucja@example.pl',
	consent: 'yes',
	...extra
});

describe('registration card', () => {
	it('takes a phone number with the country code and the usual separators', () => {
		for (const phone of ['+48 12 345 67 89', '(12) 345-67-89', '123456789', '']) {
			const result = cardSchema(false).safeParse(card({ phone }));
			expect(result.success, phone).toBe(true);
			if (result.success) expect(result.data.phone).toBe(phone);
		}
	});

	it('refuses a phone number with letters or a formula', () => {
		for (const phone of ['dzwonić po 15', '=1+1', '+48 12 345 67 89 00 11 22']) {
			const result = cardSchema(false).safeParse(card({ phone }));
			expect(result.success, phone).toBe(false);
			if (!result.success) expect(result.error.issues[0].message).toBe('phone_invalid');
		}
	});

	it('keeps the free-text rules for the other fields', () => {
		for (const [field, value] of [
			['dietary', '=HYPERLINK("x")'],
			['position', '<b>kierownik</b>'],
			['accessibility', 'pętla\u202Eindukcyjna']
		]) {
			const result = cardSchema(false).safeParse(card({ [field]: value }));
			expect(result.success, field).toBe(false);
		}
		const fine = cardSchema(false).safeParse(card({ dietary: 'bez glutenu', position: 'inspektor' }));
		expect(fine.success).toBe(true);
	});
});

describe('the information clause under the card', () => {
	it('names the controller from the most specific setting there is', () => {
		expect(
			clauseSettings({ TRAINING_CONTROLLER_NAME: 'Związek Gmin', INSTITUTION_NAME: 'Akademia X' }).controller
		).toBe('Związek Gmin');
		expect(clauseSettings({ INSTITUTION_NAME: ' Akademia X ' }).controller).toBe('Akademia X');
		expect(clauseSettings({ CONTACT_EMAIL: 'iod@zwiazek.pl' }).contact).toBe('iod@zwiazek.pl');
		expect(clauseSettings({ A11Y_CONTACT_EMAIL: 'a11y@zwiazek.pl', CONTACT_EMAIL: 'x@y.pl' }).contact).toBe(
			'a11y@zwiazek.pl'
		);
	});

	it('lists what is missing, for the warning at start', () => {
		expect(missingClauseSettings({})).toEqual(['TRAINING_CONTROLLER_NAME', 'TRAINING_CONTROLLER_CONTACT']);
		expect(missingClauseSettings({ INSTITUTION_NAME: 'Akademia X', CONTACT_EMAIL: 'a@b.pl' })).toEqual([]);
	});
});
