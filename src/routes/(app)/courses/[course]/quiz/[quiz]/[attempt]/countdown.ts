// The arithmetic of the attempt countdown (QuizCountdown.svelte), kept pure so it is tested without a browser.
// Every function takes milliseconds left until the deadline (negative once it has passed).

/** Minutes left at which the hidden live region speaks, largest first. Nothing else is announced. */
export const ANNOUNCE_AT_MINUTES = [5, 1] as const;
export type Announcement = (typeof ANNOUNCE_AT_MINUTES)[number];

/** After the deadline and the server's grace, wait this long before fetching the graded result. */
export const RELOAD_DELAY_MS = 3_000;
/** If the server still answers "open" (clocks differ), ask again no sooner than this. */
export const RELOAD_RETRY_MS = 5_000;

/** Whole seconds left, rounded up: "0:01" stays on screen until the very last moment. Never negative. */
export function secondsLeft(ms: number): number {
	return Math.max(0, Math.ceil(ms / 1000));
}

/** mm:ss as the clock ticks ("12:05", "00:59"); minutes run past 59 for long tests ("90:00"). */
export function formatClock(ms: number): string {
	const s = secondsLeft(ms);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/**
 * Whole minutes left for the text the server renders (no ticking without JavaScript), rounded down so the page
 * never promises more time than there is; 0 means "less than a minute".
 */
export function wholeMinutesLeft(ms: number): number {
	return Math.max(0, Math.floor(ms / 60_000));
}

/**
 * The announcement due between two ticks: a threshold crossed from above. When several are crossed at once (a
 * sleeping laptop, a throttled background tab) only the smallest is said, as it is the one still true. The first
 * tick after the page opens (`previous` null) says nothing: the visible text already tells the time.
 */
export function announcementDue(previous: number | null, current: number): Announcement | null {
	if (previous === null) return null;
	let due: Announcement | null = null;
	for (const minutes of ANNOUNCE_AT_MINUTES) {
		const at = minutes * 60_000;
		if (previous > at && current <= at && current > 0) due = minutes;
	}
	return due;
}

/** Whether the server has surely graded the attempt by now (deadline + grace + a margin have passed). */
export function resultDue(ms: number, graceMs: number): boolean {
	return ms <= -(graceMs + RELOAD_DELAY_MS);
}

/** Milliseconds until the displayed second changes, so ticks land on whole seconds of the remaining time. */
export function msToNextTick(ms: number): number {
	const rest = ((ms % 1000) + 1000) % 1000;
	return rest === 0 ? 1000 : rest;
}
