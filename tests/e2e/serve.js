// Serves the production build as `npm run serve` does (scripts/serve.js), on a throw-away database (deleted first),
// with the demo accounts.
import { mkdirSync, rmSync } from 'node:fs';

const path = process.env.DATABASE_URL;
mkdirSync('test-results', { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
// A computed URL, so type-checking does not follow into the generated build.
await (await import(new URL('../../scripts/serve.js', import.meta.url).href)).serve();
