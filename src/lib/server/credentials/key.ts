// The academy's Ed25519 signing key. Given by AKADEMIA_ISSUER_KEY (the JSON below), or kept in issuer-key.json in
// the data folder next to the database, generated there on first start (owner-only permissions). It is never
// committed (data/ is ignored) and is backed up with the database (scripts/backup.js, docs/OPERATIONS.md): losing
// it means credentials already handed out can no longer be checked against the published key.
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { getDb } from '../db';

export const ISSUER_KEY_ENV = 'AKADEMIA_ISSUER_KEY';
export const ISSUER_KEY_FILE = 'issuer-key.json';

interface StoredKey {
	publicKeyMultibase: string;
	secretKeyMultibase: string;
}

/** Where the key file lives: beside the open database file; null for an in-memory database (tests: key in memory). */
export function issuerKeyPath(dbPath: string = getDb().$client.name): string | null {
	return dbPath === ':memory:' ? null : join(dirname(resolve(dbPath)), ISSUER_KEY_FILE);
}

function parseStored(json: string, from: string): StoredKey {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		throw new Error(`${from}: not JSON`);
	}
	const key = value as Partial<StoredKey>;
	if (typeof key?.publicKeyMultibase !== 'string' || typeof key?.secretKeyMultibase !== 'string') {
		throw new Error(`${from}: needs "publicKeyMultibase" and "secretKeyMultibase"`);
	}
	return { publicKeyMultibase: key.publicKeyMultibase, secretKeyMultibase: key.secretKeyMultibase };
}

async function generateStored(): Promise<StoredKey> {
	const pair = await Ed25519Multikey.generate();
	return { publicKeyMultibase: pair.publicKeyMultibase, secretKeyMultibase: pair.secretKeyMultibase! };
}

/** Reads the key file, or creates it if there is none (never overwrites: a second process reads the first's key). */
async function fromFile(path: string): Promise<StoredKey> {
	try {
		return parseStored(readFileSync(path, 'utf8'), path);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	const fresh = await generateStored();
	try {
		writeFileSync(path, JSON.stringify(fresh, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
		console.info(`[credentials] generated the academy's signing key in ${path}; back it up with the database`);
		return fresh;
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		return parseStored(readFileSync(path, 'utf8'), path);
	}
}

let stored: Promise<StoredKey> | undefined;

/** The key's public and secret parts, loaded (or generated) once per process. */
export function issuerKeyMaterial(): Promise<StoredKey> {
	stored ??= (async () => {
		const env = process.env[ISSUER_KEY_ENV];
		if (env) return parseStored(env, ISSUER_KEY_ENV);
		const path = issuerKeyPath();
		return path ? fromFile(path) : generateStored();
	})();
	stored.catch(() => (stored = undefined));
	return stored;
}

/** The signing key pair as a Multikey with the given verification method id and controller. */
export async function issuerKeyPair(id: string, controller: string): Promise<Ed25519Multikey.Ed25519KeyPair> {
	const key = await issuerKeyMaterial();
	return Ed25519Multikey.from({ type: 'Multikey', id, controller, ...key });
}

/** Tests: forget the loaded key (the next call reads the environment and the file again). */
export function resetIssuerKeyForTests() {
	stored = undefined;
}
