// Beside each step: the lessons that teach it (a small static map, checked against the catalogue so a renamed
// lesson drops out instead of giving a dead link) and good-practice cases that did it (by the programme's forms
// and partner regions, or by the step's lessons).
import type { ProgrammeContent, ProgrammeForm, ProgrammeStep } from '../../programmes/model';
import { getCatalogue } from '../content';
import { allCases } from '../practices';
import { formsOf, regionsOf } from './gallery';

export const STEP_LESSONS: Record<ProgrammeStep, string[]> = {
	office: ['protokol-dyplomatyczny/konstytucja-i-ustawy-ustrojowe', 'dyplomacja-ekonomiczna/partnerstwo-miast'],
	goals: ['dyplomacja-ekonomiczna/partnerstwo-miast', 'dyplomacja-ekonomiczna/misja-gospodarcza'],
	partners: [
		'protokol-dyplomatyczny/priorytety-wojewodztwa',
		'protokol-dyplomatyczny/zrzeszenia-miedzynarodowe',
		'kompetencje-miedzykulturowe/chiny',
		'kompetencje-miedzykulturowe/japonia-korea-wietnam',
		'kompetencje-miedzykulturowe/indie',
		'kompetencje-miedzykulturowe/zatoka-turcja-izrael'
	],
	economy: ['dyplomacja-ekonomiczna/misja-gospodarcza', 'dyplomacja-ekonomiczna/inwestor-z-zatoki'],
	organisation: [
		'protokol-dyplomatyczny/konstytucja-i-ustawy-ustrojowe',
		'protokol-dyplomatyczny/program-i-logistyka',
		'protokol-dyplomatyczny/polityka-prezentowa-i-rejestr'
	],
	budget: ['dyplomacja-ekonomiczna/misja-gospodarcza', 'protokol-dyplomatyczny/upominki-protokolarne'],
	monitoring: ['dyplomacja-ekonomiczna/partnerstwo-miast']
};

/** Forms a step is about, for steps whose cases are chosen by subject rather than by the programme. */
const STEP_FORMS: Partial<Record<ProgrammeStep, ProgrammeForm[]>> = {
	economy: ['economic-mission', 'investor-service']
};

export interface StepLesson {
	href: string;
	title: string;
	course: string;
}
export interface StepCase {
	href: string;
	title: string;
}

export function lessonsForStep(step: ProgrammeStep): StepLesson[] {
	const out: StepLesson[] = [];
	for (const ref of STEP_LESSONS[step]) {
		const [courseSlug, lessonSlug] = ref.split('/');
		const course = getCatalogue().courses.find((c) => c.slug === courseSlug);
		const lesson = course?.lessons.find((l) => l.slug === lessonSlug);
		if (course && lesson)
			out.push({ href: `/courses/${courseSlug}/${lessonSlug}`, title: lesson.title, course: course.title });
	}
	return out;
}

export function casesForStep(step: ProgrammeStep, c: ProgrammeContent, limit = 4): StepCase[] {
	const lessons = new Set(STEP_LESSONS[step]);
	const forms = new Set<string>(STEP_FORMS[step] ?? formsOf(c));
	const regions = new Set<string>(regionsOf(c));
	const scored = allCases()
		.map((k) => {
			let score = 0;
			if (k.forms.some((f) => forms.has(f))) score += 2;
			if (regions.has(k.partner.region)) score += 2;
			if (c.office.type && k.offices.some((o) => o.type === c.office.type)) score += 1;
			if (k.lessons.some((l) => lessons.has(l))) score += 1;
			return { k, score };
		})
		.filter((x) => x.score > 0)
		.sort((a, b) => b.score - a.score || a.k.title.localeCompare(b.k.title, 'pl'));
	return scored.slice(0, limit).map(({ k }) => ({ href: `/practices/${k.slug}`, title: k.title }));
}
