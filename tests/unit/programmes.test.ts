// Programme builder: readiness rules, the version check for concurrent saves, who may see and do what, sharing,
// comments, publishing and unpublishing (fictitious data), the step form parser and the survey pre-fill.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emptyProgramme, type ProgrammeContent } from '$lib/programmes/model';
import { getDb } from '$lib/server/db';
import { auditLog, programmeComments, programmes, programmeShares } from '$lib/server/db/schema';
import { accessFor } from '$lib/server/programmes/access';
import {
	fieldsFromContent,
	fieldsFromPairs,
	MAX_PAIRS,
	pairsOf,
	parseStep,
	rowShape,
	tooManyPairs,
	type FieldPairs
} from '$lib/server/programmes/form';
import { refusedForm } from '$lib/server/programmes/http';
import { galleryFilters, matchesGallery } from '$lib/server/programmes/gallery';
import { contentFromDiagnosis, officeTypeFromName, tokenFromLink } from '$lib/server/programmes/prefill';
import { allMissing, readiness, stepReadiness } from '$lib/server/programmes/readiness';
import {
	addComment,
	commentsOf,
	createProgramme,
	listMine,
	loadProgramme,
	MAX_COMMENTS,
	MAX_SHARES,
	ProgrammeError,
	programmeTitle,
	publishedProgrammes,
	publishProgramme,
	saveStep,
	shareProgramme,
	shareRef,
	unpublishProgramme,
	unshareProgramme
} from '$lib/server/programmes/store';
import { anonymisePerson } from '$lib/server/privacy/anonymise';
import { exportPersonalData } from '$lib/server/privacy/export';
import { draftFromDiagnosis } from '$lib/server/programmes/start';
import { getSurvey } from '$lib/server/surveys';
import { generateTokens, saveResponse } from '$lib/server/surveys/responses';
import { insertUser } from './db-helpers';

function person(role: 'learner' | 'trainer' | 'admin' = 'learner') {
	const id = insertUser({ role });
	return { id, email: `${id}@example.test`, role };
}

function fullContent(): ProgrammeContent {
	const c = emptyProgramme();
	c.office = {
		name: 'Gmina Fikcyjna',
		type: 'gmina',
		population: 12000,
		currentPartners: 'Miasto Fikcyjne',
		currentForms: 'wymiana młodzieży',
		currentResults: ''
	};
	c.years = { from: 2026, to: 2030 };
	c.strategicGoals = [
		{
			id: 'g1aaaa',
			title: 'Otwarta gmina',
			operational: [
				{
					id: 'o1aaaa',
					title: 'Wymiana szkół',
					indicators: [{ id: 'i1aaaa', name: 'Liczba wymian', baseline: '0', target: '3', source: 'sprawozdania' }]
				}
			]
		}
	];
	c.partners = [
		{ id: 'p1aaaa', name: 'Miasto Fikcyjne', region: 'far-east', reason: 'Wspólna historia', forms: ['exchange'] }
	];
	c.economy.fairs = 'Udział w targach';
	c.organisation = {
		coordinator: 'Referat promocji',
		departments: '',
		councilRole: 'Przyjmuje program',
		headRole: 'Wykonuje program',
		consultation: 'Spotkanie z izbą gospodarczą'
	};
	c.budget = [{ id: 'b1aaaa', year: 2026, source: 'own', amount: 10000, purpose: 'Wymiana' }];
	c.risks = [{ id: 'r1aaaa', risk: 'Zmiana władz', mitigation: 'Uchwała rady' }];
	c.monitoring = {
		reportResponsible: 'Referat promocji',
		reportDeadline: 'do 31 marca',
		evaluation: 'Po trzech latach'
	};
	return c;
}

