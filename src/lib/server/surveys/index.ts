// The surveys the server uses: surveys/*.yaml bundled at build time and validated once, on first use.
import { getCatalogue } from '../content';
import { buildSurveys, courseIndexOf, type Survey } from './catalogue';

export type { Survey } from './catalogue';

const rawFiles = import.meta.glob(['/surveys/*.yaml'], { query: '?raw', import: 'default', eager: true }) as Record<
	string,
	string
>;

let surveys: Survey[] | undefined;

export function getSurveys(): Survey[] {
	if (!surveys) {
		const { courses } = getCatalogue();
		surveys = buildSurveys(rawFiles, courseIndexOf(courses));
	}
	return surveys;
}

export function getSurvey(slug: string): Survey | undefined {
	return getSurveys().find((s) => s.slug === slug);
}
