// Prints where a V8 CPU profile (from `npm run bench -- --profile`) spent its time: self time by function and
// by package/file, so a slow scenario's cause can be named. Usage: npx tsx bench/profile-top.ts <file.cpuprofile>
import { readFileSync } from 'node:fs';

interface Node {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount: number;
}
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { nodes: Node[]; samples: number[] };
const total = profile.samples.length;
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
	const { functionName, url, lineNumber } = node.callFrame;
	const file = url
		.replace(/^file:\/\//, '')
		.replace(/^.*node_modules\//, 'npm:')
		.replace(process.cwd() + '/', '');
	const fn = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
	byFunction.set(fn, (byFunction.get(fn) ?? 0) + node.hitCount);
	const key = file.startsWith('npm:')
		? file
				.split('/')
				.slice(0, file.startsWith('npm:@') ? 2 : 1)
				.join('/')
		: file || functionName;
	byFile.set(key, (byFile.get(key) ?? 0) + node.hitCount);
}
const top = (map: Map<string, number>, n: number) =>
	[...map.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`)
		.join('\n');
console.log(`${total} samples\n\nby file or package:\n${top(byFile, 25)}\n\nby function:\n${top(byFunction, 30)}`);
