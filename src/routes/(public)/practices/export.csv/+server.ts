import { m } from '$lib/paraglide/messages';
import { formLabel, officeLabel, regionLabel } from '$lib/practices/labels';
import { csvResponse } from '$lib/server/csv';
import { findCases } from '$lib/server/practices';
import { practicesCsv } from '$lib/server/practices/csv';
import { filtersFromQuery } from '$lib/server/practices/search';
import type { RequestHandler } from './$types';

// Public like the list it exports (same filters as /practices?...), so no guard.
export const GET: RequestHandler = ({ url }) => {
	const cases = findCases(filtersFromQuery(url.searchParams));
	const body = practicesCsv(
		cases,
		{
			header: [
				m.practices_csv_title(),
				m.practices_fact_offices(),
				m.practices_fact_partner(),
				m.practices_filter_country(),
				m.practices_filter_region(),
				m.practices_fact_forms(),
				m.practices_csv_year_from(),
				m.practices_csv_year_to(),
				m.practices_fact_funding(),
				m.practices_csv_summary(),
				m.practices_sources_heading(),
				m.practices_csv_verified(),
				m.practices_csv_link()
			],
			form: formLabel,
			region: regionLabel,
			office: officeLabel
		},
		url.origin
	);
	return csvResponse(body, 'dobre-praktyki.csv');
};
