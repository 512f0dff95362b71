// Quick start: `npm start` builds the app if there is no build yet, migrates the SQLite file, seeds the demo
// accounts into an empty database, and serves on PORT (3000). Production runs `node scripts/serve.js` instead (no demo data).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

process.env.PORT ??= '3000';
process.env.DATABASE_URL ??= 'data/akademia.db';
process.env.AKADEMIA_DEMO ??= '1';
// Staff-list imports take files up to 1 MB (adapter-node accepts 512 kB by default).
process.env.BODY_SIZE_LIMIT ??= '2M';

if (!existsSync('build/index.js')) {
	console.info('[start] no build yet: building the app (about a minute)…');
	execSync('npm run build', { stdio: 'inherit' });
}
console.info(`[start] Akademia on http://localhost:${process.env.PORT} (database ${process.env.DATABASE_URL})`);
// Through the production launcher: the same memory settings (scripts/serve.js).
await (await import('./serve.js')).serve();
