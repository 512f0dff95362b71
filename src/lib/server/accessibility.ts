// What the accessibility statement (/dostepnosc) says about who runs Akademia and how to reach them. Every
// field has a default an office can keep, so the page never shows a placeholder; the A11Y_* settings
// (docs/OPERATIONS.md) override them.
import { sql } from 'drizzle-orm';
import { getDb } from './db';
import { contactEmail, institutionName } from './institution';

/** The date of the self-assessment this version's statement describes; change it with the next assessment. */
export const ASSESSED_ON = '2026-12-07';

export interface AccessibilityStatement {
	entity: string;
	contact: { name: string; email: string; phone: string };
	/** YYYY-MM-DD: when this installation went live (its first account), unless A11Y_PUBLISHED_DATE says. */
	published: string;
	updated: string;
	assessed: string;
	/** The institution's own description of its building, or '' for the default wording. */
	architecture: string;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function installedOn(): string {
	const row = getDb().get<{ first: number | null }>(sql`SELECT min(created_at) AS first FROM users`);
	return isoDay(row?.first ?? Date.now());
}

export function accessibilityStatement(env: Record<string, string | undefined> = process.env): AccessibilityStatement {
	const setting = (name: string) => env[name]?.trim() || '';
	return {
		entity: setting('A11Y_ENTITY_NAME') || institutionName(),
		contact: {
			name: setting('A11Y_CONTACT_NAME'),
			email: setting('A11Y_CONTACT_EMAIL') || contactEmail(env),
			phone: setting('A11Y_CONTACT_PHONE')
		},
		published: setting('A11Y_PUBLISHED_DATE') || installedOn(),
		updated: setting('A11Y_UPDATED_DATE') || ASSESSED_ON,
		assessed: ASSESSED_ON,
		architecture: setting('A11Y_ARCHITECTURE')
	};
}
