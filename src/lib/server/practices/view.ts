// A case in the shape the pages show (serialisable, text only): sections as text blocks, lesson links resolved,
// the country's Polish name, whether it is due for re-verification.
import { getCatalogue } from '../content';
import { renderSection, type RenderedBlock } from './body';
import type { PracticeCase } from './catalogue';
import { countryName } from './countries';
import { isStale } from './index';
import { SECTIONS } from './schema';

export interface CaseView {
	slug: string;
	origin: PracticeCase['origin'];
	title: string;
	summary: string;
	offices: PracticeCase['offices'];
	partner: PracticeCase['partner'] & { countryName: string };
	forms: PracticeCase['forms'];
	yearFrom?: number;
	yearTo?: number;
	funding?: string;
	lastVerified: string;
	stale: boolean;
	sources: PracticeCase['sources'];
	contact?: string;
	sections: { key: string; heading: string; blocks: RenderedBlock[] }[];
	lessons: { href: string; title: string; course: string }[];
}

export function caseView(c: PracticeCase, now = new Date(), locale = 'pl'): CaseView {
	const courses = getCatalogue().courses;
	const lessons = c.lessons.flatMap((ref) => {
		const [courseSlug, lessonSlug] = ref.split('/');
		const course = courses.find((x) => x.slug === courseSlug);
		const lesson = course?.lessons.find((l) => l.slug === lessonSlug);
		return course && lesson
			? [{ href: `/courses/${course.slug}/${lesson.slug}`, title: lesson.title, course: course.title }]
			: [];
	});
	return {
		slug: c.slug,
		origin: c.origin,
		title: c.title,
		summary: c.summary,
		offices: c.offices,
		partner: { ...c.partner, countryName: countryName(c.partner.country, locale) },
		forms: c.forms,
		yearFrom: c.yearFrom,
		yearTo: c.yearTo,
		funding: c.funding,
		lastVerified: c.lastVerified,
		stale: isStale(c.lastVerified, now),
		sources: c.sources,
		contact: c.contact,
		sections: SECTIONS.map((s) => ({ key: s.key, heading: s.heading, blocks: renderSection(c.sections[s.key]) })),
		lessons
	};
}

/** A short entry for lists. */
export function caseSummary(c: PracticeCase, locale = 'pl') {
	return {
		slug: c.slug,
		title: c.title,
		summary: c.summary,
		offices: c.offices,
		partner: { ...c.partner, countryName: countryName(c.partner.country, locale) },
		forms: c.forms,
		yearFrom: c.yearFrom,
		yearTo: c.yearTo,
		lastVerified: c.lastVerified
	};
}
export type CaseSummary = ReturnType<typeof caseSummary>;