describe('readiness', () => {
	it('an empty draft is ready nowhere and says what is missing', () => {
		const r = readiness(emptyProgramme());
		expect(r.every((s) => !s.ready)).toBe(true);
		const codes = allMissing(emptyProgramme()).map((x) => x.code);
		expect(codes).toEqual(expect.arrayContaining(['office_name', 'no_strategic_goal', 'no_partner', 'no_budget']));
	});

	it('a complete programme is ready in every step', () => {
		expect(readiness(fullContent()).map((s) => [s.step, s.ready])).toEqual(
			readiness(fullContent()).map((s) => [s.step, true])
		);
		expect(allMissing(fullContent())).toEqual([]);
	});

	it('names a goal without an indicator, a partner without a reason, a budget row without a source', () => {
		const c = fullContent();
		c.strategicGoals[0].operational.push({ id: 'o2aaaa', title: 'Misja do Azji', indicators: [] });
		c.partners.push({ id: 'p2aaaa', name: 'Region Przykładowy', region: '', reason: '', forms: [] });
		c.budget.push({ id: 'b2aaaa', year: 2027, source: '', amount: 500, purpose: 'Targi' });
		c.risks.push({ id: 'r2aaaa', risk: 'Brak tłumacza', mitigation: '' });
		const missing = allMissing(c);
		expect(missing).toEqual(
			expect.arrayContaining([
				{ step: 'goals', code: 'operational_without_indicator', subject: 'Misja do Azji' },
				{ step: 'partners', code: 'partner_without_reason', subject: 'Region Przykładowy' },
				{ step: 'budget', code: 'budget_without_source', subject: 'Targi' },
				{ step: 'budget', code: 'risk_without_mitigation', subject: 'Brak tłumacza' }
			])
		);
		expect(stepReadiness(c, 'economy').ready).toBe(true);
	});

	it('an indicator needs baseline, target and source; years must be in order', () => {
		const c = fullContent();
		c.strategicGoals[0].operational[0].indicators[0].source = ' ';
		c.years = { from: 2030, to: 2026 };
		const codes = allMissing(c).map((x) => x.code);
		expect(codes).toContain('indicator_incomplete');
		expect(codes).toContain('years_order');
	});
});

describe('step form', () => {
	it('reads nested goals and drops blank rows; the fields round-trip', () => {
		const pairs: FieldPairs = [
			['g.0.id', 'g1aaaa'],
			['g.0.title', 'Otwarta gmina'],
			['g.0.o.0.title', 'Wymiana szkół'],
			['g.0.o.0.k.0.name', 'Liczba wymian'],
			['g.0.o.0.k.0.baseline', '0'],
			['g.0.o.0.k.0.target', '3'],
			['g.0.o.0.k.0.source', 'sprawozdania'],
			['g.0.o.1.title', ''],
			['g.1.title', ''],
			['g.1.o.0.k.0.name', '']
		];
		const r = parseStep('goals', pairs);
		if (!r.ok) throw new Error('refused');
		const c = r.update.apply(emptyProgramme());
		expect(c.strategicGoals).toHaveLength(1);
		expect(c.strategicGoals[0].id).toBe('g1aaaa');
		expect(c.strategicGoals[0].operational).toHaveLength(1);
		expect(c.strategicGoals[0].operational[0].indicators[0].target).toBe('3');
		const f = fieldsFromContent('goals', c, '');
		expect(f['g.0.o.0.k.0.source']).toEqual(['sprawozdania']);
		// One blank row at every level after the filled ones.
		expect(rowShape(f).goals).toEqual([
			{
				i: 0,
				ops: [
					{ j: 0, inds: [0, 1] },
					{ j: 1, inds: [0] }
				]
			},
			{ i: 1, ops: [{ j: 0, inds: [0] }] }
		]);
	});

	it('takes office text as typed: a pasted list, a phone, a comparison (escaped wherever it is shown)', () => {
		const text = '- Wydział Promocji\n- Biuro Rady\n+48 12 345 67 89 (sekretariat)\n@Wydział\nBudżet < 50 tys. zł';
		const r = parseStep('organisation', [['organisation.departments', text]]);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.update.apply(emptyProgramme()).organisation.departments).toBe(text);
	});

	it('refuses control characters, a bad year, an unknown option and overlong text, naming the field', () => {
		const r = parseStep('budget', [
			['b.0.year', '20266'],
			['b.0.source', 'lottery'],
			['b.0.amount', '12,5'],
			['b.0.purpose', 'Wymiana\u0007 młodzieży'],
			['r.0.risk', 'x'.repeat(5000)]
		]);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual({
			'b.0.year': 'year_invalid',
			'b.0.source': 'option_invalid',
			'b.0.amount': 'number_invalid',
			'b.0.purpose': 'text_control',
			'r.0.risk': 'too_long:4000'
		});
	});

	it('step 1 sets the title office; an emptied title is refused (only a person can write its genitive)', () => {
		const r = parseStep('office', [
			['office.name', 'Gmina Fikcyjna'],
			['title.office', ''],
			['years.from', '2026'],
			['years.to', '2030']
		]);
		expect(r.ok ? null : r.errors).toEqual({ 'title.office': 'required' });
		const named = parseStep('office', [
			['title.office', 'Gminy Fikcyjnej'],
			['years.from', '2026'],
			['years.to', '2030']
		]);
		if (!named.ok) throw new Error('refused');
		expect(named.update.titleOffice).toBe('Gminy Fikcyjnej');
		expect(named.update.apply(emptyProgramme()).years).toEqual({ from: 2026, to: 2030 });
		// Word's line breaks (U+000B) arrive as control characters: they become new lines, not a refusal.
		const pasted = parseStep('organisation', [['organisation.departments', 'Wydział A\u000bWydział B']]);
		expect(pasted.ok && pasted.update.apply(emptyProgramme()).organisation.departments).toBe('Wydział A\nWydział B');
	});
});

