import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from '$lib/server/db/statement-cache';

const items = sqliteTable('items', { id: integer('id').primaryKey(), name: text('name').notNull() });

function database(size?: number) {
	const client = new Database(':memory:');
	cacheStatements(client, size);
	client.exec('create table items (id integer primary key, name text not null)');
	client.exec("insert into items values (1, 'Łódź'), (2, 'Żnin')");
	return { client, db: drizzle(client) };
}

describe('statement cache', () => {
	it('compiles one statement per SQL text and hands it out again', () => {
		const { client } = database();
		const first = client.prepare('select name from items where id = ?');
		expect(client.prepare('select name from items where id = ?')).toBe(first);
		expect(client.prepare('select id from items where id = ?')).not.toBe(first);
	});

	it('a statement shared with a raw-mode Drizzle query still answers objects to plain callers', () => {
		const { client, db } = database();
		// Drizzle maps the columns of a select itself, from rows in raw mode (arrays).
		const query = db.select().from(items).where(eq(items.id, 1));
		expect(query.get()).toEqual({ id: 1, name: 'Łódź' });
		const shared = client.prepare(query.toSQL().sql);
		expect(client.prepare(query.toSQL().sql)).toBe(shared);
		expect(shared.get(2)).toEqual({ id: 2, name: 'Żnin' });
		expect(db.select().from(items).where(eq(items.id, 2)).get()).toEqual({ id: 2, name: 'Żnin' });
		expect(db.all(sql`select name from items order by id`)).toEqual([{ name: 'Łódź' }, { name: 'Żnin' }]);
		// Writes (no rows to return) go through it too.
		db.insert(items).values({ id: 3, name: 'Kęty' }).run();
		db.insert(items).values({ id: 4, name: 'Łęczyca' }).run();
		expect(
			db
				.select({ n: sql<number>`count(*)` })
				.from(items)
				.get()
		).toEqual({ n: 4 });
	});

	it('keeps at most `size` statements, dropping the one used longest ago', () => {
		const { client } = database(2);
		const a = client.prepare('select 1');
		const b = client.prepare('select 2');
		expect(client.prepare('select 1')).toBe(a);
		client.prepare('select 3');
		expect(client.prepare('select 1')).toBe(a);
		expect(client.prepare('select 2')).not.toBe(b);
	});
});
