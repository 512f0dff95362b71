// Demo live trainings for the quick start: two upcoming (one with the superior's approval, one nearly full) and
// one past training whose session has attendance. People and offices are invented for the demo.
import { eq } from 'drizzle-orm';
import { addMember, getGroup } from '../groups/groups';
import { getDb } from '../db';
import { attendance, trainingRegistrations, users, type RegistrationStatus } from '../db/schema';
import { hashToken, randomId } from '../ids';
import { daysOf, trainingById } from '../trainings/catalogue';
import { addTrainingDay, createTraining } from '../trainings/manage';
import { CONSENT_VERSION } from '../trainings/registrations';

const DAY = 86_400_000;

function at(daysFromNow: number, hourUtc: number, now: number): Date {
	const d = new Date(now + daysFromNow * DAY);
	d.setUTCHours(hourUtc, 0, 0, 0);
	return d;
}

const PEOPLE = [
	['Agnieszka', 'Kowalczyk', 'Urząd Gminy Przykładowo', 'gmina'],
	['Bartosz', 'Wiśniewski', 'Starostwo Powiatowe w Przykładowie', 'powiat'],
	['Celina', 'Zielińska', 'Urząd Marszałkowski Województwa Przykładowego', 'wojewodztwo'],
	['Dariusz', 'Lewandowski', 'Urząd Miasta Przykładowice', 'gmina'],
	['Ewa', 'Kamińska', 'Urząd Gminy Wzorcowo', 'gmina'],
	['Filip', 'Dąbrowski', 'Starostwo Powiatowe we Wzorcowie', 'powiat'],
	['Grażyna', 'Szymańska', 'Urząd Gminy Próbna Wola', 'gmina'],
	['Henryk', 'Woźniak', 'Urząd Miasta Wzorcowice', 'gmina'],
	['Irena', 'Kozłowska', 'Urząd Gminy Dolna Przykładowa', 'gmina'],
	['Jacek', 'Jankowski', 'Urząd Gminy Górna Przykładowa', 'gmina'],
	['Katarzyna', 'Mazur', 'Starostwo Powiatowe w Próbnej Woli', 'powiat'],
	['Leszek', 'Krawczyk', 'Regionalny ośrodek doskonalenia (przykład)', 'other']
] as const;

function register(trainingId: string, n: number, status: RegistrationStatus, now: number, seq?: number) {
	const [firstName, lastName, office, officeType] = PEOPLE[n % PEOPLE.length];
	getDb()
		.insert(trainingRegistrations)
		.values({
			id: randomId(),
			trainingId,
			email: `${firstName}.${lastName}.${trainingId.slice(0, 4)}@urzad.example`
				.toLowerCase()
				.normalize('NFD')
				.replace(/\p{M}/gu, '')
				.replace(/ł/g, 'l'),
			firstName,
			lastName,
			position: 'specjalista ds. współpracy zagranicznej',
			office,
			officeType,
			superiorEmail: status === 'pending_approval' ? 'sekretarz@urzad.example' : null,
			consentVersion: CONSENT_VERSION,
			consentAt: new Date(now - (20 - n) * 3600_000),
			status,
			waitlistSeq: status === 'waitlisted' ? (seq ?? 1) : null,
			cancelTokenHash: hashToken(randomId(20)),
			approvalTokenHash: status === 'pending_approval' ? hashToken(randomId(20)) : null,
			createdAt: new Date(now - (20 - n) * 3600_000),
			decidedAt: status === 'pending_approval' ? null : new Date(now - (20 - n) * 3600_000)
		})
		.run();
}

