// Results of a survey from its responses. Pure: the report page, the PDF, the trainer's evaluation page and the
// tests share it. Percentages are of the respondents who answered the question (n); a breakdown group is shown
// only with at least MIN_CELL respondents (smaller groups are merged into one, and hidden if still too small).
import { chosenIds, isVisible, OTHER, type Answers, type LikertAnswer } from './answers';
import type { Survey } from './catalogue';
import type { RecommendationRule, SurveyQuestion } from './schema';

export const MIN_CELL = 5;

export interface ResponseForReport {
	answers: Answers;
	demo: boolean;
}

export interface OptionStat {
	id: string;
	label: string;
	count: number;
	percent: number;
}

export interface BreakdownGroup {
	label: string;
	n: number;
	/** Per option of the question, the share (0-100) within the group. */
	percents: number[];
	/** True for the group made of merged small groups. */
	merged: boolean;
}

export interface Breakdown {
	by: string;
	byPrompt: string;
	groups: BreakdownGroup[];
	/** Labels of groups under MIN_CELL merged into "others". */
	mergedLabels: string[];
	/** Respondents left out because even merged their group stayed under MIN_CELL. */
	hiddenCount: number;
	/** Fewer than two groups could be shown: the breakdown is withheld. */
	withheld: boolean;
}

export type QuestionStats =
	| {
			type: 'single' | 'multiple';
			question: SurveyQuestion;
			n: number;
			options: OptionStat[];
			otherTexts: string[];
			breakdowns: Breakdown[];
	  }
	| {
			type: 'likert';
			question: SurveyQuestion;
			n: number;
			scale: string[];
			rows: { id: string; label: string; n: number; mean: number | null; counts: number[] }[];
	  }
	| {
			type: 'ranking';
			question: SurveyQuestion;
			n: number;
			/** Points: first place = pick, last place = 1; sorted by points. */
			items: { id: string; label: string; points: number; firstPlaces: number; percentFirst: number }[];
	  }
	| {
			type: 'number';
			question: SurveyQuestion;
			n: number;
			mean: number | null;
			median: number | null;
			min: number | null;
			max: number | null;
	  }
	| { type: 'text' | 'long_text'; question: SurveyQuestion; n: number; texts: string[] };

export interface GapRow {
	id: string;
	label: string;
	/** Respondents who rated the topic in both grids. */
	n: number;
	importance: number;
	competence: number;
	gap: number;
}

export interface FiredRecommendation {
	rule: RecommendationRule;
	evidence: { kind: 'gap'; row: string; value: number; n: number } | { kind: 'share'; percent: number; n: number };
}

