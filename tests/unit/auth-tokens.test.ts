import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '$lib/server/db';
import {
	consumeInvitation,
	consumePasswordReset,
	createInvitation,
	createPasswordReset,
	findValidInvitation,
	findValidPasswordReset,
	INVITATION_LIFETIME,
	RESET_LIFETIME
} from '$lib/server/auth/tokens';
import { acceptInvitation } from '$lib/server/auth/accept-invitation';
import { changePassword, resetPasswordWithLink } from '$lib/server/auth/password-change';
import { auditLog } from '$lib/server/db/schema';
import { insertUser } from './db-helpers';

describe('invitation links', () => {
	it('work once', () => {
		const token = createInvitation({ email: 'Nowa@Example.test', role: 'learner', invitedBy: null });
		const invitation = findValidInvitation(token);
		expect(invitation?.email).toBe('nowa@example.test');
		const first = acceptInvitation(invitation!, { name: 'Nowa Osoba', organisation: 'UG', passwordHash: 'x' });
		expect(first.ok).toBe(true);
		expect(findValidInvitation(token)).toBeUndefined();
		expect(consumeInvitation(invitation!.id, getDb())).toBe(false);
	});

	it('expire after 7 days', () => {
		const now = Date.now();
		const token = createInvitation({ email: 'pozno@example.test', role: 'trainer', invitedBy: null }, now);
		expect(findValidInvitation(token, now + INVITATION_LIFETIME - 1000)).toBeDefined();
		expect(findValidInvitation(token, now + INVITATION_LIFETIME + 1)).toBeUndefined();
	});

	it('are refused for an email that already has an account, writing nothing', () => {
		insertUser({ email: 'zajety@example.test' });
		const token = createInvitation({ email: 'zajety@example.test', role: 'learner', invitedBy: null });
		const result = acceptInvitation(findValidInvitation(token)!, {
			name: 'X Y',
			organisation: 'UG',
			passwordHash: 'x'
		});
		expect(result).toEqual({ ok: false, reason: 'email_taken' });
		expect(findValidInvitation(token)).toBeDefined();
	});

	it('are not found with a wrong token', () => {
		createInvitation({ email: 'ktos@example.test', role: 'learner', invitedBy: null });
		expect(findValidInvitation('wrong-token')).toBeUndefined();
	});
});

describe('password reset links', () => {
	it('work once and expire after an hour', () => {
		const userId = insertUser();
		const now = Date.now();
		const token = createPasswordReset(userId, now);
		const reset = findValidPasswordReset(token, now);
		expect(reset?.userId).toBe(userId);
		expect(findValidPasswordReset(token, now + RESET_LIFETIME + 1)).toBeUndefined();
		expect(consumePasswordReset(reset!.id, getDb(), now)).toBe(true);
		expect(consumePasswordReset(reset!.id, getDb(), now)).toBe(false);
		expect(findValidPasswordReset(token, now)).toBeUndefined();
	});

	it('using one link, or changing the password any way, voids every other outstanding link (issue 14)', async () => {
		const userId = insertUser();
		const otherUser = insertUser();
		const [a, b, c] = [createPasswordReset(userId), createPasswordReset(userId), createPasswordReset(userId)];
		const foreign = createPasswordReset(otherUser);
		expect(resetPasswordWithLink(findValidPasswordReset(a)!, 'hash-1')).toBe(true);
		expect(findValidPasswordReset(b)).toBeUndefined();
		expect(findValidPasswordReset(c)).toBeUndefined();
		expect(findValidPasswordReset(foreign)).toBeDefined();

		const d = createPasswordReset(userId);
		changePassword(userId, 'hash-2');
		expect(findValidPasswordReset(d)).toBeUndefined();
		const actions = getDb()
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.subjectId, userId))
			.all()
			.map((r) => r.action);
		expect(actions).toEqual(['password.reset', 'password.changed']);
	});
});
