// The one table `npm run bench` prints (markdown, so docs/PERFORMANCE.md can quote it as it is) and its JSON.
import type { BenchArgs } from './args';
import type { QueryPlan } from './explain';
import type { GenerateResult } from './generate';
import type { PageWeight } from './page-weight';
import type { LoadResult } from './processes';
import type { ServerTime } from './latency';
import type { GoalCheck } from './scenarios';

export interface ScenarioResult {
	name: string;
	group: number;
	goal?: string;
	check?: GoalCheck;
	load?: LoadResult;
	/** The same requests one at a time (bench/latency.ts): the page's own time, without queueing. */
	serverTime?: ServerTime;
	/** The registration burst: the training's seats, its registrations by status after the run, 2xx successes. */
	seats?: { seats: number; counts: Record<string, number>; ok: number };
	rssPeak?: number | null;
	/** Server CPU time (user + system) per request of the measured run, in ms. */
	cpuPerRequest?: number | null;
	skipped?: string;
	/** A load run at a fixed rate beside this scenario (its server CPU is in the scenario's CPU column too). */
	background?: { name: string; load: LoadResult };
}

export interface ReportInput {
	args: BenchArgs;
	date: string;
	machine: { cores: number; cpu: string; memoryGb: number; freeGb: number; load: number[] };
	data: GenerateResult;
	coldStartMs: number;
	rssAtRest: number;
	rssAfter: number | null;
	results: ScenarioResult[];
	weights: PageWeight[];
	writes: { autosaveSent: number; autosaveOk: number; autosaveRows: number; submitOk: number; submitted: number };
	plans: QueryPlan[];
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const n1 = (x: number) => x.toFixed(1);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The lesson page's compressed JavaScript must stay under this (issue 20). */
export const LESSON_JS_KB = 30;

export interface Verdict {
	pass: boolean;
	detail: string;
}

/** Whether a scenario met its goal, and the figure that decides it. */
export function verdict(r: ScenarioResult, all: ScenarioResult[], writes: ReportInput['writes']): Verdict | undefined {
	const check = r.check;
	if (!check || !r.load) return undefined;
	const l = r.load;
	switch (check.kind) {
		case 'server-time': {
			const t = r.serverTime;
			if (!t || t.requests === 0) return { pass: false, detail: 'not measured' };
			const errors = Object.entries(t.statuses).filter(([code]) => !code.startsWith('2'));
			const pass = t.p50 < check.ms && errors.length === 0;
			return {
				pass,
				detail: `p50 ${t.p50.toFixed(1)} ms one at a time${errors.length ? `, answers ${JSON.stringify(t.statuses)}` : ''}`
			};
		}
		case 'ceiling-share': {
			const ceiling = all.find((x) => x.name === 'static asset (ceiling)')?.load;
			if (!ceiling) return { pass: false, detail: 'no ceiling measured in this run' };
			const share = l.rps / ceiling.rps;
			const pass = share >= check.share && (check.p99 === undefined || l.p99 < check.p99) && failures(l) === 0;
			return { pass, detail: `${(share * 100).toFixed(0)} % of the ceiling, p99 ${l.p99} ms` };
		}
		case 'write-rate': {
			const lost = Math.max(0, writes.autosaveOk - writes.autosaveRows);
			const pass = l.rps >= check.perSecond && failures(l) === 0 && lost === 0;
			return { pass, detail: `${n0(l.rps)}/s, ${n0(failures(l))} failed, ${n0(lost)} lost` };
		}
		case 'exact-seats': {
			const s = r.seats;
			if (!s) return { pass: false, detail: 'not checked' };
			const confirmed = s.counts.confirmed ?? 0;
			const waitlisted = s.counts.waitlisted ?? 0;
			const rows = Object.values(s.counts).reduce((a, b) => a + b, 0);
			const serverErrors = Object.entries(l.statuses)
				.filter(([code]) => code.startsWith('5'))
				.reduce((a, [, n]) => a + n, 0);
			// Every answered registration has its row (more rows: requests still in flight when the run stopped were
			// answered after it), no row beyond what was sent, none in another status, and not one seat too many.
			const pass =
				confirmed === s.seats &&
				confirmed + waitlisted === rows &&
				rows >= s.ok &&
				rows <= l.sent &&
				serverErrors === 0 &&
				failures(l) === 0;
			return {
				pass,
				detail:
					`${n0(confirmed)} confirmed of ${n0(s.seats)} seats, ${n0(waitlisted)} waitlisted, ${n0(rows)} rows; ` +
					`${n0(l.sent)} sent, ${n0(s.ok)} answered 2xx, ${n0(failures(l))} failed, ${n0(serverErrors)} 5xx`
			};
		}
	}
}

/** Failed requests: non-2xx answers, socket errors, timeouts and form actions that answered "failure". */
export function failures(load: LoadResult): number {
	return load.non2xx + load.errors + load.timeouts + (load.actionFailures ?? 0);
}

export function formatReport(input: ReportInput): { text: string; json: unknown } {
	const { args, results } = input;
	const byName = (name: string) => results.find((r) => r.name === name)?.load;
	const ceiling = byName('static asset (ceiling)');
	const lesson = byName('lesson page');
	const ratio = ceiling && lesson ? lesson.rps / ceiling.rps : null;
	const peak = Math.max(...results.map((r) => r.rssPeak ?? 0), input.rssAtRest);
	const lines: string[] = [];
	lines.push(
		`## Benchmark run ${input.date.slice(0, 16).replace('T', ' ')} UTC: ${n0(args.size)} learners, ` +
			`${args.connections} connections, ${args.duration} s per scenario`
	);
	lines.push('');
	lines.push(
		`Machine: ${input.machine.cores} cores (${input.machine.cpu}), ${n1(input.machine.memoryGb)} GiB memory; ` +
			`load average at the end ${input.machine.load.map((l) => l.toFixed(2)).join(' / ')}.`
	);
	lines.push(
		`Data: ${n0(input.data.learners)} learners, ${n0(input.data.trainers)} trainers, ${n0(input.data.groups)} groups, ` +
			`${n0(input.data.lessonProgress)} lesson progress rows, ${n0(input.data.attempts)} quiz attempts, ` +
			`${n0(input.data.responses)} responses, ${n0(input.data.certificates)} certificates, ` +
			`${n0(input.data.trainings)} trainings with ${n0(input.data.registrations)} registrations, ` +
			`${n0(input.data.surveyResponses)} survey responses (${n0(input.data.surveyAnswers)} answers), ` +
			`${n0(input.data.practiceSubmissions)} published good-practice submissions ` +
			`(generated in ${n1(input.data.milliseconds / 1000)} s).`
	);
	lines.push('');
	lines.push(
		'| # | scenario | requests | req/s | p50 ms | p99 ms | failed | server CPU ms/req | server time ms (1 at a time: p50 / p90) | peak RSS MB | goal | met? |'
	);
	lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
	const verdicts: { name: string; goal: string; verdict: Verdict }[] = [];
	for (const r of results) {
		if (!r.load) {
			lines.push(`| ${r.group} | ${r.name} | – | – | – | – | – | – | – | – | ${r.goal ?? ''} | ${r.skipped ?? ''} |`);
			continue;
		}
		const l = r.load;
		const v = verdict(r, results, input.writes);
		if (v) verdicts.push({ name: r.name, goal: r.goal ?? '', verdict: v });
		const t = r.serverTime;
		lines.push(
			`| ${r.group} | ${r.name} | ${n0(l.requests)} | ${n0(l.rps)} | ${l.p50} | ${l.p99} | ${n0(failures(l))} | ` +
				`${r.cpuPerRequest != null ? r.cpuPerRequest.toFixed(2) : '–'} | ` +
				`${t ? `${t.p50.toFixed(1)} / ${t.p90.toFixed(1)}` : '–'} | ` +
				`${r.rssPeak ? n0(r.rssPeak) : '–'} | ${r.goal ?? ''} | ${v ? `${v.pass ? '**pass**' : '**FAIL**'}: ${v.detail}` : ''} |`
		);
	}
	for (const r of results) {
		if (!r.background) continue;
		const b = r.background.load;
		lines.push(
			'',
			`Beside "${r.name}": ${r.background.name}, ${n0(b.requests)} answered (${b.rps.toFixed(1)}/s), p50 ${b.p50} ms, ` +
				`p99 ${b.p99} ms, max ${b.max} ms, ${n0(failures(b))} failed (the CPU column of that row includes these).` +
				(b.queue
					? ` Sent at an even pace: the first second's requests answered in ${b.queue.firstSecondP50 ?? '–'} ms ` +
						`(median), the last second's in ${b.queue.lastSecondP50 ?? '–'} ms; ${n0(b.queue.openAtEnd)} open when ` +
						`the run ended, ${n0(b.queue.unanswered)} never answered.`
					: '')
		);
	}
	lines.push('');
	lines.push(
		`**Headline: lesson page / static ceiling = ${ratio === null ? 'n/a' : (ratio * 100).toFixed(0) + ' %'}** ` +
			`(${lesson ? n0(lesson.rps) : '–'} / ${ceiling ? n0(ceiling.rps) : '–'} requests per second).`
	);
	lines.push('');
	lines.push(`- Cold start (spawn to first 200 of /login): ${n0(input.coldStartMs)} ms`);
	lines.push(
		`- Resident memory (VmRSS): ${n0(input.rssAtRest)} MB at rest, ${n0(peak)} MB peak under load` +
			(input.rssAfter !== null ? `, ${n0(input.rssAfter)} MB after the last scenario` : '')
	);
	const w = input.writes;
	lines.push(
		`- Writes: ${n0(w.autosaveSent)} autosaves sent (each a different attempt and question), ${n0(w.autosaveOk)} answered 200, ` +
			`${n0(w.autosaveRows)} response rows found in their attempts ` +
			`(${w.autosaveRows >= w.autosaveOk ? 'no lost write' : `${n0(w.autosaveOk - w.autosaveRows)} LOST`}); ` +
			`${n0(w.submitOk)} submits answered 200 and ${n0(w.submitted)} attempts are submitted.`
	);
	lines.push('');
	if (verdicts.length > 0 || input.weights.length > 0) {
		const lesson = input.weights.find((p) => p.name === 'lesson');
		const lessonPass = lesson ? lesson.status === 200 && lesson.js.wire / 1024 < LESSON_JS_KB : null;
		const met = verdicts.filter((v) => v.verdict.pass).length + (lessonPass ? 1 : 0);
		const total = verdicts.length + (lessonPass === null ? 0 : 1);
		lines.push('');
		lines.push(`**Goals: ${met} of ${total} met.**`);
	}
	lines.push('');
	lines.push(
		'JavaScript and CSS each page makes the browser load (every script and stylesheet in its HTML and `Link` header, ' +
			'each counted once), in the bytes the server sends when the browser accepts brotli and gzip:'
	);
	lines.push('');
	lines.push('| page | status | JS kB sent (files) | CSS kB sent (files) | sent as | HTML kB (gzip -6) | goal |');
	lines.push('|---|---:|---:|---:|---|---:|---|');
	for (const p of input.weights) {
		const goal =
			p.name === 'lesson'
				? `JS < ${LESSON_JS_KB} kB: ${p.status === 200 && p.js.wire / 1024 < LESSON_JS_KB ? '**pass**' : '**FAIL**'}`
				: '';
		lines.push(
			`| ${p.name} | ${p.status} | ${kb(p.js.wire)} (${p.js.files}) | ${kb(p.css.wire)} (${p.css.files}) | ` +
				`${p.encodings.join(', ') || '–'} | ${kb(p.htmlGzip)} | ${goal} |`
		);
	}
	if (input.plans.length > 0) {
		lines.push('');
		lines.push(
			'Queries of one request of each page, traced in the server (bench/sql-trace.js) after the measured runs, ' +
				'with `EXPLAIN QUERY PLAN` on this database (identical statements merged; ms is the time in SQLite):'
		);
		for (const q of input.plans) {
			const scans = q.statements.flatMap((st) => st.scans);
			lines.push('');
			lines.push(
				`- **${q.name}** \`${q.path}\` (${q.status}): ${q.statements.reduce((a, st) => a + st.runs, 0)} statements, ` +
					`${q.dbMs.toFixed(1)} ms in SQLite; ${scans.length === 0 ? 'no full scan' : `full scans: ${scans.join('; ')}`}`
			);
			for (const st of q.statements) {
				lines.push('  ```');
				lines.push(
					`  ${st.runs > 1 ? `[${st.runs}×] ` : ''}${st.sql.length > 400 ? st.sql.slice(0, 400) + ' …' : st.sql}  -- ${st.ms.toFixed(2)} ms`
				);
				for (const step of st.plan) lines.push(`    ${step}`);
				lines.push('  ```');
			}
		}
	}
	lines.push('');
	lines.push(
		`Command: \`npm run bench -- --size ${args.size}` +
			(args.duration !== 10 ? ` --duration ${args.duration}` : '') +
			(args.connections !== 100 ? ` --connections ${args.connections}` : '') +
			(args.only ? ` --only "${args.only}"` : '') +
			(args.nodeFlags.length > 0 ? ` --node-flags "${args.nodeFlags.join(' ')}"` : '') +
			'`'
	);
	return { text: lines.join('\n'), json: { ...input, ratio, peakRss: peak } };
}
