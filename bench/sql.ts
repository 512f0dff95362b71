// Raw prepared INSERTs named by the Drizzle schema's property names, so a renamed column breaks loudly here
// instead of silently drifting (and the generator keeps better-sqlite3's speed).
import type Database from 'better-sqlite3';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';

export function insertInto<T extends SQLiteTable>(
	client: Database.Database,
	table: T,
	keys: (keyof T['$inferInsert'] & string)[]
): Database.Statement {
	const config = getTableConfig(table);
	const columns = keys.map((key) => {
		const column = (table as unknown as Record<string, { name: string } | undefined>)[key];
		if (!column) throw new Error(`${config.name} has no property ${key}`);
		return `"${column.name}"`;
	});
	return client.prepare(
		`INSERT INTO "${config.name}" (${columns.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`
	);
}
