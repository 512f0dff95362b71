// Demo accounts for the quick start (npm start). Only ever writes into an empty database.
import { count } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import { getDb } from '../db';
import { enrollments, users } from '../db/schema';
import { seedCertificateDemo } from '../certificates/demo';
import { seedNameRequestDemo } from '../certificates/name-request-demo';
import { randomId } from '../ids';
import { seedTrainerDemo } from '../reports/demo-seed';
import { seedDemoGroup } from '../admin/demo';
import { seedTrainingsDemo } from './trainings';
import { seedSurveyDemo } from '../surveys/demo';
import { seedProgrammesDemo } from './programmes';

export const DEMO_PASSWORD = 'akademia-demo';
export const DEMO_ACCOUNTS = [
	{
		email: 'admin@akademia.test',
		name: 'Anna Administratorka',
		organisation: 'Związek Gmin i Powiatów',
		role: 'admin'
	},
	{
		email: 'trener@akademia.test',
		name: 'Tomasz Trenerski',
		organisation: 'Akademia Współpracy Zagranicznej',
		role: 'trainer'
	},
	{
		email: 'kursant@akademia.test',
		name: 'Łucja Żółkiewska-Gęślak',
		organisation: 'Urząd Gminy Gródek nad Dunajcem',
		role: 'learner'
	}
] as const;

export type DemoIds = Record<(typeof DEMO_ACCOUNTS)[number]['role'], string>;

/** Demo data of each feature (enrolments, groups, ...), called in order once the accounts exist. */
const featureSeeds: ((ids: DemoIds) => void)[] = [
	enrolDemoLearner,
	(ids) => void seedDemoGroup(ids),
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
