// The outbox: every message is stored; once SMTP has delivered one, the stored copy that admins can read keeps
// no working invitation or password-reset link.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '$lib/server/db';
import { mailOutbox } from '$lib/server/db/schema';
import {
	queueMail,
	recentMail,
	resumePendingMail,
	sendMail,
	sendMailsInBackground,
	withoutAccountLinks
} from '$lib/server/mail/outbox';

const sent: unknown[] = [];
vi.mock('nodemailer', () => ({
	createTransport: () => ({ sendMail: async (message: unknown) => void sent.push(message) })
}));

afterEach(() => {
	delete process.env.SMTP_URL;
});

const RESET = 'https://akademia.example.pl/reset-password/abcDEF123_-xyz';
const INVITE = 'http://localhost:3000/invitation/q2w3e4r5t6y7';
const body = `Dzień dobry,\nustaw hasło: ${RESET}\nlub przyjmij zaproszenie: ${INVITE}\nAkademia (https://akademia.example.pl/courses)`;

describe('mail outbox', () => {
	it('replaces invitation and reset links, and nothing else', () => {
		const out = withoutAccountLinks(body);
		expect(out).not.toContain('abcDEF123');
		expect(out).not.toContain('q2w3e4r5t6y7');
		expect(out).toContain('Dzień dobry,');
		expect(out).toContain('https://akademia.example.pl/courses');
		expect(out.match(/\[link removed after sending\]/g)).toHaveLength(2);
	});

	it('keeps the links in the outbox when there is no SMTP (the outbox is the delivery)', async () => {
		const id = await sendMail({ to: 'a@urzad.test', subject: 'Link', body });
		const row = getDb().select().from(mailOutbox).where(eq(mailOutbox.id, id)).get()!;
		expect(row.body).toBe(body);
		expect(row.sentAt).toBeNull();
	});

	it('sends the full message over SMTP and keeps only a copy without the links', async () => {
		process.env.SMTP_URL = 'smtp://mail.example.test:587';
		const id = await sendMail({ to: 'b@urzad.test', subject: 'Link', body });
		expect(sent).toHaveLength(1);
		expect((sent[0] as { text: string }).text).toBe(body);
		const row = getDb().select().from(mailOutbox).where(eq(mailOutbox.id, id)).get()!;
		expect(row.sentAt).not.toBeNull();
		expect(row.body).not.toContain(RESET);
		expect(row.body).not.toContain(INVITE);
	});

	it('a long list is stored at once and delivered afterwards, without holding the caller', async () => {
		process.env.SMTP_URL = 'smtp://mail.example.test:587';
		const before = sent.length;
		const mails = Array.from({ length: 50 }, (_, i) => ({ to: `u${i}@urzad.test`, subject: 'Zaproszenie', body }));
		expect(sendMailsInBackground(mails)).toBe(50);
		// Already in the outbox when the call returns, nothing sent yet.
		const stored = () => getDb().select().from(mailOutbox).where(eq(mailOutbox.subject, 'Zaproszenie')).all();
		expect(stored()).toHaveLength(50);
		expect(sent.length).toBe(before);
		await vi.waitFor(() => expect(stored().every((m) => m.sentAt !== null)).toBe(true));
		expect(sent.length).toBe(before + 50);
	});

	it('after a restart, sends what was stored but never sent; not without SMTP, not failed ones, not old ones', async () => {
		const db = getDb();
		db.delete(mailOutbox).run();
		const pending = queueMail({ to: 'p@urzad.test', subject: 'Przerwane', body });
		const failed = queueMail({ to: 'f@urzad.test', subject: 'Błąd', body });
		db.update(mailOutbox).set({ error: 'boom' }).where(eq(mailOutbox.id, failed)).run();
		const old = queueMail({ to: 'o@urzad.test', subject: 'Stare', body });
		db.update(mailOutbox)
			.set({ createdAt: new Date(Date.now() - 8 * 86_400_000) })
			.where(eq(mailOutbox.id, old))
			.run();
		expect(resumePendingMail()).toBe(0);
		process.env.SMTP_URL = 'smtp://mail.example.test:587';
		const before = sent.length;
		expect(resumePendingMail()).toBe(1);
		await vi.waitFor(() =>
			expect(db.select().from(mailOutbox).where(eq(mailOutbox.id, pending)).get()?.sentAt).not.toBeNull()
		);
		expect(sent.length).toBe(before + 1);
		expect((sent.at(-1) as { to: string }).to).toBe('p@urzad.test');
	});

	it('lists the newest messages first for the admins, at most the limit', () => {
		const db = getDb();
		db.delete(mailOutbox).run();
		for (const [i, subject] of ['pierwsza', 'druga', 'trzecia'].entries()) {
			const id = queueMail({ to: 'a@urzad.test', subject, body });
			db.update(mailOutbox)
				.set({ createdAt: new Date(Date.UTC(2026, 0, 1 + i)) })
				.where(eq(mailOutbox.id, id))
				.run();
		}
		expect(recentMail().map((m) => m.subject)).toEqual(['trzecia', 'druga', 'pierwsza']);
		expect(recentMail(2).map((m) => m.subject)).toEqual(['trzecia', 'druga']);
	});
});