export interface SurveyResults {
	n: number;
	demoCount: number;
	questions: QuestionStats[];
	gaps: GapRow[];
	recommendations: FiredRecommendation[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const pct = (count: number, n: number) => (n === 0 ? 0 : round1((count / n) * 100));

function answered(q: SurveyQuestion, questions: SurveyQuestion[], r: ResponseForReport): boolean {
	const v = r.answers[q.id];
	return v !== undefined && v !== null && isVisible(questions, q, r.answers);
}

function optionList(q: Extract<SurveyQuestion, { type: 'single' | 'multiple' }>, otherLabel: string) {
	return q.options.map((o) => ({ id: o.id, label: o.text })).concat(q.other ? [{ id: OTHER, label: otherLabel }] : []);
}

/** Groups a choice question's respondents by a breakdown question, applying the MIN_CELL rule. */
export function breakdown(
	q: Extract<SurveyQuestion, { type: 'single' | 'multiple' }>,
	by: Extract<SurveyQuestion, { type: 'single' }>,
	rows: ResponseForReport[],
	labels: { other: string; merged: string }
): Breakdown {
	const options = optionList(q, labels.other);
	const byOptions = optionList(by, labels.other);
	const groups = byOptions.map((o) => ({ label: o.label, members: [] as ResponseForReport[] }));
	for (const r of rows) {
		const chosen = chosenIds(r.answers[by.id])[0];
		const g = byOptions.findIndex((o) => chosen === o.id);
		if (g >= 0) groups[g].members.push(r);
	}
	const percentsOf = (members: ResponseForReport[]) => {
		const counts = countChosen(members, q.id);
		return options.map((o) => pct(counts.get(o.id) ?? 0, members.length));
	};
	const big = groups.filter((g) => g.members.length >= MIN_CELL);
	const small = groups.filter((g) => g.members.length > 0 && g.members.length < MIN_CELL);
	const shown: BreakdownGroup[] = big.map((g) => ({
		label: g.label,
		n: g.members.length,
		percents: percentsOf(g.members),
		merged: false
	}));
	const smallMembers = small.flatMap((g) => g.members);
	let hiddenCount = 0;
	if (smallMembers.length >= MIN_CELL)
		shown.push({ label: labels.merged, n: smallMembers.length, percents: percentsOf(smallMembers), merged: true });
	else hiddenCount = smallMembers.length;
	const withheld = shown.length < 2;
	return {
		by: by.id,
		byPrompt: by.prompt,
		groups: withheld ? [] : shown,
		mergedLabels: smallMembers.length >= MIN_CELL ? small.map((g) => g.label) : [],
		hiddenCount: withheld ? rows.length : hiddenCount,
		withheld
	};
}

/**
 * Respondents per option id of a choice question, in one pass (each respondent counted once per option): what
 * filtering the rows once per option gave, without reading every answer once per option (5,000 responses).
 */
function countChosen(rows: ResponseForReport[], questionId: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const r of rows)
		for (const id of new Set(chosenIds(r.answers[questionId]))) counts.set(id, (counts.get(id) ?? 0) + 1);
	return counts;
}

function mean(xs: number[]): number | null {
	return xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length);
}

