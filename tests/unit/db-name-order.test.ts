import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { comparePeople } from '../../src/lib/server/db/name-order';
import { openDatabase } from '../../src/lib/server/db';

const NAMES = [
	'Żaneta Abacka',
	'Adam Łoś',
	'Celina Czyż',
	'Łucja Żółkiewska-Gęślak',
	'Bartosz Lis',
	'Ewa Ćwik',
	'Anna Lis',
	'Zenon Śliwa',
	'Olga Sowa',
	'Jan Nowak',
	'Jan Nowakowski'
];
const EXPECTED = [
	'Żaneta Abacka',
	'Celina Czyż',
	'Ewa Ćwik',
	'Anna Lis',
	'Bartosz Lis',
	'Adam Łoś',
	'Jan Nowak',
	'Jan Nowakowski',
	'Olga Sowa',
	'Zenon Śliwa',
	'Łucja Żółkiewska-Gęślak'
];

describe('people sort the Polish way, by surname then first name', () => {
	it('in JavaScript', () => {
		expect([...NAMES].sort(comparePeople)).toEqual(EXPECTED);
		expect(comparePeople('Anna Müller', 'Anna Mazur')).toBeGreaterThan(0);
	});

	it('in SQL, through pl_name_key() on every connection', () => {
		const db = openDatabase(':memory:');
		db.run(sql`CREATE TABLE people (name TEXT)`);
		for (const name of NAMES) db.run(sql`INSERT INTO people VALUES (${name})`);
		const rows = db.all<{ name: string }>(sql`SELECT name FROM people ORDER BY pl_name_key(name)`);
		expect(rows.map((r) => r.name)).toEqual(EXPECTED);
	});
});
