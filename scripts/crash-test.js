// npm run test:crash: kill -9 the built server in the middle of concurrent writes, restart it, and check that every
// write acknowledged to a client survived and that the database is intact. Not part of `npm test` (it takes a
// while and kills processes). Traffic goes only to 127.0.0.1, bounded in count and time.
//
// Writes driven and checked after the restart: sign-ins (a session row; acknowledged by 303 + cookie), invitations
// by the admin (invitations + mail_outbox rows; acknowledged by the confirmation page), and quiz submissions (a
// started attempt submitted through the form; acknowledged by the 303 back to the result; must be submitted after
// the restart). Language changes (users.locale) add write load but are not checked (a later unacknowledged change
// may land too). Add quiz autosaves/submits here once they exist: record what the server acknowledged, verify it.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.CRASH_PORT ?? 6206);
const BASE = `http://127.0.0.1:${PORT}`;
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const MAX_REQUESTS_PER_ROUND = 300;
const CLIENTS = 6;
const PASSWORD = 'akademia-demo';
const dir = mkdtempSync(join(tmpdir(), 'akademia-crash-'));
const DB = join(dir, 'crash.db');

/** The first module quiz of the first course that has one (open without finishing lessons first). */
function firstQuizPath() {
	for (const course of readdirSync('lessons').sort()) {
		const dir = join('lessons', course);
		if (!existsSync(join(dir, 'course.md'))) continue;
		for (const module of readdirSync(dir).sort())
			if (existsSync(join(dir, module, 'quiz.yaml'))) return `/courses/${course}/quiz/${module.replace(/^\d+-/, '')}`;
	}
	return null;
}
const QUIZ = firstQuizPath();
const QUIZ_LEARNERS = 12;

/** Learners for quiz traffic, inserted straight into the database with the demo password's hash. */
function addQuizLearners(round) {
	const db = new Database(DB);
	db.pragma('busy_timeout = 5000');
	const hash = db.prepare("select password_hash as h from users where email = 'kursant@akademia.test'").get().h;
	const emails = [];
	for (let i = 0; i < QUIZ_LEARNERS; i++) {
		const email = `quiz.${round}.${i}@akademia.test`;
		db.prepare(
			"insert into users (id, email, name, role, password_hash) values (?, ?, 'Kursant Testowy', 'learner', ?)"
		).run(`crash-${round}-${i}`, email, hash);
		emails.push(email);
	}
	db.close();
	return emails;
}

function startServer() {
	const child = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: DB, AKADEMIA_DEMO: '1', ORIGIN: BASE },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return child;
}

