// A filled programme for tests and for trying the export by hand: a fictional office ("Gmina Przykładowa" by
// default), with invented partners and numbers that illustrate the shape, not any real office's document.
import { emptyProgramme, type ProgrammeContent } from '$lib/programmes/model';

export function sampleProgramme(officeName = 'Gmina Przykładowa'): ProgrammeContent {
	const p = emptyProgramme();
	p.office = {
		name: officeName,
		type: 'gmina',
		population: 18450,
		currentPartners: 'Miasto partnerskie w Niemczech (od 2004 r.) i gmina na Litwie (od 2012 r.).',
		currentForms: 'Wymiana młodzieży szkolnej, wizyty delegacji przy okazji dni miasta, wspólny projekt kulturalny.',
		currentResults:
			'Dwie wymiany szkolne rocznie.\nJeden wspólny projekt finansowany ze środków zewnętrznych; brak współpracy gospodarczej.'
	};
	p.years = { from: 2027, to: 2030 };
	p.strategicGoals = [
		{
			id: 's1',
			title: 'Rozwój gospodarczy dzięki kontaktom zagranicznym',
			operational: [
				{
					id: 'o11',
					title: 'Pozyskanie inwestora z Dalekiego Wschodu dla strefy przemysłowej',
					indicators: [
						{
							id: 'i111',
							name: 'Liczba spotkań z inwestorami zagranicznymi',
							baseline: '0 (2026)',
							target: '8 do 2030 r.',
							source: 'rejestr spotkań referatu promocji'
						}
					]
				},
				{
					id: 'o12',
					title: 'Udział lokalnych firm w misjach gospodarczych',
					indicators: [
						{
							id: 'i121',
							name: 'Liczba firm uczestniczących w misjach',
							baseline: '2',
							target: '12',
							source: 'listy uczestników misji'
						},
						{
							id: 'i122',
							name: 'Liczba kontaktów handlowych zgłoszonych przez firmy',
							baseline: '0',
							target: '20',
							source: 'ankieta po misji'
						}
					]
				}
			]
		},
		{
			id: 's2',
			title: 'Otwartość i kompetencje międzykulturowe mieszkańców',
			operational: [
				{
					id: 'o21',
					title: 'Wymiana szkolna i kulturalna z partnerami',
					indicators: [
						{
							id: 'i211',
							name: 'Liczba uczestników wymian',
							baseline: '40 rocznie',
							target: '80 rocznie',
							source: 'sprawozdania szkół'
						}
					]
				},
				{ id: 'o22', title: 'Szkolenia pracowników urzędu z protokołu dyplomatycznego', indicators: [] }
			]
		}
	];
	p.partners = [
		{
			id: 'p1',
			name: 'Prowincja w Chinach (do wskazania po rozmowach z ambasadą)',
			region: 'far-east',
			reason: 'Zainteresowanie inwestorów sektorem przetwórstwa spożywczego.',
			forms: ['economic-mission', 'investor-service']
		},
		{
			id: 'p2',
			name: 'Miasto partnerskie w Niemczech',
			region: 'other',
			reason: 'Dwudziestoletnia współpraca szkół i organizacji pozarządowych.',
			forms: ['partnership-agreement', 'exchange']
		}
	];
	p.forms = ['partnership-agreement', 'economic-mission', 'exchange', 'study-visit'];
	p.economy = {
		investorService: 'Jedno okienko dla inwestora w referacie promocji; materiały w języku angielskim i chińskim.',
		exportPromotion: 'Katalog lokalnych producentów żywności; wspólne stoisko gminy i firm.',
		economicMissions: 'Jedna misja rocznie, przygotowana z samorządem województwa.',
		fairs: ''
	};
	p.organisation = {
		coordinator: 'Referat Promocji i Współpracy Zagranicznej',
		departments: 'Referat Rozwoju Gospodarczego, Referat Oświaty, Biuro Rady',
		councilRole: 'Przyjmuje program i coroczne sprawozdanie z jego realizacji.',
		headRole: 'Reprezentuje gminę w kontaktach z partnerami i zatwierdza plan wizyt.',
		consultation: 'Spotkanie z lokalną izbą gospodarczą i organizacjami pozarządowymi przed przyjęciem programu.'
	};
	p.budget = [
		{ id: 'b1', year: 2027, source: 'own', amount: 45000, purpose: 'Misja gospodarcza i materiały promocyjne' },
		{ id: 'b2', year: 2027, source: 'eu', amount: 120000, purpose: 'Projekt wymiany młodzieży' },
		{ id: 'b3', year: 2028, source: 'own', amount: 50000, purpose: 'Obsługa delegacji i tłumaczenia' },
		{ id: 'b4', year: 2028, source: 'partners', amount: 15500, purpose: 'Wizyta studyjna u partnera' }
	];
	p.risks = [
		{
			id: 'r1',
			risk: 'Brak zainteresowania firm udziałem w misjach',
			mitigation: 'Konsultacje z izbą gospodarczą przy wyborze kierunku misji.'
		},
		{
			id: 'r2',
			risk: 'Zmiana sytuacji politycznej w kraju partnera',
			mitigation: 'Bieżące konsultacje z Ministerstwem Spraw Zagranicznych i placówką RP.'
		}
	];
	p.monitoring = {
		reportResponsible: 'Kierownik Referatu Promocji i Współpracy Zagranicznej',
		reportDeadline: 'do 31 marca każdego roku za rok poprzedni',
		evaluation: 'Ewaluacja śródokresowa w 2028 r. i końcowa w 2030 r., z udziałem partnerów i lokalnych firm.'
	};
	p.resolution = { include: true, councilName: `Rada ${officeName.replace(/^Gmina\b/, 'Gminy')}` };
	return p;
}

/** The title as the programme pages print it; the route passes its own, this serves tests and trials. */
export function sampleTitle(p: ProgrammeContent): string {
	const name = p.office.name.replace(/^Gmina\b/, 'Gminy');
	return `Program współpracy zagranicznej ${name} na lata ${p.years.from}–${p.years.to}`;
}
