import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium when present (npx playwright install cannot download here); root needs --no-sandbox.
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'pl-PL',
		trace: 'retain-on-failure',
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command: 'node tests/e2e/serve.js',
		port: PORT,
		reuseExistingServer: false,
		timeout: 120_000,
		env: {
			PORT: String(PORT),
			DATABASE_URL: `test-results/e2e-${PORT}.db`,
			AKADEMIA_DEMO: '1',
			ORIGIN: `http://localhost:${PORT}`
		}
	}
});
