// Quick-start demo: a graduate who finished the short course, so "My certificates", the verification page and
// the admin list have something to show. The lessons walk-through keeps the demo learner untouched.
import { eq } from 'drizzle-orm';
import { getCourse } from '../content';
import { getDb } from '../db';
import { lessonProgress, quizAttempts, users, type Certificate } from '../db/schema';
import type { DemoIds } from './accounts';
import { randomId } from '../ids';
import { issueCertificateIfComplete } from '../certificates/issue';

export const DEMO_GRADUATE = {
	email: 'absolwentka@akademia.test',
	name: 'Grażyna Łęcka-Wójcik',
	organisation: 'Starostwo Powiatowe w Żninie'
} as const;
const DEMO_COURSE = 'dyplomacja-ekonomiczna';

export function seedCertificateDemo(ids: DemoIds) {
	seedGraduate(ids, DEMO_GRADUATE);
}

/** A learner who finished the short course a week ago, with the certificate issued; returns it (or null). */
export function seedGraduate(
	ids: DemoIds,
	person: { email: string; name: string; organisation: string }
): Certificate | null {
	const db = getDb();
	const course = getCourse(DEMO_COURSE);
	if (!course) return null;
	// Same demo password as the other accounts (its hash is reused: seeds run synchronously).
	const passwordHash = db.select({ h: users.passwordHash }).from(users).where(eq(users.id, ids.learner)).get()?.h;
	const userId = randomId();
	const day = 86_400_000;
	const start = Date.now() - 7 * day;
	db.transaction((tx) => {
		tx.insert(users)
			.values({ id: userId, role: 'learner', passwordHash, ...person })
			.run();
		course.lessons.forEach((lesson, i) => {
			const at = new Date(start + i * day);
			tx.insert(lessonProgress)
				.values({
					userId,
					courseSlug: course.slug,
					lessonSlug: lesson.slug,
					firstOpenedAt: at,
					lastOpenedAt: at,
					completedAt: at,
					seconds: lesson.minutes * 60
				})
				.run();
		});
		for (const quiz of course.quizzes) {
			const at = new Date(start + course.lessons.length * day);
			tx.insert(quizAttempts)
				.values({
					id: randomId(),
					userId,
					courseSlug: course.slug,
					quizSlug: quiz.slug,
					contentVersion: quiz.version,
					seed: 1,
					layout: quiz.questions.map((q) => ({ questionId: q.id, optionOrder: [] })),
					startedAt: new Date(at.getTime() - 15 * 60_000),
					submittedAt: at,
					score: quiz.questions.length,
					maxScore: quiz.questions.length,
					percent: 100,
					passed: true
				})
				.run();
		}
	});
	return issueCertificateIfComplete(userId, course.slug);
}
