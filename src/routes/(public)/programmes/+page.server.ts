import { galleryFilters, formsOf, matchesGallery, regionsOf } from '$lib/server/programmes/gallery';
import { listMine, programmeTitle, publishedProgrammes } from '$lib/server/programmes/store';
import type { PageServerLoad } from './$types';

// The gallery is public by design (published programmes, with the office's consent), so no guard; a signed-in
// person also sees their own drafts and those shared with them.
export const load = (({ url, locals }) => {
	const filters = galleryFilters(url.searchParams);
	const all = publishedProgrammes();
	const items = all
		.map(({ row, content }) => ({ row, content, title: programmeTitle(row) }))
		.filter(({ title, content }) => matchesGallery(title, content, filters))
		.map(({ row, content, title }) => ({
			id: row.id,
			title,
			office: content.office.name,
			type: content.office.type,
			example: row.example,
			publishedAt: row.publishedAt,
			forms: formsOf(content),
			regions: regionsOf(content)
		}));
	return {
		filters,
		items,
		total: all.length,
		mine: locals.user ? listMine(locals.user) : null
	};
}) satisfies PageServerLoad;
