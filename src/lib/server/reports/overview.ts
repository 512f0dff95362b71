// The state of the academy on the admin's home page: who is learning, what was completed and certified month
// by month, and how far each office has got. A few aggregate queries; nothing personal leaves the database.
import { sql } from 'drizzle-orm';
import { getDb } from '../db';

const DAY = 24 * 60 * 60 * 1000;

export interface MonthRow {
	/** YYYY-MM in Polish time. */
	month: string;
	completions: number;
	certificates: number;
}

export interface OfficeRow {
	organisation: string;
	learners: number;
	/** Learners with at least one valid certificate. */
	certified: number;
}

export interface AcademyOverview {
	learners: number;
	activeLearners: number;
	validCertificates: number;
	months: MonthRow[];
	offices: OfficeRow[];
}

/** The last `count` months up to the one containing `now`, oldest first, as YYYY-MM in Polish time. */
export function lastMonths(now: number, count: number): string[] {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' })
		.format(now)
		.split('-')
		.map(Number);
	const months: string[] = [];
	for (let i = count - 1; i >= 0; i--) {
		const d = new Date(Date.UTC(parts[0], parts[1] - 1 - i, 1));
		months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
	}
	return months;
}

export function academyOverview(now = Date.now(), monthCount = 12): AcademyOverview {
	const db = getDb();
	const since = now - 30 * DAY;
	const learners =
		db.get<{ n: number }>(
			sql`SELECT count(*) AS n FROM users WHERE role = 'learner' AND disabled_at IS NULL AND anonymised_at IS NULL`
		)?.n ?? 0;
	const activeLearners =
		db.get<{ n: number }>(sql`
			SELECT count(*) AS n FROM users u WHERE u.role = 'learner' AND (
				EXISTS (SELECT 1 FROM lesson_progress lp WHERE lp.user_id = u.id AND lp.last_opened_at >= ${since})
				OR EXISTS (SELECT 1 FROM quiz_attempts qa WHERE qa.user_id = u.id AND qa.started_at >= ${since}))`)?.n ?? 0;
	const valid = sql`revoked_at IS NULL AND replaced_by_id IS NULL`;
	const validCertificates = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM certificates WHERE ${valid}`)?.n ?? 0;

	// Months in Polish time: SQLite's 'localtime' would use the server's zone, so the offset comes from Intl
	// per row in JavaScript (a few thousand certificates at most).
	const monthOf = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' });
	const months = lastMonths(now, monthCount);
	const byMonth = new Map(months.map((m) => [m, { month: m, completions: 0, certificates: 0 }]));
	const from = now - (monthCount + 1) * 31 * DAY;
	for (const row of db.all<{ completedAt: number; issuedAt: number }>(
		sql`SELECT completed_at AS completedAt, issued_at AS issuedAt FROM certificates
			WHERE ${valid} AND (completed_at >= ${from} OR issued_at >= ${from})`
	)) {
		const completed = byMonth.get(monthOf.format(row.completedAt));
		if (completed) completed.completions++;
		const issued = byMonth.get(monthOf.format(row.issuedAt));
		if (issued) issued.certificates++;
	}

	const offices = db.all<OfficeRow>(sql`
		SELECT u.organisation AS organisation, count(*) AS learners,
			sum(EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = u.id AND c.revoked_at IS NULL
				AND c.replaced_by_id IS NULL)) AS certified
		FROM users u
		WHERE u.role = 'learner' AND u.disabled_at IS NULL AND u.anonymised_at IS NULL AND u.organisation != ''
		GROUP BY u.organisation
		ORDER BY learners DESC, organisation
		LIMIT 50`);
	return { learners, activeLearners, validCertificates, months: [...byMonth.values()], offices };
}
