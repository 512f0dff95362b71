// The schema of a survey file, surveys/<slug>.yaml (format: docs/CONTENT-FORMAT.md, "Surveys").
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, -)');
const text = z.string().trim().min(1, 'must not be empty');

const option = z.strictObject({ id: slug, text });

/** Show the question only if an earlier answer matches: `equals` one option id, or `in` a list of them. */
const condition = z
	.strictObject({
		question: slug,
		equals: slug.optional(),
		in: z.array(slug).min(1).optional()
	})
	.refine((c) => (c.equals === undefined) !== (c.in === undefined), 'show_if needs exactly one of equals or in');

const base = {
	id: slug,
	prompt: text,
	help: text.optional(),
	required: z.boolean().default(true),
	show_if: condition.optional()
};

const single = z.strictObject({
	...base,
	type: z.literal('single'),
	options: z.array(option).min(2, 'a choice needs at least 2 options'),
	/** Adds an "other, specify" option with a text field; its id is "other". */
	other: z.boolean().default(false)
});
const multiple = z.strictObject({
	...base,
	type: z.literal('multiple'),
	options: z.array(option).min(2, 'a choice needs at least 2 options'),
	other: z.boolean().default(false),
	max: z.number().int().min(1).optional()
});
const likert = z.strictObject({
	...base,
	type: z.literal('likert'),
	rows: z.array(option).min(1, 'a grid needs at least 1 row'),
	/** Labels of the points 1..5, lowest first. */
	scale: z.array(text).length(5, 'the scale has exactly 5 labels (1 to 5)')
});
const ranking = z.strictObject({
	...base,
	type: z.literal('ranking'),
	items: z.array(option).min(2, 'a ranking needs at least 2 items'),
	/** How many places the respondent fills (the top N); all items when omitted. */
	pick: z.number().int().min(1).optional()
});
const number = z.strictObject({
	...base,
	type: z.literal('number'),
	min: z.number().default(0),
	max: z.number().default(1_000_000),
	/** A count (delegations, partners): whole numbers only. */
	integer: z.boolean().default(false),
	unit: text.optional()
});
const shortText = z.strictObject({
	...base,
	type: z.literal('text'),
	max_length: z.number().int().min(1).default(300)
});
const longText = z.strictObject({
	...base,
	type: z.literal('long_text'),
	max_length: z.number().int().min(1).default(4000)
});

export const surveyQuestionSchema = z.discriminatedUnion('type', [
	single,
	multiple,
	likert,
	ranking,
	number,
	shortText,
	longText
]);

const section = z.strictObject({
	id: slug,
	title: text,
	intro: text.optional(),
	questions: z.array(surveyQuestionSchema).min(1, 'a section needs at least one question')
});

const link = z.strictObject({
	/** A course slug from lessons/, optionally with module slugs (the folder name without its number). */
	course: slug,
	modules: z.array(slug).default([])
});

/** A rule fires when every condition it lists holds (at least one). */
const rule = z
	.strictObject({
		id: slug,
		title: text,
		/** The gap (mean importance minus mean competence) of this topic row is above the value. */
		gap_above: z.strictObject({ row: slug, value: z.number() }).optional(),
		/** The share (0-100 %) of respondents who chose this option of a choice question is above the value. */
		share_above: z.strictObject({ question: slug, option: slug, value: z.number().min(0).max(100) }).optional(),
		text,
		links: z.array(link).default([]),
		/** Live trainings that answer the need, in words (the training catalogue is separate). */
		trainings: z.array(text).default([])
	})
	.refine((r) => r.gap_above || r.share_above, 'a recommendation rule needs gap_above or share_above');

export const surveyFileSchema = z.strictObject({
	title: text,
	title_en: text.optional(),
	kind: z.enum(['diagnosis', 'evaluation']),
	/** Paragraphs shown above the form; facts in it name their source. */
	intro: text,
	/** Who may answer: anyone with the link, or only holders of a per-office token link. */
	access: z.enum(['open', 'token']).default('open'),
	/** The starting value of anonymous mode (an admin can switch it on later, never off after a response). */
	anonymous: z.boolean().default(true),
	/** Last day to answer (YYYY-MM-DD, end of day in Polish time); open-ended when omitted. */
	closes: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
		.optional(),
	/** Question ids used to break results down (e.g. type of local government, województwo). */
	breakdowns: z.array(slug).default([]),
	/** The two Likert grids over the same topics whose difference is the competence gap. */
	gap: z.strictObject({ importance: slug, competence: slug }).optional(),
	sections: z.array(section).min(1, 'a survey needs at least one section'),
	recommendations: z.array(rule).default([])
});

export type SurveyFile = z.infer<typeof surveyFileSchema>;
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
export type SurveySection = z.infer<typeof section>;
export type RecommendationRule = z.infer<typeof rule>;

