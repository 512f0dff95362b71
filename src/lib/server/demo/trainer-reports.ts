// Demo data for the trainer screens (quick start only): learners of the pilot group with lesson progress and
// submitted attempts of the first module quiz, so the demo trainer sees real numbers. Deterministic, so the
// e2e tests and screenshots see the same group every time. Runs after the admin feature's seed.
import { eq } from 'drizzle-orm';
import { getCourse } from '../content';
import type { Question } from '../content/schema';
import { getDb, type Tx } from '../db';
import {
	enrollments,
	groupMembers,
	groups,
	groupTrainers,
	lessonProgress,
	liveSessions,
	quizAttempts,
	quizResponses,
	users
} from '../db/schema';
import { randomId } from '../ids';
import { DEMO_GROUP_NAME } from './groups';
import { gradeAttempt } from '../quiz/grading';
import { optionIds, seededRandom, shuffle } from '../quiz/layout';

const COURSE = 'protokol-dyplomatyczny';

/** Learners with an ability (chance of a right answer) and how far they got. */
const DEMO_LEARNERS = [
	{
		email: 'anna.demo@akademia.test',
		name: 'Anna Kowalczyk',
		org: 'Urząd Miasta Nowy Sącz',
		ability: 0.95,
		modules: 2
	},
	{
		email: 'bartosz.demo@akademia.test',
		name: 'Bartosz Wiśniewski',
		org: 'Starostwo Powiatowe w Wieliczce',
		ability: 0.85,
		modules: 2
	},
	{
		email: 'celina.demo@akademia.test',
		name: 'Celina Łukasik',
		org: 'Urząd Gminy Zabierzów',
		ability: 0.8,
		modules: 2
	},
	{
		email: 'dariusz.demo@akademia.test',
		name: 'Dariusz Żak',
		org: 'Urząd Marszałkowski Województwa Małopolskiego',
		ability: 0.75,
		modules: 1
	},
	{ email: 'ewa.demo@akademia.test', name: 'Ewa Ślusarczyk', org: 'Urząd Miasta Tarnowa', ability: 0.7, modules: 2 },
	{ email: 'filip.demo@akademia.test', name: 'Filip Gąsienica', org: 'Urząd Gminy Poronin', ability: 0.65, modules: 1 },
	{ email: 'grazyna.demo@akademia.test', name: 'Grażyna Mróz', org: 'Urząd Miasta Gorlice', ability: 0.6, modules: 1 },
	{
		email: 'henryk.demo@akademia.test',
		name: 'Henryk Kępa',
		org: 'Starostwo Powiatowe w Bochni',
		ability: 0.55,
		modules: 1
	},
	{
		email: 'irena.demo@akademia.test',
		name: 'Irena Źródłowska',
		org: 'Urząd Gminy Niepołomice',
		ability: 0.5,
		modules: 1
	},
	{ email: 'jakub.demo@akademia.test', name: 'Jakub Nowak', org: 'Urząd Miasta Oświęcim', ability: 0.45, modules: 1 },
	{
		email: 'katarzyna.demo@akademia.test',
		name: 'Katarzyna Dąbrowska',
		org: 'Urząd Gminy Myślenice',
		ability: 0.4,
		modules: 0
	},
	{ email: 'lech.demo@akademia.test', name: 'Lech Pawłowski', org: 'Urząd Miasta Zakopane', ability: 0.35, modules: 0 }
];

/** A plausible answer: right with the given chance, otherwise a typical mistake. */
function answerFor(question: Question, right: boolean, rnd: () => number): unknown {
	const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
	switch (question.type) {
		case 'single':
			return right ? question.options.find((o) => o.correct)!.id : pick(question.options.filter((o) => !o.correct)).id;
		case 'judgement':
			return right
				? question.options.find((o) => o.score === 1)!.id
				: pick(question.options.filter((o) => o.score < 1)).id;
		case 'truefalse':
			return right ? question.answer : !question.answer;
		case 'multiple': {
			const correct = question.options.filter((o) => o.correct).map((o) => o.id);
			if (right) return correct;
			const wrong = question.options.filter((o) => !o.correct).map((o) => o.id);
			return [...correct.slice(0, Math.max(1, correct.length - 1)), ...(wrong.length ? [pick(wrong)] : [])];
		}
		case 'ordering': {
			const order = question.items.map((i) => i.id);
			if (!right && order.length > 2) [order[1], order[2]] = [order[2], order[1]];
			else if (!right) order.reverse();
			return order;
		}
		case 'matching': {
			const ids = question.pairs.map((p) => p.id);
			const answer = Object.fromEntries(ids.map((id) => [id, id]));
			if (!right) [answer[ids[0]], answer[ids[1]]] = [ids[1], ids[0]];
			return answer;
		}
	}
}

