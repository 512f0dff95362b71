// Formatting shared by the trainer pages. An explicit time zone, so the server render and the browser agree.
import { getLocale } from '$lib/paraglide/runtime';

const tag = () => (getLocale() === 'pl' ? 'pl-PL' : 'en-GB');

// Building an Intl.NumberFormat costs tens of microseconds; a progress matrix formats hundreds of cells, and
// creating one per cell was a fifth of the group page's server time (bench profile). One per locale and style.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${tag()} ${JSON.stringify(options)}`;
	let format = formats.get(key);
	if (!format) formats.set(key, (format = new Intl.NumberFormat(tag(), options)));
	return format;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(): Intl.DateTimeFormat {
	let format = dateTimeFormats.get(tag());
	if (!format)
		dateTimeFormats.set(
			tag(),
			(format = new Intl.DateTimeFormat(tag(), { timeZone: 'Europe/Warsaw', dateStyle: 'medium', timeStyle: 'short' }))
		);
	return format;
}

export function formatDateTime(d: Date | number | null | undefined): string {
	if (d === null || d === undefined) return '—';
	return dateTimeFormat().format(new Date(d));
}

/** 0..100 -> "72,5 %"; null -> "—". */
export function formatPercent(p: number | null | undefined): string {
	if (p === null || p === undefined || !Number.isFinite(p)) return '—';
	return numberFormat({ maximumFractionDigits: 1 }).format(p) + ' %';
}

/** A fraction 0..1 as a percent (facility, pass rate). */
export function formatFraction(f: number | null | undefined): string {
	return f === null || f === undefined ? '—' : formatPercent(f * 100);
}

/** A correlation -1..1 with two decimals; undefined ones are "—". */
export function formatIndex(r: number | null | undefined): string {
	if (r === null || r === undefined) return '—';
	return numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(r);
}

export function formatScore(s: number | null | undefined): string {
	if (s === null || s === undefined) return '—';
	return numberFormat({ maximumFractionDigits: 2 }).format(s);
}
