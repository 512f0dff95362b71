import type { Cookies } from '@sveltejs/kit';
import { LOCALES, type Locale } from './db/schema';

/** Same cookie name as the Paraglide strategy in vite.config.ts. */
export const LOCALE_COOKIE = 'akademia_lang';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function setLocaleCookie(cookies: Cookies, locale: Locale) {
	// Readable by the Paraglide runtime in the browser, so not httpOnly; it holds nothing secret.
	cookies.set(LOCALE_COOKIE, locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 400 * 24 * 60 * 60 });
}
