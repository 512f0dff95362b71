// The outbox: every message is stored; once SMTP has delivered one, the stored copy that admins can read keeps
// no working invitation or password-reset link.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '$lib/server/db';
import { mailOutbox } from '$lib/server/db/schema';
import { sendMail, sendMailsInBackground, withoutAccountLinks } from '$lib/server/mail/outbox';

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
});