async function waitUp() {
	for (let i = 0; i < 150; i++) {
		try {
			if ((await fetch(`${BASE}/login`)).ok) return;
		} catch {
			/* not yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('server did not start');
}

const form = (data) => ({
	method: 'POST',
	redirect: 'manual',
	headers: { origin: BASE, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams(data).toString()
});

function sessionCookie(res) {
	const set = res.headers.getSetCookie().find((c) => c.startsWith('akademia_session='));
	return set?.split(';')[0];
}

async function signIn(email) {
	const res = await fetch(`${BASE}/login`, form({ email, password: PASSWORD }));
	if (res.status !== 303) throw new Error(`sign-in ${res.status}`);
	return sessionCookie(res);
}

/** Drives writes until stopped; returns what the server acknowledged. */
async function traffic(adminCookie, stopAt, acked, budget, quizLearners) {
	const client = async (n) => {
		const email = n % 2 ? 'kursant@akademia.test' : 'trener@akademia.test';
		while (Date.now() < stopAt && budget.left-- > 0) {
			const kind = Math.random();
			try {
				if (kind < 0.3 && QUIZ && quizLearners.length > 0) {
					const learner = quizLearners.pop();
					const cookie = await signIn(learner);
					const headers = { ...form({}).headers, cookie };
					const start = await fetch(`${BASE}${QUIZ}?/start`, { ...form({}), headers });
					const attemptPath = start.headers.get('location') ?? '';
					if (start.status !== 303 || !attemptPath.startsWith(`${QUIZ}/`)) continue;
					const submit = await fetch(`${BASE}${attemptPath}?/submit`, { ...form({}), headers });
					if (submit.status === 303) acked.submissions.push(attemptPath.split('/').at(-1));
				} else if (kind < 0.55) {
					const cookie = await signIn(email);
					if (cookie) acked.sessions.push(cookie);
				} else if (kind < 0.8) {
					const email = `crash.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@akademia.test`;
					const res = await fetch(`${BASE}/admin/invitations`, {
						...form({ email, role: 'learner' }),
						headers: { ...form({}).headers, cookie: adminCookie }
					});
					if (res.status === 200 && (await res.text()).includes(email)) acked.invitations.push(email);
				} else {
					const cookie = acked.sessions.at(-1);
					if (!cookie) continue;
					const locale = Math.random() < 0.5 ? 'pl' : 'en';
					const res = await fetch(`${BASE}/language`, {
						...form({ locale, next: '/account' }),
						headers: { ...form({}).headers, cookie }
					});
					if (res.status === 303) acked.locales++;
				}
			} catch {
				// The server died mid-request: not acknowledged, nothing to check.
			}
		}
	};
	await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
}

async function round(i) {
	let server = startServer();
	await waitUp();
	const adminCookie = await signIn('admin@akademia.test');
	const acked = { sessions: [], invitations: [], submissions: [], locales: 0 };
	const budget = { left: MAX_REQUESTS_PER_ROUND };
	const quizLearners = addQuizLearners(i);
	const killAfter = 1500 + Math.floor(Math.random() * 2000);
	const running = traffic(adminCookie, Date.now() + 10_000, acked, budget, quizLearners);
	await new Promise((r) => setTimeout(r, killAfter));
	server.kill('SIGKILL');
	await running;
	await new Promise((r) => (server.exitCode !== null || server.signalCode ? r() : server.once('exit', r)));

	server = startServer();
	await waitUp();
	const lost = [];
	for (const cookie of acked.sessions) {
		const res = await fetch(`${BASE}/account`, { redirect: 'manual', headers: { cookie } });
		if (res.status !== 200) lost.push(`session ${cookie.slice(0, 24)}… answered ${res.status}`);
	}
	server.kill('SIGTERM');
	await new Promise((r) => server.once('exit', r));

	const db = new Database(DB, { readonly: true });
	const integrity = db.pragma('integrity_check', { simple: true });
	for (const id of acked.submissions) {
		const row = db.prepare('select submitted_at from quiz_attempts where id = ?').get(id);
		if (!row?.submitted_at) lost.push(`quiz submission ${id}`);
	}
	for (const email of acked.invitations) {
		if (!db.prepare('select 1 from invitations where email = ?').get(email)) lost.push(`invitation ${email}`);
		if (!db.prepare('select 1 from mail_outbox where "to" = ?').get(email)) lost.push(`outbox message to ${email}`);
	}
	db.close();
	console.info(
		`round ${i}: killed after ${killAfter} ms; acknowledged ${acked.sessions.length} sign-ins, ` +
			`${acked.invitations.length} invitations, ${acked.submissions.length} quiz submissions, ` +
			`${acked.locales} language changes; ` +
			`lost ${lost.length}; integrity_check: ${integrity}`
	);
	if (lost.length > 0 || integrity !== 'ok') {
		for (const l of lost.slice(0, 20)) console.error(`  lost: ${l}`);
		return false;
	}
	return acked.sessions.length + acked.invitations.length + acked.submissions.length > 0;
}

let ok = true;
try {
	for (let i = 1; i <= ROUNDS; i++) ok = (await round(i)) && ok;
} finally {
	rmSync(dir, { recursive: true, force: true });
}
console.info(ok ? 'crash test: every acknowledged write survived' : 'crash test FAILED');
process.exit(ok ? 0 : 1);
