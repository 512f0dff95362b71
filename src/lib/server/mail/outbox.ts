// Every message is written to the outbox first. With SMTP_URL set it is then sent; without it the outbox is
// the delivery (an admin reads it in the app and the server log points to it).
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { mailOutbox } from '../db/schema';
import { randomId } from '../ids';

export interface Mail {
	to: string;
	subject: string;
	body: string;
}

export async function sendMail(mail: Mail): Promise<string> {
	const id = randomId();
	const db = getDb();
	db.insert(mailOutbox)
		.values({ id, ...mail })
		.run();
	const smtpUrl = process.env.SMTP_URL;
	if (!smtpUrl) {
		console.info(`[mail] "${mail.subject}" to ${mail.to} is in the outbox: sign in as an admin and open /admin/outbox`);
		return id;
	}
	try {
		const { createTransport } = await import('nodemailer');
		await createTransport(smtpUrl).sendMail({
			from: process.env.MAIL_FROM ?? 'akademia@localhost',
			...mail,
			text: mail.body
		});
		db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, id)).run();
	} catch (e) {
		db.update(mailOutbox)
			.set({ error: (e as Error).message.slice(0, 500) })
			.where(eq(mailOutbox.id, id))
			.run();
		console.error(`[mail] sending ${id} failed: ${(e as Error).message}`);
	}
	return id;
}
