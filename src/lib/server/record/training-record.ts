// "Mój przebieg szkoleń": one person's training record for an employee file: the courses completed with a valid
// certificate (hours, dates, verification codes) and the live sessions attended. Only their own data.
import { sql } from 'drizzle-orm';
import { getDb } from '../db';

export interface RecordCourse {
	title: string;
	hours: number;
	completedAt: Date;
	code: string;
}

export interface RecordSession {
	title: string;
	startsAt: Date;
	place: string;
	groupName: string;
}

export interface TrainingRecord {
	person: { name: string; email: string; organisation: string };
	courses: RecordCourse[];
	totalHours: number;
	sessions: RecordSession[];
}

export function trainingRecord(userId: string): TrainingRecord | null {
	const db = getDb();
	const person = db.get<{ name: string; email: string | null; organisation: string }>(
		sql`SELECT name, email, organisation FROM users WHERE id = ${userId}`
	);
	if (!person) return null;
	// A revoked or replaced certificate certifies nothing; its replacement is listed instead.
	const courses = db
		.all<{ title: string; hours: number; completedAt: number; code: string }>(
			sql`SELECT course_title AS title, hours, completed_at AS completedAt, code FROM certificates
				WHERE user_id = ${userId} AND revoked_at IS NULL AND replaced_by_id IS NULL
				ORDER BY completed_at`
		)
		.map((c) => ({ ...c, completedAt: new Date(c.completedAt) }));
	const sessions = db
		.all<{ title: string; startsAt: number; place: string; groupName: string }>(
			sql`SELECT ls.title, ls.starts_at AS startsAt, ls.place, g.name AS groupName
				FROM attendance a
				JOIN live_sessions ls ON ls.id = a.live_session_id
				JOIN groups g ON g.id = ls.group_id
				WHERE a.user_id = ${userId} AND a.attended = 1
				ORDER BY ls.starts_at`
		)
		.map((s) => ({ ...s, startsAt: new Date(s.startsAt) }));
	return {
		person: { name: person.name, email: person.email ?? '', organisation: person.organisation },
		courses,
		totalHours: courses.reduce((sum, c) => sum + c.hours, 0),
		sessions
	};
}