describe('access rules', () => {
	const draft = (shares: { email: string; userId: string | null; role: 'view' | 'edit' }[] = []) => ({
		authorId: 'author',
		status: 'draft' as const,
		shares
	});
	it("a draft is its author's and the people it is shared with; nobody else, admins included", () => {
		expect(accessFor(draft(), { id: 'author', email: 'a@x.test', role: 'learner' })).toBe('author');
		expect(accessFor(draft(), { id: 'other', email: 'o@x.test', role: 'learner' })).toBeNull();
		expect(accessFor(draft(), { id: 'adm', email: 'adm@x.test', role: 'admin' })).toBeNull();
		expect(accessFor(draft(), null)).toBeNull();
		const shared = draft([{ email: 't@x.test', userId: null, role: 'view' }]);
		expect(accessFor(shared, { id: 'trainer', email: 'T@x.test', role: 'trainer' })).toBe('view');
		expect(
			accessFor(draft([{ email: 'z@x.test', userId: 'ed', role: 'edit' }]), { id: 'ed', email: null, role: 'learner' })
		).toBe('edit');
	});
	it('a published programme is public to anyone, anonymous visitors too', () => {
		expect(accessFor({ ...draft(), status: 'published' }, null)).toBe('public');
		expect(accessFor({ ...draft(), status: 'published' }, { id: 'author', email: null, role: 'learner' })).toBe(
			'author'
		);
	});
});

