// "Przypomnij zaległym": one mail to each learner of a group who is behind for the next live session, at most
// once a day per learner. The trainer sees the mail and the recipients first; each mail is stored in the outbox
// with its audit row in one transaction, then delivered in the background (SMTP when configured).
import { and, eq, gt, inArray } from 'drizzle-orm';
import { audit } from '../audit/log';
import type { Course } from '../content/catalogue';
import { getDb } from '../db';
import { auditLog, type Group } from '../db/schema';
import { deliverInBackground, queueMail, type Mail } from '../mail/outbox';
import { comparePeople } from '../db/name-order';
import type { NextSession } from './groups';
import { progressMatrix } from './matrix';

export const REMIND_ACTION = 'trainer.remind_behind';
const DAY = 24 * 60 * 60 * 1000;

export interface ReminderRecipient {
	userId: string;
	name: string;
	email: string;
	/** Module titles still to finish before the session. */
	missing: string[];
	/** Reminded in the last 24 hours: skipped this time. */
	remindedRecently: boolean;
}

export interface ReminderText {
	subject: string;
	body: (recipient: { name: string; missing: string[] }) => string;
}

export function reminderRecipients(
	group: Group,
	course: Course,
	session: NextSession,
	now = Date.now()
): ReminderRecipient[] {
	const title = (slug: string) => {
		const module = course.modules.find((m) => m.slug === slug);
		return module ? `${module.index + 1}. ${module.title}` : slug;
	};
	const behind = progressMatrix(group.id, course, session.dueModules).filter((r) => r.missing.length > 0 && r.email);
	if (behind.length === 0) return [];
	const recent = new Set(
		getDb()
			.select({ userId: auditLog.subjectId })
			.from(auditLog)
			.where(
				and(
					eq(auditLog.action, REMIND_ACTION),
					inArray(
						auditLog.subjectId,
						behind.map((r) => r.userId)
					),
					gt(auditLog.at, new Date(now - DAY))
				)
			)
			.all()
			.map((r) => r.userId)
	);
	return behind
		.map((r) => ({
			userId: r.userId,
			name: r.name,
			email: r.email!,
			missing: r.missing.map(title),
			remindedRecently: recent.has(r.userId)
		}))
		.sort((a, b) => comparePeople(a.name, b.name));
}

/** Sends the reminders that are due; returns how many went out. */
export function remindBehind(
	actorId: string,
	group: Group,
	course: Course,
	session: NextSession,
	text: ReminderText,
	now = Date.now()
): number {
	const db = getDb();
	const queued = db.transaction(() => {
		// Read again inside the transaction: a double click sends nothing twice.
		const due = reminderRecipients(group, course, session, now).filter((r) => !r.remindedRecently);
		return due.map((r) => {
			const mail: Mail = { to: r.email, subject: text.subject, body: text.body(r) };
			const id = queueMail(mail);
			audit({
				actorId,
				action: REMIND_ACTION,
				subjectType: 'user',
				subjectId: r.userId,
				details: { groupId: group.id, sessionId: session.id, mailId: id }
			});
			return { id, mail };
		});
	});
	deliverInBackground(queued);
	return queued.length;
}
