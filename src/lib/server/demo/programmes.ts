// Demo data of the programme builder: two published programmes, labelled in the gallery and on their page as
// examples ("Przykład – ilustracja, nie dokument istniejącego urzędu"). The offices ("Gmina Przykładowa",
// "Województwo Wzorcowe") and every partner, figure and name in them are invented for the demo; no real office's
// document is imitated.
import { emptyProgramme, type ProgrammeContent } from '../../programmes/model';
import { getDb } from '../db';
import { programmes } from '../db/schema';
import { randomId } from '../ids';

function gmina(): ProgrammeContent {
	const c = emptyProgramme();
	c.office = {
		name: 'Gmina Przykładowa',
		type: 'gmina',
		population: 14500,
		currentPartners:
			'Jedno miasto partnerskie w Unii Europejskiej (od kilkunastu lat) i kontakty szkół z miastem w Japonii.',
		currentForms: 'Porozumienie o partnerstwie, wymiana młodzieży szkolnej, wizyty delegacji przy dniach gminy.',
		currentResults: 'Coroczna wymiana uczniów; brak działań gospodarczych i brak mierników rezultatów.'
	};
	c.years = { from: 2026, to: 2030 };
	c.strategicGoals = [
		{
			id: 'demog1',
			title: 'Gmina otwarta na partnerów z Europy i Azji',
			operational: [
				{
					id: 'demog1o1',
					title: 'Stała wymiana szkół z miastem partnerskim w Japonii',
					indicators: [
						{
							id: 'demog1o1i1',
							name: 'Liczba uczniów w wymianie rocznie',
							baseline: '0',
							target: '20',
							source: 'Sprawozdania szkół'
						}
					]
				},
				{
					id: 'demog1o2',
					title: 'Przygotowanie urzędników do przyjmowania delegacji',
					indicators: [
						{
							id: 'demog1o2i1',
							name: 'Pracownicy po szkoleniu z protokołu i komunikacji międzykulturowej',
							baseline: '1',
							target: '6',
							source: 'Zaświadczenia Akademii'
						}
					]
				}
			]
		}
	];
	c.partners = [
		{
			id: 'demop1',
			name: 'Miasto partnerskie w Japonii (przykład)',
			region: 'far-east',
			reason: 'Istniejące kontakty szkół i zainteresowanie mieszkańców kulturą Japonii.',
			forms: ['partnership-agreement', 'exchange']
		}
	];
	c.forms = ['partnership-agreement', 'exchange', 'study-visit'];
	c.economy = {
		investorService: 'Jedna osoba kontaktowa w urzędzie dla inwestora; oferta terenów w języku angielskim.',
		exportPromotion: 'Prezentacja lokalnych producentów żywności podczas wizyt partnerów.',
		economicMissions: '',
		fairs: 'Wspólne stoisko z powiatem na regionalnych targach turystycznych.'
	};
	c.organisation = {
		coordinator: 'Referat promocji i współpracy zagranicznej',
		departments: 'Referat oświaty, referat rozwoju gospodarczego, szkoły podstawowe.',
		councilRole: 'Rada gminy przyjmuje program uchwałą i co roku rozpatruje sprawozdanie.',
		headRole: 'Wójt wykonuje program i reprezentuje gminę wobec partnerów.',
		consultation: 'Spotkanie z lokalnymi przedsiębiorcami i organizacjami pozarządowymi przed przyjęciem programu.'
	};
	c.budget = [
		{ id: 'demob1', year: 2026, source: 'own', amount: 25000, purpose: 'Wymiana młodzieży' },
		{ id: 'demob2', year: 2027, source: 'eu', amount: 60000, purpose: 'Projekt szkół (program unijny)' }
	];
	c.risks = [
		{
			id: 'demor1',
			risk: 'Brak osób znających język partnera.',
			mitigation: 'Współpraca ze szkołą językową i tłumaczem.'
		}
	];
	c.monitoring = {
		reportResponsible: 'Kierownik referatu promocji i współpracy zagranicznej',
		reportDeadline: 'do 31 marca każdego roku za rok poprzedni',
		evaluation: 'Ocena po trzech latach na podstawie wskaźników i ankiety wśród uczestników wymian.'
	};
	return c;
}