describe('store', () => {
	it('creates a draft with the title parts and an audit row', () => {
		const author = person();
		const id = createProgramme(author, { titleOffice: 'Gminy Fikcyjnej', content: fullContent() });
		const p = loadProgramme(id, author);
		expect(programmeTitle(p.row)).toBe('Program współpracy zagranicznej Gminy Fikcyjnej na lata 2026–2030');
		expect(p.row.version).toBe(1);
		const entry = getDb().select().from(auditLog).where(eq(auditLog.subjectId, id)).all();
		expect(entry.map((e) => e.action)).toEqual(['programme.created']);
	});

	it('of two saves from the same version exactly one wins; the other gets the current text', async () => {
		const author = person();
		const id = createProgramme(author, { titleOffice: 'Gminy Fikcyjnej', content: emptyProgramme() });
		const parse = (text: string) => {
			const r = parseStep('economy', [['economy.fairs', text]]);
			if (!r.ok) throw new Error('refused');
			return r.update;
		};
		const results = await Promise.all([
			Promise.resolve().then(() => saveStep(author, id, 'economy', 1, parse('Tab A'))),
			Promise.resolve().then(() => saveStep(author, id, 'economy', 1, parse('Tab B')))
		]);
		const wins = results.filter((r) => r.ok);
		const refused = results.filter((r) => !r.ok);
		expect(wins).toHaveLength(1);
		expect(refused).toHaveLength(1);
		const stored = loadProgramme(id, author);
		expect(stored.row.version).toBe(2);
		const winner = results[0].ok ? 'Tab A' : 'Tab B';
		expect(stored.content.economy.fairs).toBe(winner);
		const r = refused[0];
		if (r.ok) throw new Error('unreachable');
		expect(r.version).toBe(2);
		expect(r.content.economy.fairs).toBe(winner);
		// A save based on the current version goes through.
		expect(saveStep(author, id, 'economy', 2, parse('Tab B again'))).toEqual({ ok: true, version: 3 });
		const saves = getDb()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'programme.saved')))
			.all();
		expect(saves).toHaveLength(2);
	});

	it('a refused save writes nothing, and a stale save of another step is refused too', () => {
		const author = person();
		const id = createProgramme(author, { titleOffice: 'X', content: emptyProgramme() });
		const r = parseStep('monitoring', [['monitoring.evaluation', 'Co roku']]);
		if (!r.ok) throw new Error('refused');
		expect(saveStep(author, id, 'monitoring', 1, r.update).ok).toBe(true);
		const stale = parseStep('economy', [['economy.fairs', 'Targi']]);
		if (!stale.ok) throw new Error('refused');
		expect(saveStep(author, id, 'economy', 1, stale.update).ok).toBe(false);
		expect(loadProgramme(id, author).content.economy.fairs).toBe('');
	});

	it('sharing: a trainer sees a draft only when shared; view comments, edit saves; others get 404', () => {
		const author = person();
		const trainer = person('trainer');
		const colleague = person();
		const stranger = person();
		const id = createProgramme(author, { titleOffice: 'X', content: emptyProgramme() });
		expect(() => loadProgramme(id, trainer)).toThrow(ProgrammeError);
		shareProgramme(author, id, trainer.email.toUpperCase(), 'view');
		shareProgramme(author, id, colleague.email, 'edit');
		expect(loadProgramme(id, trainer).access).toBe('view');
		expect(loadProgramme(id, colleague).access).toBe('edit');
		const row = getDb().select().from(programmeShares).where(eq(programmeShares.email, trainer.email)).get();
		expect(row?.userId).toBe(trainer.id);

		const upd = parseStep('economy', [['economy.fairs', 'Targi']]);
		if (!upd.ok) throw new Error('refused');
		expect(() => saveStep(trainer, id, 'economy', 1, upd.update)).toThrow(/forbidden/);
		expect(saveStep(colleague, id, 'economy', 1, upd.update).ok).toBe(true);
		expect(() => shareProgramme(colleague, id, stranger.email, 'edit')).toThrow(/forbidden/);
		expect(() => loadProgramme(id, stranger)).toThrow(/not_found/);
		expect(() => shareProgramme(author, id, author.email, 'view')).toThrow(/self_share/);

		addComment(trainer, id, 'goals', 'Proszę dopisać wskaźnik do celu 1.1.');
		expect(commentsOf(id).map((c) => [c.step, c.body])).toEqual([['goals', 'Proszę dopisać wskaźnik do celu 1.1.']]);
		expect(() => addComment(stranger, id, 'goals', 'x')).toThrow(/not_found/);

		expect(listMine(trainer).map((p) => [p.id, p.role])).toEqual([[id, 'view']]);
		expect(unshareProgramme(author, id, trainer.email)).toBe(true);
		expect(() => loadProgramme(id, trainer)).toThrow(/not_found/);
		const actions = getDb()
			.select()
			.from(auditLog)
			.where(eq(auditLog.subjectId, id))
			.all()
			.map((e) => e.action);
		expect(actions).toEqual(
			expect.arrayContaining(['programme.shared', 'programme.commented', 'programme.unshared', 'programme.saved'])
		);
	});

	it('publish needs consent and the author; an admin unpublishes; the gallery lists only published ones', () => {
		const author = person();
		const colleague = person();
		const admin = person('admin');
		const id = createProgramme(author, { titleOffice: 'Gminy Fikcyjnej', content: fullContent() });
		shareProgramme(author, id, colleague.email, 'edit');
		expect(() => publishProgramme(author, id, false)).toThrow(/consent_required/);
		expect(() => publishProgramme(colleague, id, true)).toThrow(/forbidden/);
		expect(publishedProgrammes().some((p) => p.row.id === id)).toBe(false);
		publishProgramme(author, id, true);
		expect(loadProgramme(id, null).access).toBe('public');
		expect(publishedProgrammes().some((p) => p.row.id === id)).toBe(true);
		expect(() => unpublishProgramme(author, id)).toThrow(/forbidden/);
		unpublishProgramme(admin, id);
		const row = getDb().select().from(programmes).where(eq(programmes.id, id)).get();
		expect(row?.status).toBe('draft');
		expect(row?.unpublishedBy).toBe(admin.id);
		expect(() => loadProgramme(id, null)).toThrow(/not_found/);
		expect(() => unpublishProgramme(admin, id)).toThrow(/not_published/);
		const actions = getDb()
			.select()
			.from(auditLog)
			.where(eq(auditLog.subjectId, id))
			.all()
			.map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['programme.published', 'programme.unpublished']));
	});
});

