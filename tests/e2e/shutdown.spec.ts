import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SERVER_GLIBC_TUNABLES, SERVER_NODE_FLAGS } from '../../scripts/serve.js';
import { gotoReady, signIn } from './helpers';

// adapter-node stops on SIGTERM by closing the server and letting the process end by itself: anything left
// ref'd (a timer, a worker) turns `docker stop` into a SIGKILL after its grace period. The certificate PDF
// worker once did. This starts a second server of the same build through the production launcher
// (scripts/serve.js, which replaces its own process), prints a certificate and stops it.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 1;
const ORIGIN = `http://localhost:${PORT}`;

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (await check().catch(() => false)) return true;
		await new Promise((r) => setTimeout(r, 100));
	}
	return false;
}

test('the server started as in production has its memory settings and exits on SIGTERM after a certificate', async ({
	browser
}) => {
	const server = spawn(process.execPath, ['tests/e2e/serve.js'], {
		env: {
			...process.env,
			PORT: String(PORT),
			DATABASE_URL: `test-results/shutdown-${PORT}.db`,
			AKADEMIA_DEMO: '1',
			ORIGIN
		},
		stdio: 'ignore'
	});
	let exited = false;
	server.once('exit', () => (exited = true));
	try {
		expect(await until(async () => (await fetch(`${ORIGIN}/login`)).ok, 60_000)).toBe(true);
		// The launcher became the server itself (same pid), with the flags and malloc settings it exists for.
		const cmdline = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
		expect(cmdline.slice(1, 1 + SERVER_NODE_FLAGS.length)).toEqual(SERVER_NODE_FLAGS);
		expect(cmdline.at(-1)).toMatch(/build\/index\.js$/);
		// (A value with several settings shows its ':' as NULs here: glibc cuts it in place as it reads it.)
		const environ = readFileSync(`/proc/${server.pid}/environ`, 'utf8').replaceAll('\0', ':');
		expect(environ).toContain(`:GLIBC_TUNABLES=${SERVER_GLIBC_TUNABLES}:`);
		const context = await browser.newContext({ baseURL: ORIGIN });
		const page = await context.newPage();
		await signIn(page, 'absolwentka@akademia.test');
		await gotoReady(page, '/certificates');
		// A fresh demo graduate confirms the spelling of her name before the first download.
		await page.getByRole('button', { name: 'Potwierdź pisownię' }).click();
		await expect(page.getByRole('status')).toContainText('Pisownia potwierdzona');
		const href = await page.getByRole('link', { name: 'Pobierz zaświadczenie (PDF)' }).getAttribute('href');
		const pdf = await page.request.get(href!);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
		await context.close();

		server.kill('SIGTERM');
		expect(await until(async () => exited, 10_000)).toBe(true);
	} finally {
		if (!exited) server.kill('SIGKILL');
	}
});
