// Each test file gets its own in-memory database, migrated like production.
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, setDb } from '$lib/server/db';

beforeAll(() => {
	setDb(openDatabase(':memory:'));
});

afterAll(() => {
	setDb(undefined);
});
