import { defineConfig, devices } from '@playwright/test'
import { e2eServers, serversVariable, serverUrl } from './e2e/support/servers'

// One server and database per worker slot, made by scripts/test-e2e.ts (none when Playwright is only
// asked to list or report): a test reads site-wide state (an ETag, counts, the audit log) of its own
// database, which only the tests of its own slot, one at a time, write to. Tests reach their slot's
// server through the fixtures of e2e/support/fixtures.ts, which set baseURL.
const servers = process.env[serversVariable] ? e2eServers() : []

// The whole-story tests change the seeded platform (a status, a figure) or its review queue, which other
// tests read as seeded (every pledge unrated): they run once, after all of those.
const storySpecs = /(evidence-workflow|staff-russian)\.spec\.ts$/

export default defineConfig({
	testDir: 'e2e',
	// Not test-results/ itself: Playwright empties its output folder, and scripts/test.ts keeps reports there.
	outputDir: 'test-results/e2e-artifacts',
	fullyParallel: true,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	workers: Math.max(servers.filter((server) => server.kind === 'slot').length, 1),
	timeout: 30_000,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
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
	// Started one after the other: the first builds when the build is stale, the others find it fresh.
	webServer: servers.map((server, slot) => ({
		name: `server ${slot}`,
		// A deprecated call (the pg driver's among them) throws, so a page that reaches one fails its test.
		command: 'node --throw-deprecation --import tsx scripts/start.ts',
		url: serverUrl(server),
		reuseExistingServer: false,
		timeout: 240_000,
		stdout: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		env: { ...server.env, PORT: String(server.port) },
	})),
})
