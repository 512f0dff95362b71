// Postinstall: Akademia runs on Node.js 22 or 24 (better-sqlite3 13 needs Node-API of Node 22+; Node 20 is past
// its end of life). On a machine whose own Node is older, fetch Node 24 from the npm registry as the package
// `node-<platform>-<arch>` and link it as node_modules/.bin/node: npm puts node_modules/.bin first on the PATH of
// every `npm run` script, so `npm start`, `npm test`, vitest and Playwright all run on it. On Node 22 or 24 this
// does nothing and downloads nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RUNTIME_VERSION = '24.22.3';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 22) {
	process.exit(0);
}

const pkg = `node-${process.platform}-${process.arch}`;
const prefix = join(root, 'node_modules', '.akademia-node');
const binary = join(prefix, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
const link = join(root, 'node_modules', '.bin', 'node');

if (!existsSync(binary)) {
	console.info(
		`[akademia] Node ${process.versions.node} is not supported; installing Node ${RUNTIME_VERSION} (${pkg}) from the npm registry into node_modules`
	);
	mkdirSync(prefix, { recursive: true });
	execFileSync(
		process.platform === 'win32' ? 'npm.cmd' : 'npm',
		[
			'install',
			'--prefix',
			prefix,
			'--no-save',
			'--no-package-lock',
			'--no-audit',
			'--no-fund',
			'--ignore-scripts',
			`${pkg}@${RUNTIME_VERSION}`
		],
		{ stdio: 'inherit' }
	);
}
mkdirSync(dirname(link), { recursive: true });
rmSync(link, { force: true });
symlinkSync(relative(dirname(link), binary), link);
console.info(
	`[akademia] npm scripts will run on ${execFileSync(link, ['--version']).toString().trim()} (node_modules/.bin/node)`
);
