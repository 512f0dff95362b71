// Every message is written to the outbox first. With SMTP_URL set it is then sent; without it the outbox is
// the delivery (an admin reads it in the app and the server log points to it).
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, prepared, type Tx } from '../db';
import { mailOutbox, type MailAttachment } from '../db/schema';
import { randomId } from '../ids';
import { institutionName } from '../institution';

export interface Mail {
	to: string;
	subject: string;
	body: string;
	/** Text attachments (a calendar invitation); stored with the message. */
	attachments?: MailAttachment[];
}

/**
 * The body with invitation, password-reset, training cancellation and approval links replaced by a note (their
 * tokens act for the person they were sent to).
 */
export function withoutAccountLinks(body: string): string {
	return body.replace(
		/\S+\/(?:reset-password|invitation|trainings\/[^\s/]+\/(?:cancel|approval))\/[A-Za-z0-9_-]+/g,
		'[link removed after sending]'
	);
}

/**
 * Stores the message in the outbox (synchronously) and returns its id; deliverMail sends it. Pass `tx` to store it
 * with the change it announces.
 */
export function queueMail(mail: Mail, tx: Tx = getDb()): string {
	const id = randomId();
	tx.insert(mailOutbox)
		.values({ id, to: mail.to, subject: mail.subject, body: mail.body, attachments: mail.attachments ?? null })
		.run();
	return id;
}

/**
 * Sends a stored message when SMTP is configured; without SMTP_URL the outbox is the delivery. A failure is
 * recorded on the message (admins see it at /admin/outbox) and logged, never thrown.
 */
export async function deliverMail(id: string, mail: Mail): Promise<void> {
	const smtpUrl = process.env.SMTP_URL;
	const db = getDb();
	if (!smtpUrl) {
		console.info(`[mail] "${mail.subject}" to ${mail.to} is in the outbox: sign in as an admin and open /admin/outbox`);
		return;
	}
	try {
		const { createTransport } = await import('nodemailer');
		const calendar = mail.attachments?.find((a) => a.contentType.startsWith('text/calendar'));
		await createTransport(smtpUrl).sendMail({
			from: senderAddress(),
			to: mail.to,
			subject: mail.subject,
			text: mail.body,
			attachments: (mail.attachments ?? [])
				.filter((a) => a !== calendar)
				.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
			// nodemailer sends the calendar as an alternative body part and as a file: Outlook, Gmail and
			// Thunderbird then show it as an invitation.
			...(calendar
				? {
						icalEvent: {
							method: /method=(\w+)/i.exec(calendar.contentType)?.[1] ?? 'REQUEST',
							filename: calendar.filename,
							content: calendar.content
						}
					}
				: {})
		});
		// Delivered: the copy admins can read keeps no working sign-in link (a reset link in it would let any
		// admin take over the account, another admin's included).
		db.update(mailOutbox)
			.set({ sentAt: new Date(), body: withoutAccountLinks(mail.body) })
			.where(eq(mailOutbox.id, id))
			.run();
	} catch (e) {
		console.error(`[mail] sending ${id} failed: ${(e as Error).message}`);
		try {
			db.update(mailOutbox)
				.set({ error: (e as Error).message.slice(0, 500) })
				.where(eq(mailOutbox.id, id))
				.run();
		} catch (recordError) {
			console.error(`[mail] could not record the failure of ${id}: ${(recordError as Error).message}`);
		}
	}
}

/**
 * Sends a message stored inside a transaction once that transaction is over. Transactions here are synchronous, so
 * by the next microtask it has committed or rolled back; a rolled-back message is not in the outbox and is not
 * sent (a mail about a certificate that does not exist would be a dead link).
 */
export function deliverAfterCommit(id: string, mail: Mail) {
	queueMicrotask(() => {
		if (outboxRow().get({ id })) void deliverMail(id, mail);
	});
}

const outboxRow = prepared((db) =>
	db
		.select({ id: mailOutbox.id })
		.from(mailOutbox)
		.where(eq(mailOutbox.id, sql.placeholder('id')))
		.prepare()
);

/** Stores the message, then sends it (the message is in the outbox before the first await). */
export async function sendMail(mail: Mail): Promise<string> {
	const id = queueMail(mail);
	await deliverMail(id, mail);
	return id;
}

/**
 * Stores every message now and sends them one after another without holding the request: an SMTP server
 * takes a moment per message, and a staff list has up to 2,000 rows.
 */
export function sendMailsInBackground(mails: Mail[]): number {
	const queued = mails.map((mail) => ({ id: queueMail(mail), mail }));
	deliverInBackground(queued);
	return queued.length;
}

/** Delivers mails already stored (e.g. inside a caller's transaction) one after another, without waiting. */
export function deliverInBackground(queued: { id: string; mail: Mail }[]) {
	(async () => {
		for (const { id, mail } of queued) await deliverMail(id, mail);
	})().catch((e) => console.error(`[mail] background delivery stopped: ${(e as Error).message}`));
}

/** The newest messages first, for the admins' outbox page. */
export function recentMail(limit = 200) {
	return getDb().select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit).all();
}

/**
 * At start, with SMTP configured: sends what a restart interrupted (stored, never sent, never failed, from the
 * last week, the lifetime of an invitation). A message being sent at the moment of a crash may go out twice.
 */
export function resumePendingMail(now = Date.now()): number {
	if (!process.env.SMTP_URL) return 0;
	const pending = getDb()
		.select()
		.from(mailOutbox)
		.where(
			and(isNull(mailOutbox.sentAt), isNull(mailOutbox.error), gt(mailOutbox.createdAt, new Date(now - 7 * 86_400_000)))
		)
		.orderBy(mailOutbox.createdAt)
		.all();
	deliverInBackground(
		pending.map((row) => ({
			id: row.id,
			mail: { to: row.to, subject: row.subject, body: row.body, attachments: row.attachments ?? undefined }
		}))
	);
	return pending.length;
}

/** MAIL_FROM, shown under the institution's one name unless MAIL_FROM carries a display name of its own. */
export function senderAddress(): { name: string; address: string } | string {
	const from = process.env.MAIL_FROM?.trim() || 'akademia@localhost';
	return from.includes('<') ? from : { name: institutionName(), address: from };
}