function wojewodztwo(): ProgrammeContent {
	const c = emptyProgramme();
	c.office = {
		name: 'Województwo Wzorcowe',
		type: 'wojewodztwo',
		population: null,
		currentPartners:
			'Regiony partnerskie w Unii Europejskiej; pierwsze kontakty z regionami w Azji i na Bliskim Wschodzie.',
		currentForms: 'Porozumienia z regionami, misje gospodarcze, udział w targach.',
		currentResults: 'Misje gospodarcze bez wspólnego planu i bez mierników.'
	};
	c.years = { from: 2026, to: 2029 };
	c.strategicGoals = [
		{
			id: 'demow1',
			title: 'Rozwój eksportu firm z regionu na rynki azjatyckie',
			operational: [
				{
					id: 'demow1o1',
					title: 'Misje gospodarcze z udziałem firm z regionu',
					indicators: [
						{
							id: 'demow1o1i1',
							name: 'Firmy uczestniczące w misjach',
							baseline: '8',
							target: '30',
							source: 'Listy uczestników misji'
						}
					]
				}
			]
		}
	];
	c.partners = [
		{
			id: 'demowp1',
			name: 'Prowincja partnerska w Korei Południowej (przykład)',
			region: 'far-east',
			reason: 'Zainteresowanie firm z regionu tamtejszym rynkiem.',
			forms: ['economic-mission', 'partnership-agreement']
		},
		{
			id: 'demowp2',
			name: 'Emirat partnerski w Zatoce Perskiej (przykład)',
			region: 'middle-east',
			reason: 'Kontakty nawiązane podczas targów; możliwy inwestor.',
			forms: ['investor-service']
		}
	];
	c.forms = ['economic-mission', 'investor-service', 'partnership-agreement'];
	c.economy = {
		investorService:
			'Standard obsługi inwestora z Zatoki: opiekun projektu, materiały w języku angielskim, kalendarz uwzględniający Ramadan.',
		exportPromotion: 'Program wsparcia udziału firm w targach zagranicznych.',
		economicMissions: 'Dwie misje rocznie, przygotowane z samorządem gospodarczym.',
		fairs: 'Stoisko regionalne na wybranych targach branżowych.'
	};
	c.organisation = {
		coordinator: 'Departament współpracy zagranicznej urzędu marszałkowskiego',
		departments: 'Departament rozwoju gospodarczego, regionalne centrum obsługi inwestora.',
		councilRole: 'Sejmik województwa uchwala priorytety współpracy zagranicznej i rozpatruje roczne sprawozdanie.',
		headRole: 'Zarząd województwa wykonuje program; marszałek reprezentuje województwo.',
		consultation: 'Konsultacje z izbami gospodarczymi i uczelniami regionu.'
	};
	c.budget = [
		{ id: 'demowb1', year: 2026, source: 'own', amount: 300000, purpose: 'Misje gospodarcze' },
		{ id: 'demowb2', year: 2026, source: 'eu', amount: 450000, purpose: 'Udział firm w targach' }
	];
	c.risks = [
		{
			id: 'demowr1',
			risk: 'Projekt porozumienia z regionem partnerskim bez zgody ministra spraw zagranicznych przed wizytą.',
			mitigation: 'Harmonogram z czasem na uzyskanie zgody; do tego czasu wspólna zapowiedź bez podpisywania dokumentu.'
		}
	];
	c.monitoring = {
		reportResponsible: 'Departament współpracy zagranicznej',
		reportDeadline: 'do 30 kwietnia każdego roku',
		evaluation: 'Ewaluacja zewnętrzna w ostatnim roku programu.'
	};
	return c;
}

const EXAMPLES: { titleOffice: string; content: () => ProgrammeContent; publishedAt: Date }[] = [
	{ titleOffice: 'Gminy Przykładowej', content: gmina, publishedAt: new Date('2026-03-02T10:00:00Z') },
	{ titleOffice: 'Województwa Wzorcowego', content: wojewodztwo, publishedAt: new Date('2026-04-14T10:00:00Z') }
];

export function seedProgrammesDemo() {
	const db = getDb();
	for (const e of EXAMPLES) {
		const content = e.content();
		db.insert(programmes)
			.values({
				id: randomId(10),
				authorId: null,
				titleOffice: e.titleOffice,
				yearFrom: content.years.from,
				yearTo: content.years.to,
				content: content as unknown as Record<string, unknown>,
				status: 'published',
				example: true,
				publishedAt: e.publishedAt,
				updatedAt: e.publishedAt
			})
			.run();
	}
}
