// Housekeeping the server does by itself: expired sessions, tokens and throttle rows.
import { lt } from 'drizzle-orm';
import { getDb, optimizeQueryPlans } from './db';
import { authThrottle, sessions } from './db/schema';

const HOUR = 60 * 60 * 1000;
let timer: ReturnType<typeof setInterval> | undefined;

export function runMaintenance(now = Date.now()) {
	const db = getDb();
	db.delete(sessions)
		.where(lt(sessions.expiresAt, new Date(now)))
		.run();
	db.delete(authThrottle)
		.where(lt(authThrottle.windowStart, new Date(now - 24 * HOUR)))
		.run();
	// Refreshes the planner's statistics when tables have grown a lot since the last time (cheap otherwise).
	optimizeQueryPlans(db.$client, false);
}

export function startMaintenance() {
	if (timer) return;
	runMaintenance();
	timer = setInterval(runMaintenance, HOUR);
	timer.unref();
}
