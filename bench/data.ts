// `npm run bench:data -- --size 10000 --db /tmp/bench.db`: writes the benchmark data set into a new database.
import { existsSync, rmSync } from 'node:fs';
import { openDatabase } from '../src/lib/server/db';
import { generateDataset } from './generate';
import { parseArgs } from './args';

const args = parseArgs(process.argv.slice(2));
if (existsSync(args.db) && !args.force) {
	console.error(`${args.db} exists; pass --force to replace it`);
	process.exit(1);
}
for (const suffix of ['', '-wal', '-shm']) rmSync(args.db + suffix, { force: true });
const db = openDatabase(args.db);
const result = generateDataset(db.$client, { size: args.size, seed: args.seed });
db.$client.close();
console.info(`[bench:data] ${args.db}`);
console.table(result);
