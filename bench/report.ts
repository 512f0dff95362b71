// The one table `npm run bench` prints (markdown, so docs/PERFORMANCE.md can quote it as it is) and its JSON.
import type { BenchArgs } from './args';
import type { QueryPlan } from './explain';
import type { GenerateResult } from './generate';
import type { PageWeight } from './page-weight';
import type { LoadResult } from './processes';

export interface ScenarioResult {
	name: string;
	group: number;
	goal?: string;
	load?: LoadResult;
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
			`${n0(input.data.responses)} responses, ${n0(input.data.certificates)} certificates ` +
			`(generated in ${n1(input.data.milliseconds / 1000)} s).`
	);
	lines.push('');
	lines.push('| # | scenario | requests | req/s | p50 ms | p99 ms | failed | server CPU ms/req | peak RSS MB | goal |');
	lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
	for (const r of results) {
		if (!r.load) {
			lines.push(`| ${r.group} | ${r.name} | – | – | – | – | – | – | – | ${r.skipped ?? ''} |`);
			continue;
		}
		const l = r.load;
		lines.push(
			`| ${r.group} | ${r.name} | ${n0(l.requests)} | ${n0(l.rps)} | ${l.p50} | ${l.p99} | ${n0(failures(l))} | ` +
				`${r.cpuPerRequest != null ? r.cpuPerRequest.toFixed(2) : '–'} | ` +
				`${r.rssPeak ? n0(r.rssPeak) : '–'} | ${r.goal ?? ''} |`
		);
	}
	for (const r of results) {
		if (!r.background) continue;
		const b = r.background.load;
		lines.push(
			'',
			`Beside "${r.name}": ${r.background.name}, ${n0(b.requests)} answered (${b.rps.toFixed(1)}/s), p50 ${b.p50} ms, ` +
				`p99 ${b.p99} ms, max ${b.max} ms, ${n0(failures(b))} failed (the CPU column of that row includes these).`
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
	lines.push('| page | status | JS gzip kB (files) | CSS gzip kB (files) | HTML gzip kB |');
	lines.push('|---|---:|---:|---:|---:|');
	for (const p of input.weights) {
		lines.push(
			`| ${p.name} | ${p.status} | ${kb(p.jsGzip)} (${p.jsFiles}) | ${kb(p.cssGzip)} (${p.cssFiles}) | ${kb(p.htmlGzip)} |`
		);
	}
	if (input.plans.length > 0) {
		lines.push('');
		lines.push(
			'Trainer reports called in-process on this database (median of 5 calls), with the plan of each statement:'
		);
		for (const q of input.plans) {
			lines.push('');
			lines.push(`- ${q.name}: ${q.ms.toFixed(1)} ms`);
			for (const st of q.statements) {
				lines.push('  ```');
				lines.push(`  ${st.sql.length > 400 ? st.sql.slice(0, 400) + ' …' : st.sql}`);
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