describe('personal data', () => {
	it('the export lists drafted programmes, comments and shares; anonymisation removes the shares', () => {
		const author = person();
		const trainer = person('trainer');
		const admin = person('admin');
		const id = createProgramme(author, { titleOffice: 'Gminy Fikcyjnej', content: emptyProgramme() });
		shareProgramme(author, id, trainer.email, 'view');
		addComment(trainer, id, 'office', 'Uwaga trenera');
		expect(exportPersonalData(author.id)?.programmes.map((p) => p.id)).toEqual([id]);
		const own = exportPersonalData(trainer.id);
		expect(own?.programmeComments.map((c) => c.body)).toEqual(['Uwaga trenera']);
		expect(own?.programmesSharedWithMe.map((s) => [s.programme, s.role])).toEqual([[id, 'view']]);
		expect(anonymisePerson(trainer.id, admin.id)).toEqual({ ok: true });
		expect(getDb().select().from(programmeShares).where(eq(programmeShares.programmeId, id)).all()).toEqual([]);
	});
});

describe('gallery filters', () => {
	it('filters by office type, partner region, form and words with Polish letters folded', () => {
		const c = fullContent();
		const title = 'Program współpracy zagranicznej Gminy Fikcyjnej na lata 2026–2030';
		const f = (q: string) => galleryFilters(new URLSearchParams(q));
		expect(matchesGallery(title, c, f('type=gmina&region=far-east&form=exchange'))).toBe(true);
		expect(matchesGallery(title, c, f('type=powiat'))).toBe(false);
		expect(matchesGallery(title, c, f('region=middle-east'))).toBe(false);
		expect(matchesGallery(title, c, f('form=economic-mission'))).toBe(false);
		expect(matchesGallery(title, c, f('q=wspolpracy fikcyjn'))).toBe(true);
		expect(matchesGallery(title, c, f('q=szkol'))).toBe(true);
		expect(matchesGallery(title, c, f('q=Kioto'))).toBe(false);
		expect(f('type=bogus&region=<x>')).toEqual({ q: undefined, type: undefined, region: undefined, form: undefined });
	});
});

