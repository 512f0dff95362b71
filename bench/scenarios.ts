// Every URL and request body the benchmark sends, in one place: when a route or a form changes, change it here.
import type { Fixtures, OpenAttempt } from './fixtures';

export const SESSION_COOKIE = 'akademia_session';
export const STATIC_ASSET = '/favicon.svg';
/** Cold start is measured to the first 200 of this (public, server-rendered) page. */
export const COLD_START_PROBE = '/login';
/** The server reads the client address from this header (adapter-node ADDRESS_HEADER) during the benchmark. */
export const CLIENT_ADDRESS_HEADER = 'x-forwarded-for';

export interface BenchRequest {
	method: 'GET' | 'POST';
	path: string;
	headers?: Record<string, string>;
	body?: string;
}

/** How the report decides pass or fail (report.ts). */
export type GoalCheck =
	/** The median of the page's requests sent one at a time (bench/latency.ts) under `ms`. */
	| { kind: 'server-time'; ms: number }
	/** At 100 connections: req/s at least `share` of the static asset's in the same run, and p99 under `p99`. */
	| { kind: 'ceiling-share'; share: number; p99?: number }
	/** At least `perSecond` answered, none failed, and every 2xx write found in the database afterwards. */
	| { kind: 'write-rate'; perSecond: number }
	/** The registration burst: exactly the seats confirmed, every other answer on the waitlist, no 5xx. */
	| { kind: 'exact-seats' };

export interface Scenario {
	/** Short name shown in the table. */
	name: string;
	/** Which scenario of the issue it belongs to (1..5). */
	group: number;
	requests: BenchRequest[];
	/** State-changing scenarios send each request once at most (a request budget) and are not warmed up. */
	writes?: boolean;
	/** A load at an even pace during the measured seconds (bench/paced.js): `rate` a second, at most `connections`
	 * open; its own figures go to the log and the notes under the table. */
	background?: { name: string; requests: BenchRequest[]; rate: number; connections: number };
	goal?: string;
	check?: GoalCheck;
}

const cookie = (token: string) => ({ cookie: `${SESSION_COOKIE}=${token}` });

/** A SvelteKit form action as `use:enhance` posts it (JSON answer instead of a redirect). */
function formAction(origin: string, token: string, path: string, fields: Record<string, string>): BenchRequest {
	return {
		method: 'POST',
		path,
		headers: {
			...cookie(token),
			origin,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields).toString()
	};
}

export const paths = {
	lesson: (course: string, lesson: string) => `/courses/${course}/${lesson}`,
	lessonProgress: (course: string, lesson: string) => `/courses/${course}/${lesson}/progress`,
	course: (course: string) => `/courses/${course}`,
	quiz: (course: string, quiz: string) => `/courses/${course}/quiz/${quiz}`,
	attempt: (course: string, quiz: string, attempt: string) => `/courses/${course}/quiz/${quiz}/${attempt}`,
	trainerGroup: (group: string) => `/trainer/groups/${group}`,
	itemAnalysis: (group: string, quiz: string) => `/trainer/groups/${group}/quizzes/${quiz}`,
	beforeNextSession: (group: string) => `/trainer/groups/${group}/before-next-session`,
	trainings: () => '/trainings',
	training: (slug: string) => `/trainings/${slug}`,
	surveyReport: (slug: string) => `/admin/surveys/${slug}`,
	practices: (query: string) => `/practices${query}`,
	search: (query: string) => `/search?q=${encodeURIComponent(query)}`,
	certificatePdf: (id: string) => `/certificates/${id}/pdf`,
	verify: (code: string) => `/verify/${code}`
};

/** One autosave as the attempt page sends it: JSON to the attempt's answer endpoint, the answer in the public shape. */
function autosave(a: OpenAttempt, x: OpenAttempt['answers'][number]): BenchRequest {
	return {
		method: 'POST',
		path: `${paths.attempt(a.course, a.quiz, a.attempt)}/answer`,
		headers: { ...cookie(a.token), 'content-type': 'application/json' },
		body: JSON.stringify({ attemptId: a.attempt, questionId: x.questionId, answer: x.publicAnswer })
	};
}

function submit(origin: string, a: OpenAttempt): BenchRequest {
	return formAction(origin, a.token, `${paths.attempt(a.course, a.quiz, a.attempt)}?/submit`, {});
}

const FIRST_NAMES = ['Anna', 'Katarzyna', 'Jan', 'Piotr', 'Zofia', 'Łukasz', 'Małgorzata', 'Grzegorz'];
const LAST_NAMES = ['Nowak', 'Wiśniewska', 'Kowalczyk', 'Dąbrowska', 'Mazur', 'Woźniak', 'Żółkiewska'];

/**
 * The i-th registration card of the burst, as the public page posts it with `use:enhance`: a different person,
 * e-mail and client address each (the page allows 30 registrations per address in 10 minutes).
 */
