// What the hostile-input spec throws at each form action and write endpoint: one row each, keyed like the
// authorisation table ("POST /path?/action", "POST /path"). security-hostile.spec.ts fails on an action or
// non-GET endpoint without a row. A row names who sends it (someone ALLOWED to reach the code, so the test hits
// validation, not the guard) and the fields the form reads.
import type { Actor, Fixtures } from './fixtures';

export interface HostileRow {
	actor: Actor;
	params?: (fx: Fixtures) => Record<string, string>;
	/** Field names the action reads (hostile values go into these, plus unknown extra fields). */
	fields: string[];
	/** Statuses a rejection may have besides 400/413/415 (e.g. 404 when an id does not exist). */
	alsoAccept?: number[];
	/** Endpoints take JSON; actions take forms. */
	body?: 'form' | 'json';
	/** Why this request is not fuzzed, when it reads no input at all. */
	skip?: string;
}

export const HOSTILE_TABLE: Record<string, HostileRow> = {
	// --- foundation ---
	'POST /login?/default': { actor: 'anonymous', fields: ['email', 'password'] },
	'POST /invitation/[token]?/default': {
		actor: 'anonymous',
		params: () => ({ token: 'no-such-invitation' }),
		fields: ['name', 'organisation', 'password', 'password_repeat']
	},
	'POST /reset-password?/default': { actor: 'anonymous', fields: ['email'] },
	'POST /reset-password/[token]?/default': {
		actor: 'anonymous',
		params: () => ({ token: 'no-such-reset' }),
		fields: ['password', 'password_repeat']
	},
	'POST /account?/password': { actor: 'learner', fields: ['current_password', 'password', 'password_repeat'] },
	'POST /language?/default': { actor: 'learner', fields: ['locale', 'next'] },
	'POST /logout?/default': { actor: 'learner', fields: [], skip: 'reads no input; ends the session by design' },
	'POST /admin/invitations?/default': { actor: 'admin', fields: ['email', 'role'] },

	// --- reliability ---
	'POST /admin/privacy?/find': { actor: 'admin', fields: ['email'] },
	'POST /admin/privacy?/anonymise': { actor: 'admin', fields: ['email', 'confirm'] }

	// --- lessons, quizzes, certificates, admin, trainer: add rows here ---
};
