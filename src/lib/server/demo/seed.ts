// Demo data for the quick start (npm start): the accounts, then each feature's seed from this folder, in one
// transaction. Only ever writes into an empty database. Nothing outside demo/ imports a file of this folder
// except the server start (hooks.server.ts): demo data depends on the features, never the other way round.
import { count } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import { getDb } from '../db';
import { enrollments, users } from '../db/schema';
import { randomId } from '../ids';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoIds } from './accounts';
import { seedCertificateDemo } from './certificates';
import { seedDemoGroup } from './groups';
import { seedNameRequestDemo } from './name-requests';
import { seedSurveyDemo } from './surveys';
import { seedTrainerDemo } from './trainer-reports';
import { seedTrainingsDemo } from './trainings';
import { seedProgrammesDemo } from './programmes';

/** Demo data of each feature (enrolments, groups, ...), called in order once the accounts exist. */
const featureSeeds: ((ids: DemoIds) => void)[] = [
	enrolDemoLearner,
	seedDemoGroup,
	seedCertificateDemo,
	seedNameRequestDemo,
	seedTrainerDemo,
	(ids) => seedTrainingsDemo(ids),
	seedSurveyDemo,
	seedProgrammesDemo
];

/** Lessons: the demo learner is enrolled in every course (the three real ones), with no progress yet. */
function enrolDemoLearner(ids: DemoIds) {
	const db = getDb();
	for (const courseSlug of ['dyplomacja-ekonomiczna', 'kompetencje-miedzykulturowe', 'protokol-dyplomatyczny'])
		db.insert(enrollments).values({ userId: ids.learner, courseSlug }).onConflictDoNothing().run();
}

export async function seedDemoIfEmpty(): Promise<boolean> {
	const db = getDb();
	const existing = db.select({ n: count() }).from(users).get()?.n ?? 0;
	if (existing > 0) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const ids: DemoIds = { admin: randomId(), trainer: randomId(), learner: randomId() };
	// All or nothing: a feature seed that fails must not leave a half-seeded database that is no longer empty
	// (and so would never be seeded again).
	db.transaction((tx) => {
		for (const account of DEMO_ACCOUNTS) {
			tx.insert(users)
				.values({ id: ids[account.role], passwordHash, ...account })
				.run();
		}
		for (const seed of featureSeeds) seed(ids);
	});
	console.info('[demo] seeded demo accounts (password: akademia-demo)');
	return true;
}
