import { describe, expect, it } from 'vitest';
import { accessibilityStatement, ASSESSED_ON } from '$lib/server/accessibility';
import { DEFAULT_INSTITUTION } from '$lib/server/institution';
import { insertUser } from './db-helpers';

describe('accessibility statement', () => {
	it('is complete with defaults: the institution, the day of the first account, the assessment date', () => {
		insertUser({ createdAt: new Date('2026-03-02T10:00:00Z') });
		insertUser({ createdAt: new Date('2026-05-02T10:00:00Z') });
		const statement = accessibilityStatement({});
		expect(statement.entity).toBe(DEFAULT_INSTITUTION);
		expect(statement.published).toBe('2026-03-02');
		expect(statement.updated).toBe(ASSESSED_ON);
		expect(statement.contact).toEqual({ name: '', email: '', phone: '' });
		expect(statement.architecture).toBe('');
	});

	it('takes the institution name, the mail sender and the A11Y_* settings when given', () => {
		const statement = accessibilityStatement({
			MAIL_FROM: 'Akademia <akademia@zwiazek.example.pl>',
			A11Y_PUBLISHED_DATE: '2026-01-15',
			A11Y_ARCHITECTURE: 'Wejście bez progów od ul. Długiej.'
		});
		expect(statement.contact.email).toBe('akademia@zwiazek.example.pl');
		expect(statement.published).toBe('2026-01-15');
		expect(statement.architecture).toBe('Wejście bez progów od ul. Długiej.');
		expect(accessibilityStatement({ A11Y_ENTITY_NAME: 'Gmina Testowa' }).entity).toBe('Gmina Testowa');
	});
});