export function registration(origin: string, slug: string, i: number): BenchRequest {
	const r = formAction(origin, '', paths.training(slug), {
		first_name: FIRST_NAMES[i % FIRST_NAMES.length],
		last_name: LAST_NAMES[i % LAST_NAMES.length],
		position: 'inspektor',
		office: `Urząd Gminy nr ${i + 1}`,
		office_type: 'gmina',
		email: `zapis${i}@urzad.bench.akademia.test`,
		phone: '',
		dietary: '',
		accessibility: '',
		superior_email: '',
		consent: 'yes'
	});
	const { cookie: _, ...headers } = r.headers!;
	return { ...r, headers: { ...headers, [CLIENT_ADDRESS_HEADER]: `2001:db8:1::${i.toString(16)}` } };
}

/** Registrations the burst sends: ten times the seats, all at once over the connections. */
export const BURST_REQUESTS_PER_SEAT = 10;

export function scenarios(origin: string, f: Fixtures): Scenario[] {
	const get = (path: string, token?: string): BenchRequest => ({
		method: 'GET',
		path,
		headers: token ? cookie(token) : {}
	});
	return [
		{
			name: 'static asset (ceiling)',
			group: 1,
			requests: [get(STATIC_ASSET)]
		},
		{
			name: 'sign-in page (public)',
			group: 1,
			requests: [get('/login')],
			goal: '>= 40% of the static ceiling',
			check: { kind: 'ceiling-share', share: 0.4 }
		},
		{
			name: 'lesson page',
			group: 2,
			requests: f.lessonViews.map((v) => get(paths.lesson(v.course, v.lesson), v.token)),
			goal: 'p99 < 100 ms and >= 30% of the static ceiling',
			check: { kind: 'ceiling-share', share: 0.3, p99: 100 }
		},
		{
			name: 'lesson heartbeat',
			group: 2,
			requests: f.lessonViews.map((v) => ({
				method: 'POST' as const,
				path: paths.lessonProgress(v.course, v.lesson),
				headers: { ...cookie(v.token), 'content-type': 'application/json' },
				body: JSON.stringify({ position: '' })
			}))
		},
		{
			name: 'quiz autosave',
			group: 3,
			writes: true,
			requests: f.autosaveAttempts.flatMap((a) => a.answers.map((x) => autosave(a, x))),
			goal: '>= 2,000/s, no errors, no lost write',
			check: { kind: 'write-rate', perSecond: 2000 }
		},
		{
			name: 'quiz submit',
			group: 3,
			writes: true,
			requests: f.submitAttempts.map((a) => submit(origin, a))
		},
		{
			name: 'trainer group page',
			group: 4,
			requests: f.trainerViews.map((v) => get(paths.trainerGroup(v.group), v.token)),
			goal: '< 100 ms server time at 100,000 learners',
			check: { kind: 'server-time', ms: 100 }
		},
		{
			name: 'quiz item analysis',
			group: 4,
			requests: f.trainerViews.map((v) => get(paths.itemAnalysis(v.group, v.quiz), v.token)),
			goal: '< 100 ms server time at 100,000 learners',
			check: { kind: 'server-time', ms: 100 }
		},
		{
			name: 'trainer before the next session',
			group: 4,
			requests: f.trainerViews.map((v) => get(paths.beforeNextSession(v.group), v.token)),
			goal: '< 100 ms server time at 100,000 learners',
			check: { kind: 'server-time', ms: 100 }
		},
		{
			name: 'lesson search',
			group: 2,
			requests: [get(paths.search('flaga pionowo'), f.learner.token), get(paths.search('uklon'), f.learner.token)],
			goal: '< 50 ms server time',
			check: { kind: 'server-time', ms: 50 }
		},
		{
			name: 'public training list',
			group: 5,
			requests: [get(paths.trainings())],
			goal: '< 50 ms server time',
			check: { kind: 'server-time', ms: 50 }
		},
		{
			name: 'public training page',
			group: 5,
			requests: f.trainings.open.map((slug) => get(paths.training(slug))),
			goal: '< 50 ms server time',
			check: { kind: 'server-time', ms: 50 }
		},
		{
			name: 'registration burst',
			group: 5,
			writes: true,
			requests: f.trainings.burst
				? Array.from({ length: f.trainings.burst.seats * BURST_REQUESTS_PER_SEAT }, (_, i) =>
						registration(origin, f.trainings.burst!.slug, i)
					)
				: [],
			goal: 'exactly the seats confirmed, the rest waitlisted, no 5xx',
			check: { kind: 'exact-seats' }
		},
		{
			name: 'survey report (5,000 responses)',
			group: 5,
			requests: f.admin.token ? [get(paths.surveyReport(f.survey), f.admin.token)] : [],
			goal: '< 50 ms server time',
			check: { kind: 'server-time', ms: 50 }
		},
		{
			name: 'good-practice search',
			group: 5,
			requests: [get(paths.practices('?q=lodz')), get(paths.practices('?q=wspolpraca&region=far-east'))],
			goal: '< 50 ms server time',
			check: { kind: 'server-time', ms: 50 }
		},
		{
			name: 'certificate PDF',
			group: 5,
			requests: f.certificates.map((c) => get(paths.certificatePdf(c.id), c.token))
		},
		{
			// The lesson page measured while certificate PDFs are rendered at 40/s (issue 20: does rendering block the
			// event loop for other requests?). The PDFs' own figures are in the log and the notes under the table.
			name: 'lesson page while PDFs at 40/s',
			group: 5,
			requests: f.lessonViews.map((v) => get(paths.lesson(v.course, v.lesson), v.token)),
			background: {
				name: 'certificate PDF at 40/s',
				requests: f.certificates.map((c) => get(paths.certificatePdf(c.id), c.token)),
				// At an even pace (bench/paced.js), up to 40 open at once, so that no answer holds the next one back.
				rate: 40,
				connections: 40
			},
			goal: 'p99 < 100 ms; the PDFs keep up with 40/s (no queue growth)'
		},
		{
			name: 'verification page',
			group: 5,
			// Look-ups are throttled per client address (30 per 10 minutes), so each request comes from its own
			// visitor, as the server sees visitors behind a reverse proxy (ADDRESS_HEADER, see processes.ts). The
			// addresses are from the IPv6 documentation prefix and only ever appear in this header.
			requests: Array.from({ length: Math.min(f.certificates.length * 20, 20_000) }, (_, i) => {
				const c = f.certificates[i % f.certificates.length];
				return { ...get(paths.verify(c.code)), headers: { [CLIENT_ADDRESS_HEADER]: `2001:db8::${i.toString(16)}` } };
			})
		}
	];
}

