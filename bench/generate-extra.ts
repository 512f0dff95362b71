// The benchmark data of this round's features, in rows shaped as the features write them: public trainings (each
// with its own group, days that are live sessions of that group, registrations with seats and a waitlist), token
// links and submitted responses of the needs-diagnosis survey, and published good-practice submissions. Called by
// generate.ts inside its one transaction, with its prepared-statement helper and seeded random numbers.
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { Course } from '../src/lib/server/content/catalogue';
import { splitFrontmatter } from '../src/lib/server/content/catalogue';
import {
	groups,
	groupTrainers,
	liveSessions,
	practiceSubmissions,
	surveyAnswers,
	surveyResponses,
	surveySettings,
	surveyTokens,
	trainingDays,
	trainingRegistrations,
	trainings
} from '../src/lib/server/db/schema';
import { hashToken } from '../src/lib/server/ids';
import { parseSections } from '../src/lib/server/practices/body';
import { readPracticeFiles } from '../src/lib/server/practices/files-from-disk';
import { isVisible, OTHER, type Answers } from '../src/lib/server/surveys/answers';
import { buildSurveys, courseIndexOf, type Survey } from '../src/lib/server/surveys/catalogue';
import { readSurveyFiles } from '../src/lib/server/surveys/files-from-disk';
import type { SurveyQuestion } from '../src/lib/server/surveys/schema';
import { pick } from './answers';
import { insertInto } from './sql';

const DAY = 24 * 60 * 60 * 1000;
/** trainings/registrations.ts CONSENT_VERSION (that module pulls in the mails; bench-smoke checks they agree). */
export const BENCH_CONSENT_VERSION = '2026-12-v1';
/** The survey whose report is measured (access: token, like the real campaign to offices). */
export const BENCH_SURVEY = 'diagnoza-wspolpracy-zagranicznej';
/** The training the registration burst fills: no registration before the run. */
export const BURST_TRAINING_TITLE = 'Protokół dyplomatyczny w urzędzie gminy — zapisy na nowy termin';
export const BURST_TRAINING_SLUG = 'protokol-dyplomatyczny-w-urzedzie-gminy-zapisy-na-nowy-termin';
export const BURST_SEATS = 40;

export interface ExtraCounts {
	trainings: number;
	trainingDays: number;
	registrations: number;
	surveyTokens: number;
	surveyResponses: number;
	surveyAnswers: number;
	practiceSubmissions: number;
}

export interface ExtraContext {
	client: Database.Database;
	random: () => number;
	id: (length?: number) => string;
	now: number;
	courses: Course[];
	trainerIds: string[];
	personName: () => [string, string];
	organisation: () => string;
	place: () => string;
}

const TOPICS = [
	'Protokół dyplomatyczny w urzędzie gminy',
	'Wizyta delegacji z Azji Wschodniej: przygotowanie',
	'Komunikacja międzykulturowa z partnerami z Bliskiego Wschodu',
	'Misja gospodarcza krok po kroku',
	'Umowa partnerska miast: od listu intencyjnego do podpisu',
	'Obsługa inwestora zagranicznego w powiecie'
];
const POSITIONS = ['sekretarz gminy', 'inspektor', 'kierownik referatu', 'podinspektor', 'specjalista', ''];
const OFFICE_TYPES = ['gmina', 'powiat', 'wojewodztwo', 'other'] as const;
const TEXTS = [
	'Szkolenie z przyjmowania delegacji zagranicznych przed wizytą partnerów.',
	'Wzory porozumień o współpracy i korespondencji z partnerem.',
	'Przygotowanie do rozmów z inwestorem z Azji.',
	'Pomoc w pozyskaniu środków na wymianę młodzieży.'
];

