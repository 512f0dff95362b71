// Search normalisation (Polish letters, case, hyphens), ranking and filters over fictitious cases.
import { describe, expect, it } from 'vitest';
import type { PracticeCase } from '$lib/server/practices/catalogue';
import { isStale } from '$lib/server/practices';
import { filtersFromQuery, foldForSearch, searchCases, searchTerms } from '$lib/server/practices/search';

function fake(slug: string, over: Partial<PracticeCase> = {}): PracticeCase {
	const text = 'Tekst.';
	return {
		slug,
		origin: 'file',
		title: slug,
		summary: 'Opis.',
		offices: [{ name: 'Gmina Testowa', type: 'gmina' }],
		partner: { name: 'Partner', country: 'JP', region: 'far-east' },
		forms: ['project'],
		lessons: [],
		lastVerified: '2026-01-01',
		sources: [{ title: 't', publisher: 'p', url: 'https://example.test' }],
		sections: {
			situation: text,
			goals: text,
			actions: text,
			results: text,
			difficulties: text,
			tips: text,
			transferability: text
		},
		ref: slug,
		...over
	};
}

const lodzTitle = fake('a', { title: 'Miasto Łódź i partner z Azji' });
const lodzBody = fake('b', {
	title: 'Inny tytuł',
	sections: { ...lodzTitle.sections, actions: 'Delegacja z Łodzi odwiedziła partnera.' }
});
const wspolpraca = fake('c', { title: 'Zdalna Współpraca-Szkół', summary: 'Wymiana uczniów.' });
const cases = [lodzBody, wspolpraca, lodzTitle];

describe('search normalisation', () => {
	it('folds case, Polish letters (ł too) and hyphens', () => {
		expect(foldForSearch('ŁÓDŹ Żółć-Gęślą')).toBe('lodz zolc gesla');
		expect(foldForSearch('Bielsko-Biała')).toBe('bielsko biala');
		expect(searchTerms('  Łódź  lodz ')).toEqual(['lodz']);
	});

	it('"lodz" finds "Łódź" and "Łodzi", title matches first', () => {
		expect(searchCases(cases, { q: 'lodz' }).map((c) => c.slug)).toEqual(['a', 'b']);
		expect(searchCases(cases, { q: 'ŁÓDŹ' }).map((c) => c.slug)).toEqual(['a', 'b']);
	});

	it('"wspolpraca" finds "Współpraca", hyphenated words are separate words, every term must match', () => {
		expect(searchCases(cases, { q: 'wspolpraca' }).map((c) => c.slug)).toEqual(['c']);
		expect(searchCases(cases, { q: 'szkol' }).map((c) => c.slug)).toEqual(['c']);
		expect(searchCases(cases, { q: 'wspolpraca-szkol' }).map((c) => c.slug)).toEqual(['c']);
		expect(searchCases(cases, { q: 'wspolpraca lodz' })).toEqual([]);
	});

	it('searches extra words (the country name) given by the caller', () => {
		expect(searchCases(cases, { q: 'japonia' }, () => ['Japonia']).length).toBe(3);
	});
});

describe('filters', () => {
	const il = fake('il', {
		partner: { name: 'P', country: 'IL', region: 'middle-east' },
		forms: ['study-visit', 'exchange'],
		offices: [{ name: 'Powiat Testowy', type: 'powiat' }],
		yearFrom: 2010,
		yearTo: 2012
	});
	const cn = fake('cn', {
		partner: { name: 'P', country: 'CN', region: 'far-east' },
		offices: [{ name: 'Województwo', type: 'wojewodztwo' }],
		yearFrom: 2016
	});
	const noYears = fake('none');
	const all = [il, cn, noYears];
	const slugs = (f: Parameters<typeof searchCases>[1]) => searchCases(all, f, undefined, 2026).map((c) => c.slug);

	it('by region, country, form and office type', () => {
		expect(slugs({ region: 'middle-east' })).toEqual(['il']);
		expect(slugs({ country: 'CN' })).toEqual(['cn']);
		expect(slugs({ form: 'exchange' })).toEqual(['il']);
		expect(slugs({ office: 'powiat' })).toEqual(['il']);
		expect(slugs({ region: 'far-east', office: 'powiat' })).toEqual([]);
	});

	it('by years: the case’s span overlaps the range; ongoing runs until now; no years, no match', () => {
		expect(slugs({ from: 2011 })).toEqual(['cn', 'il']);
		expect(slugs({ from: 2013 })).toEqual(['cn']);
		expect(slugs({ to: 2012 })).toEqual(['il']);
		expect(slugs({ from: 2020, to: 2021 })).toEqual(['cn']);
		expect(slugs({})).toEqual(['cn', 'il', 'none']);
	});

	it('reads filters from the query and ignores unknown values', () => {
		const f = filtersFromQuery(
			new URLSearchParams('q=%C5%81%C3%B3d%C5%BA&region=middle-east&country=il&form=x&office=gmina&from=2010&to=abc')
		);
		expect(f).toEqual({
			q: 'Łódź',
			region: 'middle-east',
			country: 'IL',
			form: undefined,
			office: 'gmina',
			from: 2010,
			to: undefined
		});
	});
});

