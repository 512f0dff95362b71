// Item analysis as Moodle defines it (docs.moodle.org "Quiz statistics calculations"): facility index = mean
// item score / max item score; discrimination index = Pearson correlation of the item score with the rest of the
// test (the attempt's total minus this item). Pure, so it is tested on hand-computed examples.

/** One attempt: its total score and the score (0..1) of each question it showed. */
export interface ScoredAttempt {
	total: number;
	items: Record<string, number>;
}

export interface ItemStats {
	questionId: string;
	/** Attempts that showed the question. */
	n: number;
	/** 0..1, or null without attempts. */
	facility: number | null;
	/** -1..1, or null when undefined (fewer than 2 attempts, or no variance in item or rest). */
	discrimination: number | null;
}

/** Pearson correlation; null when it is undefined (n < 2 or a variance of zero). */
export function correlation(xs: number[], ys: number[]): number | null {
	const n = xs.length;
	if (n < 2 || ys.length !== n) return null;
	const mx = xs.reduce((a, b) => a + b, 0) / n;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = xs[i] - mx;
		const dy = ys[i] - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	// Rounding leaves tiny non-zero variances when every value is equal; treat those as zero.
	if (sxx < 1e-12 || syy < 1e-12) return null;
	return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

export function itemStats(questionIds: string[], attempts: ScoredAttempt[]): ItemStats[] {
	return questionIds.map((questionId) => {
		const shown = attempts.filter((a) => questionId in a.items);
		const item = shown.map((a) => a.items[questionId]);
		const rest = shown.map((a) => a.total - a.items[questionId]);
		return {
			questionId,
			n: shown.length,
			facility: shown.length === 0 ? null : item.reduce((a, b) => a + b, 0) / shown.length,
			discrimination: correlation(item, rest)
		};
	});
}

/** Counts of percents in ten bands: 0–9, 10–19, ..., 90–100 (100 % goes into the last band). */
export function scoreDistribution(percents: number[]): number[] {
	const bands = Array.from({ length: 10 }, () => 0);
	for (const p of percents) bands[Math.min(9, Math.max(0, Math.floor(p / 10)))]++;
	return bands;
}

/** Below this many attempts the statistics say little (Moodle gives the same warning). */
export const RELIABLE_ATTEMPTS = 10;
