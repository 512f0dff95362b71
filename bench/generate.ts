// The benchmark data set: learners in groups of about 25 with their trainers, enrolments, lesson progress,
// quiz attempts with responses (scores consistent with the answers), live sessions with attendance and
// certificates, for the real courses under lessons/. Prepared statements in one transaction: 100,000 learners
// take well under a minute.
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, type Course, type Quiz } from '../src/lib/server/content/catalogue';
import { readContentFiles } from '../src/lib/server/content/files-from-disk';
import {
	attendance,
	certificates,
	enrollments,
	groupMembers,
	groups,
	groupTrainers,
	lessonProgress,
	liveSessions,
	quizAttempts,
	quizResponses,
	users
} from '../src/lib/server/db/schema';
import { insertInto } from './sql';
import { answerFor, attemptLayout, pick, rng, scoreAnswer, type Answer } from './answers';
import {
	loadSurvey,
	writePracticeSubmissions,
	writeSurveyResponses,
	writeTrainings,
	type ExtraCounts
} from './generate-extra';

export const GROUP_SIZE = 25;
export const GROUPS_PER_TRAINER = 4;
export const BENCH_EMAIL_DOMAIN = 'bench.akademia.test';
export const CERTIFICATE_ISSUER = 'Akademia Współpracy Zagranicznej Samorządów';
const DAY = 24 * 60 * 60 * 1000;

export interface GenerateOptions {
	/** Number of learners. */
	size: number;
	seed?: number;
	/** "Now" for the data set (ms); attempts and progress lie in the 180 days before it. */
	now?: number;
	lessonsDir?: string;
	/** Submitted responses of the needs-diagnosis survey (the report is measured at 5,000). */
	surveyResponses?: number;
	/** Published good-practice submissions beside the case files. */
	practiceSubmissions?: number;
}

export interface GenerateResult extends ExtraCounts {
	learners: number;
	trainers: number;
	groups: number;
	enrollments: number;
	lessonProgress: number;
	attempts: number;
	responses: number;
	certificates: number;
	liveSessions: number;
	attendance: number;
	milliseconds: number;
}

export function loadCourses(lessonsDir = fileURLToPath(new URL('../lessons', import.meta.url))): Course[] {
	return buildCatalogue(readContentFiles(lessonsDir)).courses;
}