export function seedTrainingsDemo(ids: { admin: string; trainer: string; learner: string }, now = Date.now()) {
	// 1. Upcoming, with approval by the superior.
	const protocol = createTraining(
		ids.admin,
		{
			title: 'Protokół dyplomatyczny w praktyce samorządu',
			invitation:
				'Zapraszamy pracowników urzędów, którzy przygotowują wizyty partnerów zagranicznych, na dwudniowe szkolenie z protokołu dyplomatycznego.\n\nPrzed szkoleniem prosimy o przejście pierwszych modułów kursu e-learningowego; między dniami szkolenia uczestnicy kończą kolejne moduły.',
			place: 'Kraków, sala szkoleniowa Akademii',
			onlineUrl: '',
			seats: 24,
			registrationDeadline: at(14, 21, now),
			requiresApproval: true,
			courseSlugs: ['protokol-dyplomatyczny']
		},
		ids.trainer
	);
	for (const [day, programme] of [
		[
			21,
			[
				{ start: '09:00', end: '10:30', topic: 'Precedencja i tytulatura', trainer: 'Tomasz Trenerski' },
				{ start: '10:45', end: '12:15', topic: 'Korespondencja z partnerem zagranicznym', trainer: 'Tomasz Trenerski' },
				{ start: '13:00', end: '15:00', topic: 'Ćwiczenia: plan wizyty', trainer: 'Tomasz Trenerski' }
			]
		],
		[
			22,
			[
				{ start: '09:00', end: '11:00', topic: 'Przyjęcie delegacji i upominki', trainer: 'Tomasz Trenerski' },
				{
					start: '11:15',
					end: '13:00',
					topic: 'Omówienie przypadków z urzędów uczestników',
					trainer: 'Tomasz Trenerski'
				}
			]
		]
	] as const)
		addTrainingDay(
			ids.admin,
			protocol.id,
			{ startsAt: at(day, 8, now), endsAt: at(day, 14, now), programme: programme.map((p) => ({ ...p })) },
			''
		);
	[0, 1, 2].forEach((n) => register(protocol.id, n, 'confirmed', now));
	[3, 4].forEach((n) => register(protocol.id, n, 'pending_approval', now));

	// 2. Upcoming online, nearly full (11 of 12 places).
	const intercultural = createTraining(
		ids.admin,
		{
			title: 'Komunikacja międzykulturowa w kontaktach z partnerami zagranicznymi',
			invitation:
				'Spotkanie online dla osób, które prowadzą korespondencję i rozmowy z partnerami z innych krajów. Omówimy typowe nieporozumienia i sposoby ich unikania.',
			place: '',
			onlineUrl: 'https://spotkanie.example/akademia-komunikacja',
			seats: 12,
			registrationDeadline: at(8, 21, now),
			requiresApproval: false,
			courseSlugs: ['kompetencje-miedzykulturowe']
		},
		ids.trainer
	);
	addTrainingDay(
		ids.admin,
		intercultural.id,
		{
			startsAt: at(10, 9, now),
			endsAt: at(10, 12, now),
			programme: [
				{ start: '10:00', end: '11:15', topic: 'Style komunikacji i ich źródła', trainer: 'Tomasz Trenerski' },
				{ start: '11:30', end: '13:00', topic: 'Studia przypadków', trainer: 'Tomasz Trenerski' }
			]
		},
		''
	);
	for (let n = 0; n < 11; n++) register(intercultural.id, n, 'confirmed', now);

	// 3. Past, with attendance: the demo learner took part and is a learner of its group.
	const past = createTraining(
		ids.admin,
		{
			title: 'Wizyta delegacji zagranicznej: przygotowanie i przebieg',
			invitation: 'Jednodniowe szkolenie warsztatowe o przygotowaniu wizyty delegacji w urzędzie.',
			place: 'Tarnów, sala konferencyjna (przykład)',
			onlineUrl: '',
			seats: 16,
			registrationDeadline: at(-40, 21, now),
			requiresApproval: false,
			courseSlugs: ['protokol-dyplomatyczny']
		},
		ids.trainer
	);
	const pastDay = addTrainingDay(
		ids.admin,
		past.id,
		{
			startsAt: at(-30, 8, now),
			endsAt: at(-30, 14, now),
			programme: [
				{ start: '09:00', end: '15:00', topic: 'Warsztat: plan wizyty krok po kroku', trainer: 'Tomasz Trenerski' }
			]
		},
		''
	);
	for (let n = 5; n < 10; n++) register(past.id, n, 'confirmed', now);
	const learner = getDb().select().from(users).where(eq(users.id, ids.learner)).get();
	const group = getGroup(trainingById(past.id)!.groupId);
	if (learner?.email && group) {
		const [firstName, ...rest] = learner.name.split(' ');
		getDb()
			.insert(trainingRegistrations)
			.values({
				id: randomId(),
				trainingId: past.id,
				email: learner.email,
				firstName,
				lastName: rest.join(' '),
				office: learner.organisation,
				officeType: 'gmina',
				consentVersion: CONSENT_VERSION,
				consentAt: at(-45, 9, now),
				status: 'confirmed',
				cancelTokenHash: hashToken(randomId(20)),
				userId: learner.id,
				createdAt: at(-45, 9, now),
				decidedAt: at(-45, 9, now)
			})
			.run();
		addMember(ids.admin, group, learner.email);
		const day = daysOf(past.id).find((d) => d.id === pastDay);
		if (day?.liveSessionId)
			getDb()
				.insert(attendance)
				.values({ liveSessionId: day.liveSessionId, userId: learner.id, attended: true, markedBy: ids.trainer })
				.run();
	}
}
