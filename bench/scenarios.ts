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

export interface Scenario {
	/** Short name shown in the table. */
	name: string;
	/** Which scenario of the issue it belongs to (1..5). */
	group: number;
	requests: BenchRequest[];
	/** State-changing scenarios send each request once at most (a request budget) and are not warmed up. */
	writes?: boolean;
	/** Another load at a fixed rate during the measured seconds (its own figures go to the log and the notes). */
	background?: { name: string; requests: BenchRequest[]; rate: number; connections: number };
	goal?: string;
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
			name: 'lesson page',
			group: 2,
			requests: f.lessonViews.map((v) => get(paths.lesson(v.course, v.lesson), v.token)),
			goal: 'p99 < 100 ms and >= 30% of the static ceiling'
		},
		{
			name: 'login page',
			group: 2,
			requests: [get('/login')],
			goal: '>= 40% of the static ceiling'
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
			goal: '>= 2,000/s, no errors, no lost write'
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
			goal: '< 100 ms at 100,000 learners'
		},
		{
			name: 'quiz item analysis',
			group: 4,
			requests: f.trainerViews.map((v) => get(paths.itemAnalysis(v.group, v.quiz), v.token)),
			goal: '< 100 ms at 100,000 learners'
		},
		{
			name: 'lesson search',
			group: 2,
			requests: [get('/search?q=flaga%20pionowo', f.learner.token), get('/search?q=uklon', f.learner.token)],
			goal: '< 50 ms server time'
		},
		{
			name: 'public training list',
			group: 5,
			requests: [get('/trainings')],
			goal: '< 50 ms server time'
		},
		{
			name: 'good-practice search',
			group: 5,
			requests: [get('/practices?q=lodz'), get('/practices?q=wspolpraca&region=far-east')],
			goal: '< 50 ms server time'
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
				rate: 40,
				connections: 10
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
		...(t
			? [
					{ name: 'trainer group', path: paths.trainerGroup(t.group), token: t.token },
					{ name: 'item analysis', path: paths.itemAnalysis(t.group, t.quiz), token: t.token }
				]
			: []),
		...(c
			? [{ name: 'verification', path: paths.verify(c.code), headers: { [CLIENT_ADDRESS_HEADER]: '2001:db8::1' } }]
			: [])
	];
}
