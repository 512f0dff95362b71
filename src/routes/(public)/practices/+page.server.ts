import { allCases, findCases } from '$lib/server/practices';
import { getLocale } from '$lib/paraglide/runtime';
import { countriesByName } from '$lib/server/practices/countries';
import { filtersFromQuery } from '$lib/server/practices/search';
import { caseSummary } from '$lib/server/practices/view';
import type { PageServerLoad } from './$types';

// Public by design (the library is open to every office, no account needed), so no guard.
export const load = (({ url, locals }) => {
	const filters = filtersFromQuery(url.searchParams);
	const cases = findCases(filters).map((c) => caseSummary(c, getLocale()));
	// Only countries that some case has, so no filter leads to an empty list by construction.
	const countries = countriesByName([...new Set(allCases().map((c) => c.partner.country))], getLocale());
	return {
		filters,
		cases,
		total: allCases().length,
		countries,
		signedIn: !!locals.user,
		query: url.search
	};
}) satisfies PageServerLoad;
