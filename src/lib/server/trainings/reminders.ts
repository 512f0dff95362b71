// Reminders before each training day (TRAINING_REMINDER_DAYS, default "7,1"), sent by the housekeeping timer.
// Idempotent across restarts: the mail-log row and the outbox message are written in one transaction, and a
// row that exists means "already sent", so a timer that runs again (or a restarted server) sends nothing twice.
import { and, eq, gt } from 'drizzle-orm';
import { publicOrigin } from '../origin';
import { getDb } from '../db';
import { trainingDays, trainingMailLog, trainingRegistrations, trainings } from '../db/schema';
import { deliverInBackground, queueMail, type Mail } from '../mail/outbox';
import { daysOf } from './catalogue';
import { reminderMail } from './mails';

const DAY = 86_400_000;
export const DEFAULT_REMINDER_DAYS = [7, 1];

export function reminderDays(env: Record<string, string | undefined> = process.env): number[] {
	const parsed = (env.TRAINING_REMINDER_DAYS ?? '')
		.split(',')
		.map((s) => Number(s.trim()))
		.filter((n) => Number.isInteger(n) && n >= 1 && n <= 60);
	return parsed.length > 0 ? [...new Set(parsed)].sort((a, b) => a - b) : DEFAULT_REMINDER_DAYS;
}

/**
 * Which reminder is due now for a day starting at `start`: the smallest offset whose moment has come (so someone
 * who registers 3 days before gets the 1-day reminder later, not a late 7-day one now), or null. None when the
 * person's place was confirmed after that moment: their confirmation was the reminder.
 */
export function dueReminder(start: number, now: number, offsets: number[], confirmedAt: number | null): number | null {
	if (now >= start) return null;
	const due = [...offsets].sort((a, b) => a - b).find((d) => now >= start - d * DAY);
	if (due === undefined) return null;
	if (confirmedAt !== null && confirmedAt > start - due * DAY) return null;
	return due;
}

export function reminderKind(daysBefore: number, dayId: string): string {
	return `reminder:${daysBefore}:${dayId}`;
}

/** Queues every reminder due now; returns how many. */
export function sendDueReminders(now = Date.now(), offsets = reminderDays(), origin = publicOrigin()): number {
	// Without an address (no ORIGIN, run by the timer) the links would be bare paths: send nothing; reminders are
	// idempotent, so they go out with the first run that has one.
	if (!origin) return 0;
	const db = getDb();
	const maxOffset = Math.max(...offsets);
	const upcoming = db
		.select({ day: trainingDays, training: trainings })
		.from(trainingDays)
		.innerJoin(trainings, eq(trainings.id, trainingDays.trainingId))
		.where(and(eq(trainings.status, 'published'), gt(trainingDays.startsAt, new Date(now))))
		.all()
		.filter(({ day }) => day.startsAt.getTime() - now <= maxOffset * DAY);
	const queued: { id: string; mail: Mail }[] = [];
	db.transaction((tx) => {
		for (const { day, training } of upcoming) {
			const confirmed = tx
				.select()
				.from(trainingRegistrations)
				.where(and(eq(trainingRegistrations.trainingId, training.id), eq(trainingRegistrations.status, 'confirmed')))
				.all();
			for (const reg of confirmed) {
				const due = dueReminder(day.startsAt.getTime(), now, offsets, reg.decidedAt?.getTime() ?? null);
				if (due === null) continue;
				const logged = tx
					.insert(trainingMailLog)
					.values({ registrationId: reg.id, kind: reminderKind(due, day.id), sentAt: new Date(now) })
					.onConflictDoNothing()
					.run();
				if (logged.changes === 0) continue;
				const mail = reminderMail({ training, days: daysOf(training.id, tx), reg, origin, day });
				queued.push({ id: queueMail(mail), mail });
			}
		}
	});
	deliverInBackground(queued);
	return queued.length;
}
