// auth/password-reset.ts requestPasswordReset and auth/password-change.ts changeOwnPassword / resetPassword.
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { changeOwnPassword, resetPassword } from '$lib/server/auth/password-change';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { getDb } from '$lib/server/db';
import { auditLog, mailOutbox, passwordResets, users } from '$lib/server/db/schema';
import { insertUser } from './db-helpers';

vi.spyOn(console, 'info').mockImplementation(() => {});

const mailsTo = (email: string) => getDb().select().from(mailOutbox).where(eq(mailOutbox.to, email)).all();
const hashOf = (id: string) => getDb().select().from(users).where(eq(users.id, id)).get()!.passwordHash!;

describe('asking for a reset link', () => {
	it('mails a link to an active account with a password, in its language; nothing for the others', async () => {
		const hash = await hashPassword('stare-haslo-123');
		insertUser({ email: 'ma.konto@example.test', passwordHash: hash, locale: 'en' });
		insertUser({ email: 'bez.hasla@example.test' });
		insertUser({ email: 'wylaczone@example.test', passwordHash: hash, disabledAt: new Date() });
		for (const [i, email] of ['ma.konto', 'bez.hasla', 'wylaczone', 'nikt'].entries())
			requestPasswordReset(`${email}@example.test`, `10.0.0.${i}`, 'https://akademia.example.test');
		const [mail] = mailsTo('ma.konto@example.test');
		expect(mail.body).toMatch(/https:\/\/akademia\.example\.test\/reset-password\/\S+/);
		expect(mail.subject).not.toMatch(/hasła/);
		for (const email of ['bez.hasla', 'wylaczone', 'nikt']) expect(mailsTo(`${email}@example.test`)).toEqual([]);
	});

	it('stops sending from one address after its budget, whatever the email', () => {
		insertUser({ email: 'zalewany@example.test', passwordHash: 'x' });
		for (let i = 0; i < 50; i++) requestPasswordReset('zalewany@example.test', '10.9.9.9', 'https://a.test');
		const sent = mailsTo('zalewany@example.test').length;
		expect(sent).toBeGreaterThan(0);
		expect(sent).toBeLessThan(50);
	});
});

describe('changing and resetting a password', () => {
	it('changes it only with the right current password, audited, and voids reset links', async () => {
		const id = insertUser({ passwordHash: await hashPassword('obecne-haslo-1') });
		expect(await changeOwnPassword(id, 'zle-haslo', 'nowe-haslo-12345')).toBe(false);
		expect(await verifyPassword(hashOf(id), 'obecne-haslo-1')).toBe(true);
		getDb()
			.insert(passwordResets)
			.values({ id: 'r1', tokenHash: 'h', userId: id, expiresAt: new Date(Date.now() + 60_000) })
			.run();
		expect(await changeOwnPassword(id, 'obecne-haslo-1', 'nowe-haslo-12345')).toBe(true);
		expect(await verifyPassword(hashOf(id), 'nowe-haslo-12345')).toBe(true);
		expect(getDb().select().from(passwordResets).where(eq(passwordResets.id, 'r1')).get()?.usedAt).not.toBeNull();
		const actions = getDb().select().from(auditLog).where(eq(auditLog.subjectId, id)).all();
		expect(actions.map((a) => a.action)).toEqual(['password.changed']);
	});

	it('resets it through a link once; an unknown link changes nothing', async () => {
		insertUser({ email: 'reset@example.test', passwordHash: await hashPassword('zapomniane-1') });
		requestPasswordReset('reset@example.test', '10.1.1.1', 'https://a.test');
		const token = /reset-password\/(\S+)/.exec(mailsTo('reset@example.test')[0].body)![1];
		const id = getDb().select().from(users).where(eq(users.email, 'reset@example.test')).get()!.id;
		expect(await resetPassword('no-such-token', 'nowe-haslo-12345')).toBe(false);
		expect(await resetPassword(token, 'nowe-haslo-12345')).toBe(true);
		expect(await verifyPassword(hashOf(id), 'nowe-haslo-12345')).toBe(true);
		expect(await resetPassword(token, 'inne-haslo-12345')).toBe(false);
		expect(await verifyPassword(hashOf(id), 'nowe-haslo-12345')).toBe(true);
	});
});