describe('survey pre-fill', () => {
	it('maps the diagnosis answers to step 1 without inventing a population', () => {
		const c = contentFromDiagnosis(
			{
				'typ-jst': { choice: 'gmina-miejsko-wiejska' },
				'liczba-mieszkancow': { choice: '5-20-tys' },
				'regiony-partnerow': { choices: ['ue', 'daleki-wschod'], other: '' },
				'kraje-partnerow': 'Niemcy, Japonia',
				'formy-wspolpracy': { choices: ['porozumienia', 'wymiana', 'zrzeszenia'] },
				'kto-zajmuje-sie': { choice: 'osoba' }
			},
			{
				'regiony-partnerow': { ue: 'Państwa Unii Europejskiej', 'daleki-wschod': 'Daleki Wschód' },
				'formy-wspolpracy': { porozumienia: 'Porozumienia', wymiana: 'Wymiana', zrzeszenia: 'Zrzeszenia' },
				'kto-zajmuje-sie': { osoba: 'Wyznaczona osoba' }
			},
			'Urząd Gminy Fikcyjna'
		);
		expect(c.office.type).toBe('gmina');
		expect(c.office.population).toBeNull();
		expect(c.office.currentPartners).toBe('Państwa Unii Europejskiej, Daleki Wschód. Niemcy, Japonia');
		expect(c.office.currentForms).toBe('Porozumienia, Wymiana, Zrzeszenia');
		expect(c.forms).toEqual(['partnership-agreement', 'exchange']);
		expect(c.organisation.coordinator).toBe('Wyznaczona osoba');
	});
	it('a pasted survey link of the office pre-fills step 1 from its saved answers; a bad link is refused', () => {
		const admin = person('admin');
		const survey = getSurvey('diagnoza-wspolpracy-zagranicznej')!;
		const [{ token }] = generateTokens(admin.id, survey, ['Urząd Gminy Fikcyjna']);
		saveResponse(
			survey,
			{ kind: 'token', token },
			{
				'typ-jst': { choice: 'powiat' },
				wspolpraca: { choice: 'tak' },
				'formy-wspolpracy': { choices: ['projekty'] }
			}
		);
		const start = draftFromDiagnosis(
			`https://akademia.example/surveys/${survey.slug}?t=${token}`,
			'Starostwo Fikcyjne'
		);
		expect(start.ok && start.prefilled).toBe(true);
		if (!start.ok) return;
		expect(start.content.office.type).toBe('powiat');
		expect(start.content.office.currentForms).toBe('Wspólne projekty');
		expect(start.content.forms).toEqual(['project']);
		expect(draftFromDiagnosis('', 'X')).toMatchObject({ ok: true, prefilled: false });
		expect(draftFromDiagnosis('nieznanytoken123', 'X').ok).toBe(false);
	});

	it('reads a token from a link or a bare code, and the type from an office name', () => {
		expect(tokenFromLink('https://akademia.example/surveys/diagnoza?t=abcdefgh1234')).toBe('abcdefgh1234');
		expect(tokenFromLink('abcdefgh1234')).toBe('abcdefgh1234');
		expect(tokenFromLink('<script>')).toBeNull();
		expect(officeTypeFromName('Urząd Marszałkowski Województwa Fikcyjnego')).toBe('wojewodztwo');
		expect(officeTypeFromName('Starostwo Powiatowe w Fikcji')).toBe('powiat');
		expect(officeTypeFromName('Urząd Gminy Fikcyjna')).toBe('gmina');
		expect(officeTypeFromName('Związek')).toBe('');
	});
});