function insertAttempt(
	tx: Tx,
	userId: string,
	quiz: NonNullable<ReturnType<typeof getCourse>>['quizzes'][number],
	ability: number,
	at: number,
	rnd: () => number
) {
	const id = randomId();
	const questions = shuffle(quiz.questions, rnd);
	const graded = questions.map((question, i) => {
		// Later questions in the file are a little harder, so the facility indices spread out.
		const chance = Math.min(
			0.98,
			Math.max(0.05, ability + 0.15 - (0.3 * quiz.questions.indexOf(question)) / quiz.questions.length)
		);
		const answer = answerFor(question, rnd() < chance, rnd);
		return { question, answer, answeredAt: at + (i + 1) * 45_000 };
	});
	// Graded by the quiz module's own rules, so the demo numbers are what real submissions would give.
	const grade = gradeAttempt(
		questions.map((q) => q.id),
		quiz.questions,
		new Map(graded.map((g) => [g.question.id, g.answer])),
		quiz.pass_mark
	);
	const { score, maxScore, percent, passed } = grade;
	tx.insert(quizAttempts)
		.values({
			id,
			userId,
			courseSlug: quiz.courseSlug,
			quizSlug: quiz.slug,
			contentVersion: quiz.version,
			seed: Math.floor(rnd() * 1e9),
			layout: questions.map((q) => ({
				questionId: q.id,
				optionOrder: optionIds(q)
			})),
			startedAt: new Date(at),
			submittedAt: new Date(at + (questions.length + 1) * 45_000),
			score,
			maxScore,
			percent,
			passed
		})
		.run();
	for (const g of graded) {
		tx.insert(quizResponses)
			.values({
				attemptId: id,
				questionId: g.question.id,
				answer: g.answer,
				score: grade.perQuestion.get(g.question.id) ?? 0,
				answeredAt: new Date(g.answeredAt)
			})
			.run();
	}
	return passed;
}

export function seedTrainerDemo(ids: { trainer: string; learner: string }, now = Date.now()) {
	const course = getCourse(COURSE);
	if (!course) return;
	const db = getDb();
	const rnd = seededRandom(20261130);
	const day = 24 * 60 * 60 * 1000;
	db.transaction((tx) => {
		let group = tx.select().from(groups).where(eq(groups.name, DEMO_GROUP_NAME)).get();
		if (!group) {
			// The admin feature normally creates the group; this branch must also work on its own.
			group = tx.insert(groups).values({ id: randomId(), name: DEMO_GROUP_NAME, courseSlug: COURSE }).returning().get();
			tx.insert(groupTrainers).values({ groupId: group.id, userId: ids.trainer }).onConflictDoNothing().run();
			tx.insert(groupMembers).values({ groupId: group.id, userId: ids.learner }).onConflictDoNothing().run();
		}
		const upcoming = tx
			.select({ id: liveSessions.id, at: liveSessions.startsAt })
			.from(liveSessions)
			.where(eq(liveSessions.groupId, group.id))
			.all();
		if (!upcoming.some((s) => s.at.getTime() >= now)) {
			const start = new Date(now + 7 * day);
			start.setUTCHours(8, 0, 0, 0);
			tx.insert(liveSessions)
				.values({
					id: randomId(),
					groupId: group.id,
					title: 'Spotkanie na żywo: podstawy prawne i precedencja',
					startsAt: start,
					place: 'Kraków, ul. Basztowa 22, sala 105',
					dueModules: course.modules.slice(0, 2).map((m) => m.slug)
				})
				.run();
		}
		for (const [index, person] of DEMO_LEARNERS.entries()) {
			const userId = randomId();
			tx.insert(users)
				.values({ id: userId, email: person.email, name: person.name, organisation: person.org, role: 'learner' })
				.run();
			tx.insert(groupMembers).values({ groupId: group.id, userId }).run();
			tx.insert(enrollments).values({ userId, courseSlug: COURSE }).onConflictDoNothing().run();
			const started = now - (20 - index) * day;
			// Module by module: lessons, then the quiz (retaken once if failed, as learners do).
			for (const module of course.modules.slice(0, Math.max(1, person.modules))) {
				const lessons = person.modules === 0 ? module.lessons.slice(0, 1) : module.lessons;
				for (const [i, lesson] of lessons.entries()) {
					const at = new Date(started + i * 3_600_000);
					tx.insert(lessonProgress)
						.values({
							userId,
							courseSlug: COURSE,
							lessonSlug: lesson.slug,
							firstOpenedAt: at,
							lastOpenedAt: at,
							completedAt: person.modules === 0 && i === lessons.length - 1 ? null : at,
							seconds: lesson.minutes * 60
						})
						.run();
				}
				if (!module.quiz || person.modules === 0) continue;
				const passed = insertAttempt(tx, userId, module.quiz, person.ability, started + day, rnd);
				if (!passed)
					insertAttempt(tx, userId, module.quiz, Math.min(0.95, person.ability + 0.2), started + 2 * day, rnd);
			}
		}
	});
}
