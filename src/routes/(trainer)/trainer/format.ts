// Formatting shared by the trainer pages. An explicit time zone, so the server render and the browser agree.
import { getLocale } from '$lib/paraglide/runtime';

const tag = () => (getLocale() === 'pl' ? 'pl-PL' : 'en-GB');

export function formatDateTime(d: Date | number | null | undefined): string {
	if (d === null || d === undefined) return '—';
	return new Date(d).toLocaleString(tag(), { timeZone: 'Europe/Warsaw', dateStyle: 'medium', timeStyle: 'short' });
}

/** 0..100 -> "72,5 %"; null -> "—". */
export function formatPercent(p: number | null | undefined): string {
	if (p === null || p === undefined || !Number.isFinite(p)) return '—';
	return new Intl.NumberFormat(tag(), { maximumFractionDigits: 1 }).format(p) + ' %';
}

/** A fraction 0..1 as a percent (facility, pass rate). */
export function formatFraction(f: number | null | undefined): string {
	return f === null || f === undefined ? '—' : formatPercent(f * 100);
}

/** A correlation -1..1 with two decimals; undefined ones are "—". */
export function formatIndex(r: number | null | undefined): string {
	if (r === null || r === undefined) return '—';
	return new Intl.NumberFormat(tag(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(r);
}

export function formatScore(s: number | null | undefined): string {
	if (s === null || s === undefined) return '—';
	return new Intl.NumberFormat(tag(), { maximumFractionDigits: 2 }).format(s);
}
