// Dates and numbers on every page, the one way: in the UI language (Polish or English) and in Polish time
// (Europe/Warsaw, whatever the server's zone), so the server render and the browser agree. Formatters are kept
// per locale and style: building one costs tens of microseconds, and a progress matrix formats hundreds of cells.
import { getLocale } from '$lib/paraglide/runtime';

type When = Date | number | null | undefined;
type Locale = 'pl' | 'en';
/** The UI language, or `locale` for a document with a language of its own (the programme export). */
const tag = (locale?: Locale) => ((locale ?? getLocale()) === 'pl' ? 'pl-PL' : 'en-GB');
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
	kind: string,
	make: (tag: string) => T,
	locale?: Locale
): T {
	const t = tag(locale);
	const key = `${kind} ${t}`;
	let format = formats.get(key) as T | undefined;
	if (!format) formats.set(key, (format = make(t)));
	return format;
}

const WARSAW = { timeZone: 'Europe/Warsaw' } as const;
const when = (kind: string, options: Intl.DateTimeFormatOptions) => (d: When, locale?: Locale) =>
	d === null || d === undefined
		? '—'
		: cached(kind, (t) => new Intl.DateTimeFormat(t, { ...options, ...WARSAW }), locale).format(d);
const number = (kind: string, options: Intl.NumberFormatOptions) => (n: number | null | undefined, locale?: Locale) =>
	n === null || n === undefined || !Number.isFinite(n)
		? '—'
		: cached(kind, (t) => new Intl.NumberFormat(t, options), locale).format(n);

/** "26.11.2026" */
export const formatDate = when('date', {});
/** "26 listopada 2026" (certificates) */
export const formatDateLong = when('date-long', { day: 'numeric', month: 'long', year: 'numeric' });
/** "26 lis 2026, 17:37" */
export const formatDateTime = when('date-time', { dateStyle: 'medium', timeStyle: 'short' });
/** "czwartek, 26 listopada 2026" (a training day's heading, its hours beside it) */
export const formatDateFull = when('date-full', { dateStyle: 'full' });
/** "czwartek, 26 listopada 2026 17:37" (a live session on the dashboard) */
export const formatDateTimeFull = when('date-time-full', { dateStyle: 'full', timeStyle: 'short' });
/** "17:37:05" */
export const formatTime = when('time', { timeStyle: 'medium' });

/** Up to two decimals: scores, points, hours. */
export const formatNumber = number('number', { maximumFractionDigits: 2 });
/** A correlation -1..1 with two decimals. */
export const formatIndex = number('index', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentNumber = number('percent', { maximumFractionDigits: 1 });

/** 0..100 -> "72,5 %" (a no-break space before the sign, as everywhere in the Polish text); null -> "—". */
export function formatPercent(p: number | null | undefined): string {
	const text = percentNumber(p);
	return text === '—' ? text : `${text}\u00a0%`;
}

/** A fraction 0..1 as a percent (facility, pass rate). */
export function formatFraction(f: number | null | undefined): string {
	return f === null || f === undefined ? '—' : formatPercent(f * 100);
}
/** "09:30" */
export const formatHourMinute = when('hour-minute', { hour: '2-digit', minute: '2-digit' });
