// Housekeeping the server does by itself: expired sessions, tokens and throttle rows, and the retention of the
// audit log and the mail outbox (RODO: keep personal data no longer than needed; see docs/PRIVACY.md).
import { lt } from 'drizzle-orm';
import { getDb, optimizeQueryPlans } from './db';
import { auditLog, authThrottle, mailOutbox, passwordResets, sessions } from './db/schema';
import { sendDueReminders } from './trainings/reminders';
import { anonymiseOldRegistrations } from './trainings/retention';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
let timer: ReturnType<typeof setInterval> | undefined;

export const RETENTION_DEFAULTS = { auditDays: 730, outboxDays: 90 } as const;

/** Days from the environment; a missing, zero, negative or non-numeric value falls back to the default. */
export function retentionDays(value: string | undefined, fallback: number): number {
	const days = Number(value);
	return Number.isFinite(days) && days >= 1 ? Math.floor(days) : fallback;
}

export function retentionSettings(env: Record<string, string | undefined> = process.env) {
	return {
		auditDays: retentionDays(env.AUDIT_RETENTION_DAYS, RETENTION_DEFAULTS.auditDays),
		outboxDays: retentionDays(env.OUTBOX_RETENTION_DAYS, RETENTION_DEFAULTS.outboxDays)
	};
}

export function runMaintenance(now = Date.now(), settings = retentionSettings()) {
	const db = getDb();
	db.delete(sessions)
		.where(lt(sessions.expiresAt, new Date(now)))
		.run();
	db.delete(authThrottle)
		.where(lt(authThrottle.windowStart, new Date(now - DAY)))
		.run();
	// Reset links are useless once expired.
	db.delete(passwordResets)
		.where(lt(passwordResets.expiresAt, new Date(now - DAY)))
		.run();
	db.delete(auditLog)
		.where(lt(auditLog.at, new Date(now - settings.auditDays * DAY)))
		.run();
	db.delete(mailOutbox)
		.where(lt(mailOutbox.createdAt, new Date(now - settings.outboxDays * DAY)))
		.run();
	// Live trainings: reminders before each day (idempotent: a mail-log row per reminder) and the retention of
	// registrations of people who never became learners (docs/PRIVACY.md).
	try {
		sendDueReminders(now);
		anonymiseOldRegistrations(now);
	} catch (e) {
		console.error(`[maintenance] trainings: ${(e as Error).message}`);
	}
	// Refreshes the planner's statistics when tables have grown a lot since the last time (cheap otherwise).
	optimizeQueryPlans(db.$client, false);
}

export function startMaintenance() {
	if (timer) return;
	runMaintenance();
	timer = setInterval(() => runMaintenance(), HOUR);
	timer.unref();
}