describe('re-verification', () => {
	it('a case is due a year after it was last verified', () => {
		expect(isStale('2025-12-08', new Date('2026-12-07T12:00:00Z'))).toBe(false);
		expect(isStale('2025-12-07', new Date('2026-12-07T12:00:00Z'))).toBe(true);
		expect(isStale('2024-02-29', new Date('2025-03-01T00:00:00Z'))).toBe(true);
	});
});

describe('country names in the page language', () => {
	it('gives English names on English pages, the curated Polish ones otherwise', async () => {
		const { countryName, countriesByName } = await import('$lib/server/practices/countries');
		expect(countryName('KR')).toBe('Korea Południowa');
		expect(countryName('KR', 'en')).toBe('South Korea');
		expect(countryName('JP', 'en')).toBe('Japan');
		expect(countriesByName(['JP', 'CN', 'KR'], 'en').map((c) => c.name)).toEqual(['China', 'Japan', 'South Korea']);
		expect(countryName('XX', 'en')).toBe('XX');
		// CLDR's own names where an English reader expects another ("Türkiye", "Hong Kong SAR China").
		expect([countryName('TR', 'en'), countryName('HK', 'en')]).toEqual(['Turkey', 'Hong Kong']);
	});

	it('finds a case by its country in either language', async () => {
		const { allCases, findCases } = await import('$lib/server/practices');
		const japanese = allCases().filter((c) => c.partner.country === 'JP').length;
		expect(japanese).toBeGreaterThan(0);
		expect(findCases(filtersFromQuery(new URLSearchParams('q=Japan'))).length).toBeGreaterThanOrEqual(japanese);
		expect(findCases(filtersFromQuery(new URLSearchParams('q=Japonia'))).length).toBeGreaterThanOrEqual(japanese);
	});
});

describe('Polish word forms', () => {
	it('stems a term to what its forms share, and leaves short words and numbers whole', async () => {
		const { stem } = await import('$lib/server/practices/search');
		expect(['japonii', 'japonia'].map(stem)).toEqual(['japon', 'japon']);
		expect(['misje', 'gospodarcze', 'krakowa', 'zatoka', 'delegacji'].map(stem)).toEqual([
			'misj',
			'gospodarcz',
			'krakow',
			'zatok',
			'delegacj'
		]);
		expect(['lodz', 'iran', '2019', 'abu'].map(stem)).toEqual(['lodz', 'iran', '2019', 'abu']);
	});

	it('finds the cases of a form of cooperation by its name in another form, and a city in another case', async () => {
		const { allCases, findCases } = await import('$lib/server/practices');
		const missions = allCases()
			.filter((c) => c.forms.includes('economic-mission'))
			.map((c) => c.slug);
		expect(missions.length).toBeGreaterThan(1);
		const found = (q: string) => findCases(filtersFromQuery(new URLSearchParams({ q }))).map((c) => c.slug);
		for (const q of ['misja gospodarcza', 'misje gospodarcze', 'misji gospodarczej'])
			expect(found(q), q).toEqual(expect.arrayContaining(missions));
		expect(found('Krakowa')).toEqual(found('Kraków'));
	});
});