function asciiSlug(text: string): string {
	return text
		.toLocaleLowerCase('pl')
		.replace(/ł/g, 'l')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Trainings: about one per 1,000 learners (at least 4), a third of them over, plus the empty one for the burst. */
export function writeTrainings(ctx: ExtraContext, size: number, counts: ExtraCounts) {
	const { client, random, id, now } = ctx;
	const insert = {
		group: insertInto(client, groups, ['id', 'name', 'courseSlug', 'createdAt']),
		trainer: insertInto(client, groupTrainers, ['groupId', 'userId']),
		live: insertInto(client, liveSessions, ['id', 'groupId', 'title', 'startsAt', 'place', 'dueModules']),
		training: insertInto(client, trainings, [
			'id',
			'slug',
			'title',
			'invitation',
			'place',
			'onlineUrl',
			'seats',
			'registrationDeadline',
			'requiresApproval',
			'groupId',
			'courseSlugs',
			'status',
			'createdAt'
		]),
		day: insertInto(client, trainingDays, ['id', 'trainingId', 'startsAt', 'endsAt', 'liveSessionId', 'programme']),
		registration: insertInto(client, trainingRegistrations, [
			'id',
			'trainingId',
			'email',
			'firstName',
			'lastName',
			'position',
			'office',
			'officeType',
			'phone',
			'locale',
			'consentVersion',
			'consentAt',
			'status',
			'waitlistSeq',
			'cancelTokenHash',
			'approvalTokenHash',
			'superiorEmail',
			'createdAt',
			'decidedAt'
		])
	};
	const programme = JSON.stringify([
		{ start: '09:00', end: '10:30', topic: 'Wprowadzenie i zasady', trainer: '' },
		{ start: '10:45', end: '12:15', topic: 'Studium przypadku', trainer: '' },
		{ start: '13:00', end: '14:30', topic: 'Ćwiczenia w grupach', trainer: '' }
	]);
	const total = Math.max(4, Math.ceil(size / 1000));
	const usedSlugs = new Set<string>();
	for (let t = 0; t <= total; t++) {
		const burst = t === total;
		const course = burst ? ctx.courses[0] : pick(random, ctx.courses);
		const title = burst ? BURST_TRAINING_TITLE : `${pick(random, TOPICS)} — edycja ${t + 1}`;
		let slug = asciiSlug(title);
		for (let i = 2; usedSlugs.has(slug); i++) slug = `${asciiSlug(title)}-${i}`;
		usedSlugs.add(slug);
		// A third already held, the rest ahead (the burst's a month ahead).
		const past = !burst && t % 3 === 0;
		const firstDay = burst
			? now + 30 * DAY
			: past
				? now - (10 + random() * 150) * DAY
				: now + (5 + random() * 120) * DAY;
		const start = Math.floor(firstDay / DAY) * DAY + 8 * 60 * 60 * 1000;
		const online = !burst && random() < 0.3;
		const place = online ? '' : ctx.place();
		const seats = burst ? BURST_SEATS : 20 + Math.floor(random() * 41);
		const approval = !burst && random() < 0.2;
		const createdAt = start - 60 * DAY;
		const groupId = id();
		insert.group.run(groupId, title, course.slug, createdAt);
		insert.trainer.run(groupId, pick(random, ctx.trainerIds));
		const trainingId = id();
		insert.training.run(
			trainingId,
			slug,
			title,
			'Zapraszamy pracowników urzędów na szkolenie.\n\nProgram obejmuje zajęcia praktyczne.',
			place,
			online ? 'https://spotkania.example.org/akademia' : '',
			seats,
			start - 7 * DAY,
			approval ? 1 : 0,
			groupId,
			JSON.stringify([course.slug]),
			!burst && random() < 0.05 ? 'cancelled' : 'published',
			createdAt
		);
		counts.trainings++;
		const days = burst ? 1 : 1 + Math.floor(random() * 2);
		for (let d = 0; d < days; d++) {
			const dayStart = start + d * DAY;
			const liveId = id();
			insert.live.run(liveId, groupId, `${title} — dzień ${d + 1}`, dayStart, place || 'online', '[]');
			insert.day.run(id(), trainingId, dayStart, dayStart + 6.5 * 60 * 60 * 1000, liveId, programme);
			counts.trainingDays++;
		}
		if (burst) continue;
		// Registrations: the seats fill (or nearly), a waitlist beyond them, some cancelled; with approval some wait.
		const wanted = Math.floor(seats * (0.6 + random() * 0.8));
		let confirmed = 0;
		let waitSeq = 0;
		for (let r = 0; r < wanted; r++) {
			const [first, last] = ctx.personName();
			const at = createdAt + Math.floor(random() * 50 * DAY);
			let status: string;
			if (random() < 0.08) status = 'cancelled';
			else if (approval && random() < 0.3) status = 'pending_approval';
			else if (confirmed < seats) status = 'confirmed';
			else status = 'waitlisted';
			if (status === 'confirmed') confirmed++;
			const officeType = pick(random, OFFICE_TYPES);
			insert.registration.run(
				id(),
				trainingId,
				`uczestnik${r}.${t}@urzad.bench.akademia.test`,
				first,
				last,
				pick(random, POSITIONS),
				ctx.organisation(),
				officeType,
				random() < 0.5 ? `12 ${100 + Math.floor(random() * 900)} ${10 + Math.floor(random() * 90)} 00` : '',
				random() < 0.9 ? 'pl' : 'en',
				BENCH_CONSENT_VERSION,
				at,
				status,
				status === 'waitlisted' ? ++waitSeq : null,
				hashToken(id(32)),
				status === 'pending_approval' ? hashToken(id(32)) : null,
				approval ? `przelozony${r}.${t}@urzad.bench.akademia.test` : null,
				at,
				status === 'confirmed' || status === 'cancelled' ? at : null
			);
			counts.registrations++;
		}
	}
}

export function loadSurvey(courses: Course[], slug = BENCH_SURVEY): Survey {
	const surveys = buildSurveys(
		readSurveyFiles(fileURLToPath(new URL('../surveys', import.meta.url))),
		courseIndexOf(courses)
	);
	const survey = surveys.find((s) => s.slug === slug);
	if (!survey) throw new Error(`no survey ${slug} under surveys/`);
	return survey;
}

/** A respondent's answers: every shown required question answered, most optional ones too, within the limits. */
export function surveyAnswersFor(survey: Survey, random: () => number): Answers {
	const answers: Answers = {};
	// Skewed towards the first options, as real answers are: the report then has clear leaders and small cells.
	const skewed = (n: number) => Math.min(n - 1, Math.floor(n * random() ** 1.6));
	for (const q of survey.questions as SurveyQuestion[]) {
		if (!isVisible(survey.questions, q, answers)) continue;
		if (!q.required && random() < (q.type === 'text' || q.type === 'long_text' ? 0.85 : 0.2)) continue;
		switch (q.type) {
			case 'single': {
				const choice = q.other && random() < 0.03 ? OTHER : q.options[skewed(q.options.length)].id;
				answers[q.id] = choice === OTHER ? { choice, other: 'Inna odpowiedź' } : { choice };
				break;
			}
			case 'multiple': {
				const max = q.max ?? q.options.length;
				const chosen = q.options.filter(() => random() < 0.35).slice(0, max);
				answers[q.id] = { choices: (chosen.length ? chosen : [q.options[skewed(q.options.length)]]).map((o) => o.id) };
				break;
			}
			case 'likert':
				answers[q.id] = Object.fromEntries(q.rows.map((r) => [r.id, 1 + Math.floor(random() * 5)]));
				break;
			case 'ranking': {
				const order = q.items.map((i) => ({ id: i.id, key: random() })).sort((a, b) => a.key - b.key);
				answers[q.id] = order.slice(0, q.pick ?? q.items.length).map((i) => i.id);
				break;
			}
			case 'number':
				answers[q.id] = Math.round(q.min + (Math.min(q.max, q.min + 30) - q.min) * random() ** 2);
				break;
			case 'text':
			case 'long_text':
				answers[q.id] = pick(random, TEXTS).slice(0, q.max_length);
				break;
		}
	}
	return answers;
}

/** One token link per office and a submitted response through each (as saveResponse writes them), a few drafts. */
export function writeSurveyResponses(ctx: ExtraContext, survey: Survey, responses: number, counts: ExtraCounts) {
	const { client, random, id, now } = ctx;
	const insert = {
		settings: insertInto(client, surveySettings, ['surveySlug', 'anonymous']),
		token: insertInto(client, surveyTokens, ['id', 'surveySlug', 'tokenHash', 'office', 'createdAt']),
		response: insertInto(client, surveyResponses, [
			'id',
			'surveySlug',
			'tokenId',
			'context',
			'demo',
			'submittedAt',
			'createdAt',
			'updatedAt'
		]),
		answer: insertInto(client, surveyAnswers, ['responseId', 'questionId', 'value', 'answeredAt'])
	};
	insert.settings.run(survey.slug, survey.anonymous ? 1 : 0);
	const sent = now - 40 * DAY;
	// A few more links than answers: some offices have not answered, and about 2 % left a draft.
	const links = Math.ceil(responses * 1.1);
	for (let i = 0; i < links; i++) {
		const tokenId = id();
		insert.token.run(tokenId, survey.slug, hashToken(id(32)), `${ctx.organisation()} (${i + 1})`, sent);
		counts.surveyTokens++;
		const submitted = i < responses;
		if (!submitted && random() < 0.8) continue;
		const started = sent + Math.floor(random() * 35 * DAY);
		const done = started + Math.floor((5 + random() * 25) * 60_000);
		const responseId = id();
		insert.response.run(responseId, survey.slug, tokenId, '', 0, submitted ? done : null, started, done);
		counts.surveyResponses += submitted ? 1 : 0;
		const answers = surveyAnswersFor(survey, random);
		const entries = Object.entries(answers);
		const kept = submitted ? entries : entries.slice(0, Math.ceil(entries.length / 2));
		for (const [questionId, value] of kept) {
			insert.answer.run(responseId, questionId, JSON.stringify(value), done);
			counts.surveyAnswers++;
		}
	}
}

/** Published submissions (copies of the case files under new titles): the library has files and submissions. */
export function writePracticeSubmissions(ctx: ExtraContext, howMany: number, counts: ExtraCounts) {
	const { client, random, id, now } = ctx;
	const insert = insertInto(client, practiceSubmissions, [
		'id',
		'status',
		'title',
		'data',
		'slug',
		'createdAt',
		'updatedAt',
		'publishedAt'
	]);
	const files = Object.entries(readPracticeFiles(fileURLToPath(new URL('../practices', import.meta.url))))
		.filter(([path, raw]) => path.endsWith('.md') && raw)
		.sort(([a], [b]) => a.localeCompare(b));
	const sources = files.map(([, raw]) => {
		const { data, body } = splitFrontmatter(raw);
		const { sections } = parseSections(body);
		const { last_verified: lastVerified, ...frontmatter } = data as Record<string, unknown>;
		return { frontmatter, sections, lastVerified: String(lastVerified) };
	});
	for (let i = 0; i < howMany && sources.length > 0; i++) {
		const source = sources[i % sources.length];
		const title = `${String(source.frontmatter.title).slice(0, 150)} (zgłoszenie ${i + 1})`;
		const at = now - Math.floor(random() * 300 * DAY);
		insert.run(
			id(),
			'published',
			title,
			JSON.stringify({
				frontmatter: { ...source.frontmatter, title },
				sections: source.sections,
				last_verified: source.lastVerified
			}),
			`zgloszenie-${i + 1}-${asciiSlug(String(source.frontmatter.title)).slice(0, 40).replace(/-+$/, '')}`,
			at,
			at,
			at
		);
		counts.practiceSubmissions++;
	}
}
