import { env } from '$env/dynamic/private';
import type { PageServerLoad } from './$types';

// Public by design (the law wants the declaration reachable without signing in), so no guard.
// The institution running Akademia fills these in its environment; empty ones show as marked placeholders.
export const load = (() => ({
	entity: env.A11Y_ENTITY_NAME?.trim() || '',
	contact: {
		name: env.A11Y_CONTACT_NAME?.trim() || '',
		email: env.A11Y_CONTACT_EMAIL?.trim() || '',
		phone: env.A11Y_CONTACT_PHONE?.trim() || ''
	},
	published: env.A11Y_PUBLISHED_DATE?.trim() || '',
	updated: env.A11Y_UPDATED_DATE?.trim() || ''
})) satisfies PageServerLoad;
