// Dates and numbers on quiz pages, the same on the server and in the browser (fixed time zone).
import { getLocale } from '$lib/paraglide/runtime';

export function formatDateTime(ms: number): string {
	return new Date(ms).toLocaleString(getLocale() === 'pl' ? 'pl-PL' : 'en-GB', {
		dateStyle: 'short',
		timeStyle: 'short',
		timeZone: 'Europe/Warsaw'
	});
}

export function formatNumber(value: number): string {
	return value.toLocaleString(getLocale() === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: 2 });
}