describe('security review fixes', () => {
	it('repeated and nested field names are read in linear time; too many pairs are cut for refusal', () => {
		// 100,000 repeats of one name: the old reader copied the list on every repeat (hours, not milliseconds).
		const repeats: FieldPairs = Array.from({ length: 100_000 }, () => ['forms', 'project'] as [string, string]);
		const started = performance.now();
		const r = parseStep('partners', repeats);
		expect(r.ok).toBe(true);
		expect(performance.now() - started).toBeLessThan(5000);
		// The caps: pairsOf stops one past MAX_PAIRS, and that many is refused.
		const many = pairsOf(repeats);
		expect(many).toHaveLength(MAX_PAIRS + 1);
		expect(tooManyPairs(many)).toBe(true);
		expect(tooManyPairs(many.slice(0, MAX_PAIRS))).toBe(false);
		// Nested rows still come out as before: only keys with a row number after the prefix, in order.
		const nested = parseStep('goals', [
			['g.2.title', 'B'],
			['g.0.title', 'A'],
			['g.0.o.1.title', 'A.2'],
			['g.0.o.0.title', 'A.1'],
			['g.0.o.0.k.5.name', 'W'],
			['g.0.o.0.k.5.baseline', '0'],
			['g.x.title', 'ignored'],
			['g.1234.title', 'ignored'],
			['g.7', 'no field after the number']
		]);
		if (!nested.ok) throw new Error('refused');
		const goals = nested.update.apply(emptyProgramme()).strategicGoals;
		expect(goals.map((g) => g.title)).toEqual(['A', 'B']);
		expect(goals[0].operational.map((o) => o.title)).toEqual(['A.1', 'A.2']);
		expect(goals[0].operational[0].indicators.map((i) => i.name)).toEqual(['W']);
		expect(rowShape(fieldsFromPairs([['g.3.o.2.k.1.name', 'x']]))).toMatchObject({
			goals: [
				{
					i: 3,
					ops: [
						{ j: 2, inds: [1, 2] },
						{ j: 3, inds: [0] }
					]
				},
				{ i: 4 }
			]
		});
	});

	it('field names like constructor, __proto__ and toString are plain data', () => {
		const f = fieldsFromPairs([
			['constructor', 'a'],
			['__proto__', 'b'],
			['toString', 'c'],
			['toString', 'd']
		]);
		expect(f.constructor).toEqual(['a']);
		expect(Object.keys(f)).toEqual(['constructor', 'toString']);
		expect(f.toString).toEqual(['c', 'd']);
		expect(rowShape(f).goals).toEqual([{ i: 0, ops: [{ j: 0, inds: [0] }] }]);
	});

	it('the share list names e-mails only; shares and comments are capped', () => {
		const author = person();
		const trainer = person('trainer');
		const id = createProgramme(author, { titleOffice: 'X', content: emptyProgramme() });
		shareProgramme(author, id, trainer.email, 'view');
		expect(loadProgramme(id, author).shares).toEqual([{ email: trainer.email, userId: trainer.id, role: 'view' }]);
		getDb()
			.insert(programmeShares)
			.values(
				Array.from({ length: MAX_SHARES - 1 }, (_, i) => ({
					programmeId: id,
					email: `kolega${i}@example.test`,
					role: 'view' as const
				}))
			)
			.run();
		expect(() => shareProgramme(author, id, 'jeszcze-jeden@example.test', 'view')).toThrow(/too_many_shares/);
		// Changing the role of an existing share is still allowed at the cap.
		shareProgramme(author, id, trainer.email, 'edit');
		expect(loadProgramme(id, trainer).access).toBe('edit');

		getDb()
			.insert(programmeComments)
			.values(
				Array.from({ length: MAX_COMMENTS }, (_, i) => ({
					id: `c${id}${i}`.slice(0, 40),
					programmeId: id,
					step: 'office',
					authorId: author.id,
					body: `uwaga ${i}`
				}))
			)
			.run();
		const before = commentsOf(id).length;
		expect(() => addComment(trainer, id, 'office', 'Jeszcze jedna')).toThrow(/too_many_comments/);
		expect(commentsOf(id)).toHaveLength(before);
	});

	it("an administrator's withdrawal sticks: the author cannot publish again", () => {
		const author = person();
		const admin = person('admin');
		const id = createProgramme(author, { titleOffice: 'X', content: fullContent() });
		publishProgramme(author, id, true);
		unpublishProgramme(admin, id);
		expect(() => publishProgramme(author, id, true)).toThrow(/withdrawn/);
		expect(getDb().select().from(programmes).where(eq(programmes.id, id)).get()?.status).toBe('draft');
		// An admin who is the author may publish again, which clears the withdrawal.
		const adminOwn = createProgramme(admin, { titleOffice: 'Y', content: fullContent() });
		publishProgramme(admin, adminOwn, true);
		unpublishProgramme(admin, adminOwn);
		publishProgramme(admin, adminOwn, true);
		const row = getDb().select().from(programmes).where(eq(programmes.id, adminOwn)).get();
		expect([row?.status, row?.unpublishedBy]).toEqual(['published', null]);
	});

	it('a save on a published programme takes it out of the gallery until published again with consent', () => {
		const author = person();
		const colleague = person();
		const id = createProgramme(author, { titleOffice: 'X', content: fullContent() });
		shareProgramme(author, id, colleague.email, 'edit');
		publishProgramme(author, id, true);
		const upd = parseStep('economy', [['economy.fairs', 'Nowy tekst']]);
		if (!upd.ok) throw new Error('refused');
		expect(saveStep(colleague, id, 'economy', 1, upd.update).ok).toBe(true);
		expect(() => loadProgramme(id, null)).toThrow(/not_found/);
		expect(publishedProgrammes().some((p) => p.row.id === id)).toBe(false);
		const actions = getDb()
			.select()
			.from(auditLog)
			.where(eq(auditLog.subjectId, id))
			.all()
			.map((e) => e.action);
		expect(actions).toContain('programme.unpublished');
		// Not an administrator's withdrawal: the author publishes again.
		publishProgramme(author, id, true);
		expect(loadProgramme(id, null).content.economy.fairs).toBe('Nowy tekst');
	});

	it('audit rows of shares hold no e-mail; anonymisation drops their reference (and older rows with the address)', () => {
		const author = person();
		const trainer = person('trainer');
		const admin = person('admin');
		const id = createProgramme(author, { titleOffice: 'X', content: emptyProgramme() });
		shareProgramme(author, id, trainer.email, 'view');
		unshareProgramme(author, id, trainer.email);
		shareProgramme(author, id, trainer.email, 'view');
		getDb()
			.insert(auditLog)
			.values({
				actorId: author.id,
				action: 'programme.shared',
				subjectType: 'programme',
				subjectId: id,
				details: { email: trainer.email, role: 'view' }
			})
			.run();
		const rows = () =>
			getDb()
				.select()
				.from(auditLog)
				.where(eq(auditLog.subjectId, id))
				.all()
				.filter((e) => e.action === 'programme.shared' || e.action === 'programme.unshared');
		expect(rows()).toHaveLength(4);
		expect(rows().filter((e) => JSON.stringify(e.details).includes(trainer.email))).toHaveLength(1);
		expect(rows()[0].details).toMatchObject({ share: shareRef(trainer.email), userId: trainer.id, role: 'view' });
		expect(anonymisePerson(trainer.id, admin.id)).toEqual({ ok: true });
		for (const e of rows()) {
			expect(JSON.stringify(e.details)).not.toContain(trainer.email);
			expect(JSON.stringify(e.details)).not.toContain(shareRef(trainer.email));
		}
	});

	it('a store refusal becomes the form message; 404 stays the page', () => {
		const failure = refusedForm(new ProgrammeError('self_share'), { values: { email: 'a@example.test' } });
		expect(failure.status).toBe(400);
		expect(failure.data.values).toEqual({ email: 'a@example.test' });
		expect(Object.values(failure.data.errors).join(' ')).toMatch(/.+/);
		expect(() => refusedForm(new ProgrammeError('not_found'), {})).toThrow(expect.objectContaining({ status: 404 }));
		expect(() => refusedForm(new Error('boom'), {})).toThrow('boom');
	});

	it('a malformed escape in a survey link is no token, not an error', () => {
		expect(tokenFromLink('https://akademia.example/surveys/diagnoza?t=%E0%A4')).toBeNull();
		expect(tokenFromLink('?t=abc%zz')).toBeNull();
	});
});
