// Applies the migrations in drizzle/ to DATABASE_URL (the server also does this at start).
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { exitOnUnsupportedNode } from '../src/lib/server/db/supported-node.js';

exitOnUnsupportedNode();
const path = process.env.DATABASE_URL?.replace(/^file:/, '') || 'data/akademia.db';
mkdirSync(dirname(path), { recursive: true });
migrate(drizzle(new Database(path)), { migrationsFolder: 'drizzle' });
console.info(`Migrated ${path}`);