/** The main pages whose JavaScript and CSS are weighed, each with the cookie it needs. */
export function weighedPages(
	f: Fixtures
): { name: string; path: string; token?: string; headers?: Record<string, string> }[] {
	const l = f.learner;
	const t = f.trainerViews[0];
	const c = f.certificates[0];
	return [
		{ name: 'sign-in', path: '/login' },
		{ name: 'dashboard', path: '/dashboard', token: l.token },
		{ name: 'course', path: paths.course(l.course), token: l.token },
		{ name: 'lesson', path: paths.lesson(l.course, l.lesson), token: l.token },
		{ name: 'quiz attempt', path: paths.attempt(l.course, l.quiz, l.attempt), token: l.token },
		{ name: 'lesson search', path: paths.search('protokół'), token: l.token },
		...(t
			? [
					{ name: 'trainer group', path: paths.trainerGroup(t.group), token: t.token },
					{ name: 'item analysis', path: paths.itemAnalysis(t.group, t.quiz), token: t.token },
					{ name: 'before the next session', path: paths.beforeNextSession(t.group), token: t.token }
				]
			: []),
		...(c
			? [{ name: 'verification', path: paths.verify(c.code), headers: { [CLIENT_ADDRESS_HEADER]: '2001:db8::1' } }]
			: []),
		{ name: 'training list', path: paths.trainings() },
		...(f.trainings.open[0] ? [{ name: 'training page', path: paths.training(f.trainings.open[0]) }] : []),
		{ name: 'good practices', path: paths.practices('?q=lodz') },
		...(f.admin.token ? [{ name: 'survey report', path: paths.surveyReport(f.survey), token: f.admin.token }] : [])
	];
}

/**
 * The pages whose queries the report shows with their plans (bench/explain.ts), each named after its scenario so
 * `--only` selects both. One request each, traced in the server after the measured runs.
 */
export function tracedPages(
	origin: string,
	f: Fixtures
): { name: string; scenario: string; request: BenchRequest; warm?: boolean }[] {
	const all = scenarios(origin, f);
	const first = (scenario: string) => all.find((s) => s.name === scenario)?.requests[0];
	const pages: { name: string; scenario: string; request: BenchRequest | undefined; warm?: boolean }[] = [
		{ name: 'trainer group page', scenario: 'trainer group page', request: first('trainer group page') },
		{ name: 'quiz item analysis', scenario: 'quiz item analysis', request: first('quiz item analysis') },
		{
			name: 'before the next session',
			scenario: 'trainer before the next session',
			request: first('trainer before the next session')
		},
		{ name: 'public training list', scenario: 'public training list', request: first('public training list') },
		{ name: 'public training page', scenario: 'public training page', request: first('public training page') },
		{
			name: 'registration (one card, after the burst)',
			scenario: 'registration burst',
			request: f.trainings.burst ? registration(origin, f.trainings.burst.slug, 99_999) : undefined,
			warm: false
		},
		{
			name: 'survey report (5,000 responses)',
			scenario: 'survey report (5,000 responses)',
			request: first('survey report (5,000 responses)')
		},
		{ name: 'good-practice search', scenario: 'good-practice search', request: first('good-practice search') },
		{ name: 'lesson search', scenario: 'lesson search', request: first('lesson search') }
	];
	return pages.filter((p): p is typeof p & { request: BenchRequest } => !!p.request);
}
