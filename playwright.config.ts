import { defineConfig, devices } from '@playwright/test'

// scripts/test-e2e.ts sets these to a port and a database of the browser tests' own.
const port = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://localhost:${port}`

// The whole-story tests change the seeded platform (a status, a figure) that other tests read as seeded
// (every pledge unrated, a stable ETag): they run once, after all of those.
const storySpecs = /evidence-workflow\.spec\.ts$/

export default defineConfig({
	testDir: 'e2e',
	// Not test-results/ itself: Playwright empties its output folder, and scripts/test.ts keeps reports there.
	outputDir: 'test-results/e2e-artifacts',
	fullyParallel: true,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	workers: 2,
	timeout: 30_000,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
		baseURL,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run',
			],
		},
	},
	projects: [
		{ name: 'desktop', use: { ...devices['Desktop Chrome'] }, testIgnore: storySpecs },
		{ name: 'phone', use: { ...devices['Pixel 7'] }, testIgnore: storySpecs },
		{
			name: 'story',
			use: { ...devices['Desktop Chrome'] },
			testMatch: storySpecs,
			dependencies: ['desktop', 'phone'],
		},
	],
	webServer: {
		command: 'node --import tsx scripts/start.ts',
		url: baseURL,
		reuseExistingServer: false,
		timeout: 240_000,
		stdout: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		env: { PORT: String(port) },
	},
})