export function questionStats(
	survey: Survey,
	q: SurveyQuestion,
	responses: ResponseForReport[],
	labels: { other: string; merged: string }
): QuestionStats {
	const rows = responses.filter((r) => answered(q, survey.questions, r));
	const n = rows.length;
	switch (q.type) {
		case 'single':
		case 'multiple': {
			const counts = countChosen(rows, q.id);
			const options = optionList(q, labels.other).map((o) => {
				const c = counts.get(o.id) ?? 0;
				return { ...o, count: c, percent: pct(c, n) };
			});
			const otherTexts = rows
				.map((r) => (r.answers[q.id] as { other?: string }).other)
				.filter((t): t is string => typeof t === 'string' && t !== '');
			const breakdowns = survey.breakdowns
				.filter((id) => id !== q.id)
				.map((id) => survey.questions.find((b) => b.id === id))
				.filter((b): b is Extract<SurveyQuestion, { type: 'single' }> => b?.type === 'single')
				.map((b) => breakdown(q, b, rows, labels));
			return { type: q.type, question: q, n, options, otherTexts, breakdowns };
		}
		case 'likert':
			return {
				type: 'likert',
				question: q,
				n,
				scale: q.scale,
				rows: q.rows.map((row) => {
					const values = rows
						.map((r) => (r.answers[q.id] as LikertAnswer)[row.id])
						.filter((v): v is number => typeof v === 'number' && v >= 1 && v <= 5);
					const counts = [1, 2, 3, 4, 5].map((p) => values.filter((v) => v === p).length);
					return { id: row.id, label: row.text, n: values.length, mean: mean(values), counts };
				})
			};
		case 'ranking': {
			const pick = q.pick ?? q.items.length;
			const items = q.items
				.map((item) => {
					let points = 0;
					let firstPlaces = 0;
					for (const r of rows) {
						const place = (r.answers[q.id] as string[]).indexOf(item.id);
						if (place < 0 || place >= pick) continue;
						points += pick - place;
						if (place === 0) firstPlaces++;
					}
					return { id: item.id, label: item.text, points, firstPlaces, percentFirst: pct(firstPlaces, n) };
				})
				.sort((a, b) => b.points - a.points || b.firstPlaces - a.firstPlaces);
			return { type: 'ranking', question: q, n, items };
		}
		case 'number': {
			const xs = rows
				.map((r) => Number(r.answers[q.id]))
				.filter(Number.isFinite)
				.sort((a, b) => a - b);
			const median =
				xs.length === 0
					? null
					: xs.length % 2
						? xs[(xs.length - 1) / 2]
						: round2((xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2);
			return {
				type: 'number',
				question: q,
				n: xs.length,
				mean: mean(xs),
				median,
				min: xs[0] ?? null,
				max: xs.at(-1) ?? null
			};
		}
		case 'text':
		case 'long_text':
			return { type: q.type, question: q, n, texts: rows.map((r) => String(r.answers[q.id])) };
	}
}

/** Mean importance minus mean competence per topic, over respondents who rated the topic in both grids; largest first. */
export function gapRanking(survey: Survey, responses: ResponseForReport[]): GapRow[] {
	if (!survey.gap) return [];
	const imp = survey.questions.find((q) => q.id === survey.gap!.importance);
	const comp = survey.questions.find((q) => q.id === survey.gap!.competence);
	if (imp?.type !== 'likert' || comp?.type !== 'likert') return [];
	return imp.rows
		.map((row) => {
			const pairs = responses
				.map((r) => [
					(r.answers[imp.id] as LikertAnswer | undefined)?.[row.id],
					(r.answers[comp.id] as LikertAnswer | undefined)?.[row.id]
				])
				.filter((p): p is [number, number] => typeof p[0] === 'number' && typeof p[1] === 'number');
			const importance = mean(pairs.map((p) => p[0])) ?? 0;
			const competence = mean(pairs.map((p) => p[1])) ?? 0;
			return {
				id: row.id,
				label: row.text,
				n: pairs.length,
				importance,
				competence,
				gap: round2(importance - competence)
			};
		})
		.filter((g) => g.n > 0)
		.sort((a, b) => b.gap - a.gap || a.label.localeCompare(b.label, 'pl'));
}

/** Rules of the file whose condition holds; a rule never fires on fewer than MIN_CELL answers. */
export function fireRecommendations(survey: Survey, questions: QuestionStats[], gaps: GapRow[]): FiredRecommendation[] {
	const fired: FiredRecommendation[] = [];
	for (const rule of survey.recommendations) {
		let evidence: FiredRecommendation['evidence'] | undefined;
		let holds = true;
		if (rule.gap_above) {
			const g = gaps.find((x) => x.id === rule.gap_above!.row);
			if (g && g.n >= MIN_CELL && g.gap > rule.gap_above.value)
				evidence = { kind: 'gap', row: g.label, value: g.gap, n: g.n };
			else holds = false;
		}
		if (rule.share_above) {
			const s = questions.find((x) => x.question.id === rule.share_above!.question);
			const option =
				s && (s.type === 'single' || s.type === 'multiple')
					? s.options.find((o) => o.id === rule.share_above!.option)
					: undefined;
			if (s && option && s.n >= MIN_CELL && option.percent > rule.share_above.value)
				evidence ??= { kind: 'share', percent: option.percent, n: s.n };
			else holds = false;
		}
		if (holds && evidence) fired.push({ rule, evidence });
	}
	return fired;
}

export function surveyResults(
	survey: Survey,
	responses: ResponseForReport[],
	labels: { other: string; merged: string }
): SurveyResults {
	const questions = survey.questions.map((q) => questionStats(survey, q, responses, labels));
	const gaps = gapRanking(survey, responses);
	return {
		n: responses.length,
		demoCount: responses.filter((r) => r.demo).length,
		questions,
		gaps,
		recommendations: fireRecommendations(survey, questions, gaps)
	};
}
