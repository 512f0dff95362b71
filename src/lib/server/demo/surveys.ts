// Quick-start demo: about 60 synthetic responses to the needs diagnosis, the same every time (seeded generator),
// marked `demo` so the report says they are not real answers.
import { getDb } from '../db';
import { surveyAnswers, surveyResponses } from '../db/schema';
import { randomId } from '../ids';
import type { Answers } from '../surveys/answers';
import type { Survey } from '../surveys/catalogue';
import { getSurvey } from '../surveys/index';
import { ensureSettings } from '../surveys/responses';

export const DEMO_SURVEY = 'diagnoza-wspolpracy-zagranicznej';
export const DEMO_RESPONSES = 60;

/** mulberry32: a small, well-known seeded generator; deterministic demo data, never for secrets. */
export function seededRandom(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function weighted<T extends string>(rand: () => number, entries: [T, number][]): T {
	const total = entries.reduce((s, [, w]) => s + w, 0);
	let x = rand() * total;
	for (const [v, w] of entries) if ((x -= w) < 0) return v;
	return entries[entries.length - 1][0];
}

const clamp = (x: number) => Math.max(1, Math.min(5, Math.round(x)));

/** One synthetic respondent's answers (valid for the survey file: conditions and limits respected). */
export function demoAnswers(rand: () => number): Answers {
	const pickSome = (ids: string[], p: number) => ids.filter(() => rand() < p);
	const a: Answers = {};
	a['typ-jst'] = {
		choice: weighted(rand, [
			['gmina-wiejska', 30],
			['gmina-miejsko-wiejska', 20],
			['gmina-miejska', 15],
			['miasto-na-prawach-powiatu', 8],
			['powiat', 20],
			['wojewodztwo', 3]
		])
	};
	a['liczba-mieszkancow'] = {
		choice: weighted(rand, [
			['do-5-tys', 20],
			['5-20-tys', 35],
			['20-50-tys', 25],
			['50-100-tys', 12],
			['powyzej-100-tys', 8]
		])
	};
	a['wojewodztwo'] = {
		choice: weighted(rand, [
			['malopolskie', 45],
			['slaskie', 15],
			['podkarpackie', 14],
			['swietokrzyskie', 8],
			['mazowieckie', 6],
			['lubelskie', 6],
			['pomorskie', 3],
			['opolskie', 3]
		])
	};
	a['stanowisko'] = {
		choice: weighted(rand, [
			['kierownictwo', 10],
			['sekretarz', 20],
			['kierownik-komorki', 30],
			['pracownik-merytoryczny', 40]
		])
	};
	const cooperates = weighted(rand, [
		['tak', 70],
		['nie-planujemy', 15],
		['nie', 15]
	]);
	a['wspolpraca'] = { choice: cooperates };
	if (cooperates === 'tak') {
		const regions = pickSome(
			['ue', 'europa-poza-ue', 'bliski-wschod', 'daleki-wschod', 'azja-poludniowa', 'ameryka'],
			0.35
		);
		a['regiony-partnerow'] = { choices: regions.length ? regions : ['ue'] };
		const forms = pickSome(
			[
				'porozumienia',
				'projekty',
				'misje-gospodarcze',
				'wizyty-studyjne',
				'obsluga-inwestorow',
				'zrzeszenia',
				'wymiana'
			],
			0.4
		);
		a['formy-wspolpracy'] = { choices: forms.length ? forms : ['porozumienia'] };
		if (rand() < 0.5) a['wizyty-rocznie'] = Math.floor(rand() * 12);
	}
	a['strategia'] = {
		choice: weighted(rand, [
			['tak', 15],
			['w-przygotowaniu', 10],
			['nie', 60],
			['nie-wiem', 15]
		])
	};
	a['kto-zajmuje-sie'] = {
		choice: weighted(rand, [
			['komorka', 20],
			['osoba', 40],
			['doraznie', 30],
			['nikt', 10]
		])
	};
	const barriers = ['finanse', 'jezyk', 'kadry', 'czas', 'watpliwosci-prawne', 'brak-kontaktow', 'zmiany-polityczne'];
	const weights = [0.7, 0.45, 0.35, 0.3, 0.25, 0.3, 0.1];
	a['bariery'] = { choices: barriers.filter((_, i) => rand() < weights[i]).slice(0, 3) };
	if ((a['bariery'] as { choices: string[] }).choices.length === 0) a['bariery'] = { choices: ['finanse'] };
	const items = ['szkolenia', 'poradnik', 'kontakty', 'finansowanie', 'doradztwo-prawne'];
	a['priorytety'] = items
		.map((id, i) => ({ id, key: rand() + (i === 0 ? 0.4 : i === 3 ? 0.3 : 0) }))
		.sort((x, y) => y.key - x.key)
		.slice(0, 3)
		.map((x) => x.id);
	// Importance above competence, most of all for protocol and the Far East, so the gap rules have work to do.
	const topics: [string, number, number][] = [
		['protokol', 4.3, 2.6],
		['komunikacja-bliski-wschod', 3.5, 2.2],
		['komunikacja-daleki-wschod', 3.9, 2.1],
		['misje-gospodarcze', 3.6, 2.4],
		['obsluga-inwestora', 3.8, 3.0],
		['podstawy-prawne', 3.9, 3.3],
		['fundusze', 4.4, 3.4],
		['program-wspolpracy', 3.4, 2.5]
	];
	a['waznosc-tematow'] = Object.fromEntries(topics.map(([id, imp]) => [id, clamp(imp + (rand() - 0.5) * 2.2)]));
	a['kompetencje-urzedu'] = Object.fromEntries(topics.map(([id, , comp]) => [id, clamp(comp + (rand() - 0.5) * 2.2)]));
	const trainingForms = pickSome(['stacjonarne', 'e-learning', 'mieszane', 'wizyta-studyjna', 'webinarium'], 0.45);
	a['formy-szkolen'] = { choices: trainingForms.length ? trainingForms : ['mieszane'] };
	a['dlugosc'] = {
		choice: weighted(rand, [
			['pol-dnia', 30],
			['jeden-dzien', 55],
			['dwa-dni', 15]
		])
	};
	if (rand() < 0.7)
		a['terminy'] = {
			choices: [
				weighted(rand, [
					['i-kwartal', 30],
					['ii-kwartal', 25],
					['jesien', 40],
					['wakacje', 5]
				])
			]
		};
	if (rand() < 0.15)
		a['co-najpierw'] = weighted(rand, [
			['Odpowiedź demonstracyjna: szkolenie z protokołu przed wizytą delegacji partnerskiej.', 1],
			['Odpowiedź demonstracyjna: wzory porozumień o partnerstwie i korespondencji.', 1],
			['Odpowiedź demonstracyjna: przygotowanie do spotkań z partnerami z Azji.', 1]
		]);
	return a;
}

/** Seeds the demo responses once (nothing if the survey already has responses). */
export function seedSurveyDemo() {
	const survey: Survey | undefined = getSurvey(DEMO_SURVEY);
	if (!survey) return;
	const db = getDb();
	ensureSettings(survey, db);
	const rand = seededRandom(17);
	// Spread over the last three weeks, at fixed offsets from a fixed start: the same data on every quick start.
	const start = Date.UTC(2026, 0, 12, 8, 0, 0);
	for (let i = 0; i < DEMO_RESPONSES; i++) {
		const id = randomId();
		const at = new Date(start + i * 8 * 60 * 60 * 1000);
		db.insert(surveyResponses)
			.values({ id, surveySlug: survey.slug, demo: true, submittedAt: at, createdAt: at, updatedAt: at })
			.run();
		for (const [questionId, value] of Object.entries(demoAnswers(rand)))
			db.insert(surveyAnswers).values({ responseId: id, questionId, value, answeredAt: at }).run();
	}
}
