import { dev } from '$app/environment';
import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	extractLocaleFromRequest,
	getLocale,
	overwriteServerAsyncLocalStorage,
	strategy,
	type Locale
} from '$lib/paraglide/runtime';
import { sessionOfRequest } from '$lib/server/auth/session';
import { issuerKeyMaterial } from '$lib/server/credentials/key';
import { getDb } from '$lib/server/db';
import { seedDemoIfEmpty } from '$lib/server/demo/seed';
import { resumePendingMail } from '$lib/server/mail/outbox';
import { startMaintenance } from '$lib/server/maintenance';
import { startMemoryGuard } from '$lib/server/memory-guard';
import { answerFromKeptPages } from '$lib/server/kept-pages';
import { missingClauseSettings } from '$lib/server/trainings/public';

export const init: ServerInit = async () => {
	getDb();
	// The Open Badges signing key: read, or generated into the data folder on the first start.
	await issuerKeyMaterial();
	if (process.env.AKADEMIA_DEMO === '1') await seedDemoIfEmpty();
	startMaintenance();
	// Resident memory back near its soft limit after bursts (memory-guard.ts); not under `vite dev`.
	if (!dev) startMemoryGuard();
	resumePendingMail();
	// The registration card collects personal data under an information clause that must name the controller.
	const missing = missingClauseSettings();
	if (missing.length > 0)
		console.warn(
			`[trainings] set ${missing.join(' and ')}: the registration card's information clause shows a placeholder (docs/OPERATIONS.md)`
		);
};

// The cookie is sent again only when the session's expiry moves (auth/session.ts), not on every response.
const handleSession: Handle = ({ event, resolve }) => {
	const { session, user, renewed } = sessionOfRequest(event.cookies, event.url);
	event.locals.user = user;
	event.locals.session = session;
	event.locals.sessionRenewed = renewed;
	return resolve(event);
};

// The request's locale for getLocale() and the m.* messages, as Paraglide's own middleware sets it, without its
// cost: paraglideMiddleware() clones every Request (a tee of the body for POSTs) and re-parses the URL, for the
// URL strategy's redirects and de-localised URLs. The strategy here (vite.config.ts) is cookie then base locale,
// so the locale comes from the request alone and there is nothing to redirect.
if (strategy.includes('url')) throw new Error('the URL strategy needs paraglideMiddleware() in hooks.server.ts');
const localeStore = new AsyncLocalStorage<{ locale?: Locale; origin?: string }>();
overwriteServerAsyncLocalStorage(localeStore);

const handleLocale: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	return localeStore.run({ locale, origin: event.url.origin }, () =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) })
	);
};

// Pages rendered once and served from memory (kept-pages/): the public pages that are the same for every visitor
// without a session, once per locale; the lesson page once per lesson, locale and learner state, the learner's
// name and signed field filled in per view. Not under `vite dev`, where a component may change while it runs.
const handleKeptPages: Handle = ({ event, resolve }) =>
	dev ? resolve(event) : answerFromKeptPages(event, resolve, getLocale());

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	// A page may ask for less (token pages send no-referrer): keep its own policy.
	if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'same-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (event.url.protocol === 'https:') headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	// Pages with personal data must not stay in shared caches or the back-forward cache of an office PC.
	if (event.locals.user && !headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store');
	return response;
};

// SvelteKit throws (a 500) on a POST to "?/default"; a client asking for it gets a plain 400 instead.
const handleReservedAction: Handle = ({ event, resolve }) => {
	if (event.request.method === 'POST' && /^\?\/default(&|$)/.test(event.url.search))
		return new Response('bad action', { status: 400 });
	return resolve(event);
};

// Form actions read their body with request.formData(), which throws (a 500) on a body it cannot parse: a
// text/plain body that SvelteKit lets through to actions, or a multipart body with a broken or missing boundary.
// Every such failure becomes a 4xx here, once for all actions, before the action has written anything: 415 for
// text/plain (actions read forms only), 400 for a malformed form; an oversized body keeps its 413. Endpoints
// reading .text() or .json() are unaffected.
const handleFormBodies: Handle = ({ event, resolve }) => {
	if (event.request.method === 'GET' || event.request.method === 'HEAD') return resolve(event);
	const type = event.request.headers.get('content-type') ?? '';
	if (type.toLowerCase().startsWith('text/plain')) {
		Object.defineProperty(event.request, 'formData', {
			value: () => error(415, { message: 'form data expected' })
		});
		return resolve(event);
	}
	const formData = event.request.formData.bind(event.request);
	Object.defineProperty(event.request, 'formData', {
		value: async () => {
			try {
				return await formData();
			} catch (e) {
				const status = statusOf(e) ?? statusOf((e as { cause?: unknown } | null)?.cause);
				if (status !== undefined && status >= 400 && status < 500) error(status, { message: 'bad request body' });
				error(400, { message: 'malformed form data' });
			}
		}
	});
	return resolve(event);
};

function statusOf(e: unknown): number | undefined {
	const status = (e as { status?: unknown } | null)?.status;
	return typeof status === 'number' ? status : undefined;
}

export const handle = sequence(
	handleSecurityHeaders,
	handleReservedAction,
	handleSession,
	handleLocale,
	handleKeptPages,
	handleFormBodies
);

export const handleError: HandleServerError = ({ error, status }) => {
	// Client errors (400, 413, 415: bad or oversized requests) are the client's problem, not the server's.
	if (status >= 500) console.error(error);
	return { message: 'error' };
};