const FIRST = [
	'Anna',
	'Katarzyna',
	'Małgorzata',
	'Agnieszka',
	'Barbara',
	'Ewa',
	'Joanna',
	'Zofia',
	'Łucja',
	'Jan',
	'Piotr',
	'Krzysztof',
	'Andrzej',
	'Tomasz',
	'Paweł',
	'Michał',
	'Grzegorz',
	'Józef',
	'Jerzy',
	'Łukasz'
];
const LAST = [
	'Nowak',
	'Kowalczyk',
	'Wiśniewska',
	'Wójcik',
	'Kamińska',
	'Lewandowski',
	'Zielińska',
	'Szymański',
	'Woźniak',
	'Dąbrowska',
	'Kozłowski',
	'Jankowska',
	'Mazur',
	'Kwiatkowski',
	'Krawczyk',
	'Piotrowska',
	'Grabowski',
	'Nowakowska',
	'Pawłowski',
	'Michalska',
	'Żółkiewska',
	'Gęślak'
];
const PLACES = [
	'Gródek nad Dunajcem',
	'Kraków',
	'Wieliczka',
	'Nowy Sącz',
	'Tarnów',
	'Gorlice',
	'Limanowa',
	'Bochnia',
	'Myślenice',
	'Zakopane',
	'Olkusz',
	'Oświęcim',
	'Chrzanów',
	'Wadowice',
	'Sucha Beskidzka'
];
const OFFICES = ['Urząd Gminy', 'Urząd Miasta', 'Starostwo Powiatowe', 'Urząd Marszałkowski', 'Urząd Miasta i Gminy'];
// The certificates feature's format (certificates/code.ts): Crockford base32, XXXXX-XXXXX.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** Writes the data set into an empty, migrated database. */
export function generateDataset(client: Database.Database, options: GenerateOptions): GenerateResult {
	const started = performance.now();
	const random = rng(options.seed ?? 20261126);
	const now = options.now ?? Date.now();
	const courses = loadCourses(options.lessonsDir);
	// The two long courses carry most groups; the short starter course a few.
	const courseWeights = courses.map((c) => (c.lessons.length >= 10 ? 10 : 2));
	const totalWeight = courseWeights.reduce((a, b) => a + b, 0);
	const chooseCourse = (): Course => {
		let r = random() * totalWeight;
		for (const [i, w] of courseWeights.entries()) if ((r -= w) < 0) return courses[i];
		return courses[0];
	};
	const id = (length = 24) => {
		let s = '';
		for (let i = 0; i < length; i++) s += ID_ALPHABET[Math.floor(random() * 32)];
		return s;
	};
	const usedCodes = new Set<string>();
	const certificateCode = () => {
		for (;;) {
			let s = '';
			for (let i = 0; i < 10; i++) s += CODE_ALPHABET[Math.floor(random() * 32)];
			const code = `${s.slice(0, 5)}-${s.slice(5)}`;
			if (!usedCodes.has(code)) {
				usedCodes.add(code);
				return code;
			}
		}
	};
	const personName = () => `${pick(random, FIRST)} ${pick(random, LAST)}`;
	const survey = loadSurvey(courses);
	const organisation = () => `${pick(random, OFFICES)} ${pick(random, PLACES)}`;

	const insert = {
		user: insertInto(client, users, ['id', 'email', 'name', 'organisation', 'role', 'locale', 'createdAt']),
		group: insertInto(client, groups, ['id', 'name', 'courseSlug', 'createdAt']),
		trainer: insertInto(client, groupTrainers, ['groupId', 'userId']),
		member: insertInto(client, groupMembers, ['groupId', 'userId', 'joinedAt']),
		live: insertInto(client, liveSessions, ['id', 'groupId', 'title', 'startsAt', 'place', 'dueModules']),
		attendance: insertInto(client, attendance, ['liveSessionId', 'userId', 'attended', 'markedBy', 'markedAt']),
		enrollment: insertInto(client, enrollments, ['userId', 'courseSlug', 'enrolledAt']),
		progress: insertInto(client, lessonProgress, [
			'userId',
			'courseSlug',
			'lessonSlug',
			'firstOpenedAt',
			'lastOpenedAt',
			'completedAt',
			'seconds',
			'lastPosition'
		]),
		attempt: insertInto(client, quizAttempts, [
			'id',
			'userId',
			'courseSlug',
			'quizSlug',
			'contentVersion',
			'seed',
			'layout',
			'startedAt',
			'submittedAt',
			'score',
			'maxScore',
			'percent',
			'passed'
		]),
		response: insertInto(client, quizResponses, ['attemptId', 'questionId', 'answer', 'score', 'answeredAt']),
		certificate: insertInto(client, certificates, [
			'id',
			'code',
			'userId',
			'courseSlug',
			'nameAsPrinted',
			'courseTitle',
			'hours',
			'completedAt',
			'issuer',
			'issuedAt',
			'nameConfirmedAt'
		])
	};

	const result: GenerateResult = {
		learners: 0,
		trainers: 0,
		groups: 0,
		enrollments: 0,
		lessonProgress: 0,
		attempts: 0,
		responses: 0,
		certificates: 0,
		liveSessions: 0,
		attendance: 0,
		trainings: 0,
		trainingDays: 0,
		registrations: 0,
		surveyTokens: 0,
		surveyResponses: 0,
		surveyAnswers: 0,
		practiceSubmissions: 0,
		milliseconds: 0
	};

	/** One submitted attempt that passes (or fails) the quiz; returns when it was submitted. */
	const writeAttempt = (userId: string, quiz: Quiz, wantPass: boolean, at: number): number => {
		const seed = Math.floor(random() * 2 ** 32);
		const layout = attemptLayout(quiz, seed);
		const questions = layout.map((l) => quiz.questions.find((q) => q.id === l.questionId)!);
		let answers: Answer[] = [];
		let scores: number[] = [];
		let percent = 0;
		for (let tries = 0; tries < 6; tries++) {
			const skill = tries === 5 ? (wantPass ? 1 : 0) : wantPass ? 0.92 : 0.45;
			answers = questions.map((q) => answerFor(q, skill, random));
			scores = questions.map((q, i) => scoreAnswer(q, answers[i]));
			// Rounded to 2 decimals as the quiz feature stores it (quiz/grading.ts).
			percent = Math.round((scores.reduce((a, b) => a + b, 0) / questions.length) * 10000) / 100;
			if (percent >= quiz.pass_mark === wantPass) break;
		}
		const score = scores.reduce((a, b) => a + b, 0);
		const attemptId = id();
		const minutes = 4 + Math.floor(random() * 12);
		const submittedAt = at + minutes * 60_000;
		insert.attempt.run(
			attemptId,
			userId,
			quiz.courseSlug,
			quiz.slug,
			quiz.version,
			seed,
			JSON.stringify(layout),
			at,
			submittedAt,
			score,
			questions.length,
			percent,
			percent >= quiz.pass_mark ? 1 : 0
		);
		questions.forEach((q, i) => {
			const answeredAt = at + Math.floor(((i + 1) / questions.length) * (submittedAt - at));
			insert.response.run(attemptId, q.id, JSON.stringify(answers[i]), scores[i], answeredAt);
		});
		result.attempts++;
		result.responses += questions.length;
		return submittedAt;
	};

	/** A learner's history in the course: lessons read, quizzes passed, a certificate at the end. */
	const writeLearner = (userId: string, name: string, course: Course, enrolledAt: number) => {
		const u = random();
		if (u < 0.1) return; // enrolled, not started yet
		const completed = u < 0.35;
		const reached = completed ? course.modules.length : Math.floor(random() * course.modules.length);
		let t = enrolledAt + Math.floor(random() * 3 * DAY);
		for (const module of course.modules.slice(0, reached + 1)) {
			const inCurrent = module.index === reached;
			const opened = inCurrent ? Math.floor(random() * (module.lessons.length + 1)) : module.lessons.length;
			for (const [i, lesson] of module.lessons.slice(0, opened).entries()) {
				const done = !inCurrent || i < opened - 1 || random() < 0.5;
				const seconds = Math.floor(lesson.minutes * 60 * (0.6 + random() * 0.8));
				const last = t + seconds * 1000;
				insert.progress.run(
					userId,
					course.slug,
					lesson.slug,
					t,
					last,
					done ? last : null,
					seconds,
					done ? '' : 'h-' + Math.floor(random() * 5)
				);
				result.lessonProgress++;
				t = last + Math.floor(random() * 2 * DAY);
			}
			if (!module.quiz) continue;
			if (inCurrent) {
				// Read everything but not passed yet: sometimes a failed try.
				if (opened === module.lessons.length && random() < 0.5) t = writeAttempt(userId, module.quiz, false, t);
				continue;
			}
			const failures = random() < 0.7 ? 0 : random() < 0.75 ? 1 : 2;
			for (let f = 0; f < failures; f++) t = writeAttempt(userId, module.quiz, false, t) + DAY;
			t = writeAttempt(userId, module.quiz, true, t) + Math.floor(random() * DAY);
		}
		if (completed && course.finalQuiz) t = writeAttempt(userId, course.finalQuiz, true, t);
		if (completed) {
			insert.certificate.run(
				id(),
				certificateCode(),
				userId,
				course.slug,
				name,
				course.title,
				course.hours,
				t,
				CERTIFICATE_ISSUER,
				t,
				t + DAY
			);
			result.certificates++;
		}
	};

	const write = client.transaction(() => {
		const groupCount = Math.max(1, Math.ceil(options.size / GROUP_SIZE));
		const trainerIds: string[] = [];
		for (let i = 0; i < Math.ceil(groupCount / GROUPS_PER_TRAINER); i++) {
			const trainerId = id();
			insert.user.run(
				trainerId,
				`trener${i}@${BENCH_EMAIL_DOMAIN}`,
				personName(),
				'Akademia',
				'trainer',
				'pl',
				now - 400 * DAY
			);
			trainerIds.push(trainerId);
		}
		result.trainers = trainerIds.length;
		let learner = 0;
		for (let g = 0; g < groupCount; g++) {
			const course = chooseCourse();
			const groupId = id();
			const createdAt = now - Math.floor((20 + random() * 160) * DAY);
			insert.group.run(groupId, `Grupa ${g + 1} — ${pick(random, PLACES)}`, course.slug, createdAt);
			const trainerId = trainerIds[Math.floor(g / GROUPS_PER_TRAINER)];
			insert.trainer.run(groupId, trainerId);
			result.groups++;
			const members: string[] = [];
			const inGroup = Math.min(GROUP_SIZE, options.size - learner);
			for (let m = 0; m < inGroup; m++, learner++) {
				const userId = id();
				const name = personName();
				insert.user.run(
					userId,
					`kursant${learner}@${BENCH_EMAIL_DOMAIN}`,
					name,
					organisation(),
					'learner',
					random() < 0.9 ? 'pl' : 'en',
					createdAt
				);
				insert.member.run(groupId, userId, createdAt);
				insert.enrollment.run(userId, course.slug, createdAt);
				writeLearner(userId, name, course, createdAt);
				members.push(userId);
			}
			result.learners += members.length;
			result.enrollments += members.length;
			// Two live sessions: one held (attendance marked), one ahead.
			for (const [k, offset] of [-10 * DAY, 14 * DAY].entries()) {
				const liveId = id();
				const due = course.modules.slice(0, 2 + k * 2).map((m) => m.slug);
				insert.live.run(liveId, groupId, `Spotkanie ${k + 1}`, now + offset, pick(random, PLACES), JSON.stringify(due));
				result.liveSessions++;
				if (offset > 0) continue;
				for (const userId of members) {
					insert.attendance.run(liveId, userId, random() < 0.85 ? 1 : 0, trainerId, now + offset + 2 * 60 * 60 * 1000);
					result.attendance++;
				}
			}
		}
		const extra = {
			client,
			random,
			id,
			now,
			courses,
			trainerIds,
			personName: (): [string, string] => [pick(random, FIRST), pick(random, LAST)],
			organisation,
			place: () => pick(random, PLACES)
		};
		writeTrainings(extra, options.size, result);
		writeSurveyResponses(extra, survey, options.surveyResponses ?? 5000, result);
		writePracticeSubmissions(extra, options.practiceSubmissions ?? 100, result);
	});
	// A throw-away database: no journal while it is written (in WAL mode the one big transaction would be
	// written twice, into the WAL and again at the checkpoint), then back to the app's WAL mode.
	const journal = client.pragma('journal_mode', { simple: true }) as string;
	client.pragma('journal_mode = OFF');
	client.pragma('synchronous = OFF');
	// Random text keys scatter the inserts over every index: a large page cache keeps them in memory instead of
	// writing and re-reading pages (the default 2 MB made the 100,000-learner set spend a quarter of its time in the
	// kernel).
	const cacheSize = client.pragma('cache_size', { simple: true }) as number;
	client.pragma('cache_size = -500000');
	try {
		write();
	} finally {
		client.pragma(`cache_size = ${cacheSize}`);
		client.pragma('synchronous = NORMAL');
		client.pragma(`journal_mode = ${journal}`);
	}
	result.milliseconds = Math.round(performance.now() - started);
	return result;
}
