// Creates the first administrator on a production database: `npm run create-admin -- --email a@b.pl --name "Imię Nazwisko"`.
// The password is read from ADMIN_PASSWORD or typed at the prompt (never from the command line, so it stays out of shell history).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { hashPassword, PASSWORD_MIN_LENGTH } from '../src/lib/server/auth/password';
import { openDatabase } from '../src/lib/server/db';
import { users } from '../src/lib/server/db/schema';
import { randomId } from '../src/lib/server/ids';

const { values } = parseArgs({
	options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string', default: '' } }
});
if (!values.email || !values.name || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
	console.error(
		'Usage: npm run create-admin -- --email admin@urzad.gov.pl --name "Imię Nazwisko" [--organisation "Urząd"]'
	);
	process.exit(2);
}
let password = process.env.ADMIN_PASSWORD;
if (!password) {
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	password = await rl.question(`Password (at least ${PASSWORD_MIN_LENGTH} characters): `);
	rl.close();
}
if (password.length < PASSWORD_MIN_LENGTH) {
	console.error(`The password must have at least ${PASSWORD_MIN_LENGTH} characters.`);
	process.exit(2);
}
const db = openDatabase();
const email = values.email.toLowerCase();
if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
	console.error(`An account with ${email} already exists.`);
	process.exit(1);
}
db.insert(users)
	.values({
		id: randomId(),
		email,
		name: values.name,
		organisation: values.organisation ?? '',
		role: 'admin',
		passwordHash: await hashPassword(password)
	})
	.run();
console.info(`Administrator ${email} created.`);