/** Cross-field checks that zod cannot express per field; returns problems as "field: message". */
export function checkSurveyFile(file: SurveyFile, courseSlugs?: Set<string>, moduleSlugs?: Map<string, Set<string>>) {
	const problems: string[] = [];
	const all = file.sections.flatMap((s, si) =>
		s.questions.map((q, qi) => ({ q, where: `sections.${si}.questions.${qi}` }))
	);
	const seen = new Map<string, number>();
	all.forEach(({ q, where }, index) => {
		if (seen.has(q.id)) problems.push(`${where}.id: duplicate question id "${q.id}"`);
		seen.set(q.id, index);
		const ids =
			q.type === 'single' || q.type === 'multiple'
				? q.options.map((o) => o.id)
				: q.type === 'likert'
					? q.rows.map((r) => r.id)
					: q.type === 'ranking'
						? q.items.map((i) => i.id)
						: [];
		const dup = ids.find((id, i) => ids.indexOf(id) !== i);
		if (dup) problems.push(`${where}: duplicate option id "${dup}"`);
		if ((q.type === 'single' || q.type === 'multiple') && q.other && ids.includes('other'))
			problems.push(`${where}: with other: true no option may have the id "other"`);
		if (q.type === 'ranking' && q.pick && q.pick > q.items.length)
			problems.push(`${where}.pick: is larger than the number of items`);
		if (q.type === 'number' && q.min > q.max) problems.push(`${where}.min: is larger than max`);
		if (q.show_if) {
			const target = all.findIndex((a) => a.q.id === q.show_if!.question);
			const t = all[target]?.q;
			if (target < 0 || target >= index)
				problems.push(`${where}.show_if.question: "${q.show_if.question}" is not an earlier question`);
			else if (t.type !== 'single' && t.type !== 'multiple')
				problems.push(`${where}.show_if.question: "${t.id}" is not a single or multiple choice question`);
			else {
				const valid = new Set([...t.options.map((o) => o.id), ...(t.other ? ['other'] : [])]);
				for (const v of q.show_if.in ?? [q.show_if.equals!])
					if (!valid.has(v)) problems.push(`${where}.show_if: "${v}" is not an option of "${t.id}"`);
			}
		}
	});
	const byId = new Map(all.map(({ q }) => [q.id, q]));
	file.breakdowns.forEach((id, i) => {
		const q = byId.get(id);
		if (!q) problems.push(`breakdowns.${i}: unknown question "${id}"`);
		else if (q.type !== 'single') problems.push(`breakdowns.${i}: "${id}" is not a single choice question`);
	});
	if (file.gap) {
		const imp = byId.get(file.gap.importance);
		const comp = byId.get(file.gap.competence);
		if (imp?.type !== 'likert') problems.push(`gap.importance: "${file.gap.importance}" is not a likert question`);
		if (comp?.type !== 'likert') problems.push(`gap.competence: "${file.gap.competence}" is not a likert question`);
		if (imp?.type === 'likert' && comp?.type === 'likert') {
			const a = imp.rows.map((r) => r.id).join(',');
			const b = comp.rows.map((r) => r.id).join(',');
			if (a !== b) problems.push('gap: the two grids must have the same rows in the same order');
		}
	}
	const gapRows = new Set(
		file.gap && byId.get(file.gap.importance)?.type === 'likert'
			? (byId.get(file.gap.importance) as Extract<SurveyQuestion, { type: 'likert' }>).rows.map((r) => r.id)
			: []
	);
	const ruleIds = new Set<string>();
	file.recommendations.forEach((r, i) => {
		const where = `recommendations.${i}`;
		if (ruleIds.has(r.id)) problems.push(`${where}.id: duplicate rule id "${r.id}"`);
		ruleIds.add(r.id);
		if (r.gap_above && !file.gap) problems.push(`${where}.gap_above: the survey declares no gap`);
		else if (r.gap_above && !gapRows.has(r.gap_above.row))
			problems.push(`${where}.gap_above.row: "${r.gap_above.row}" is not a row of the gap grids`);
		if (r.share_above) {
			const q = byId.get(r.share_above.question);
			if (!q || (q.type !== 'single' && q.type !== 'multiple'))
				problems.push(`${where}.share_above.question: "${r.share_above.question}" is not a choice question`);
			else if (!q.options.some((o) => o.id === r.share_above!.option) && !(q.other && r.share_above.option === 'other'))
				problems.push(`${where}.share_above.option: "${r.share_above.option}" is not an option of "${q.id}"`);
		}
		r.links.forEach((l, li) => {
			if (courseSlugs && !courseSlugs.has(l.course))
				problems.push(`${where}.links.${li}.course: unknown course "${l.course}"`);
			const mods = moduleSlugs?.get(l.course);
			if (mods)
				for (const m of l.modules)
					if (!mods.has(m)) problems.push(`${where}.links.${li}.modules: unknown module "${m}" of "${l.course}"`);
		});
	});
	return problems;
}
