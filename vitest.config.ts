import { defineConfig } from 'vitest/config'

// Separate from vite.config.ts: the Remix plugin is for the app build, not for tests.
export default defineConfig({
	resolve: {
		alias: { '~': new URL('./app', import.meta.url).pathname },
	},
	test: {
		include: ['app/**/*.test.ts', 'scripts/**/*.test.ts', 'prisma/**/*.test.ts'],
		globalSetup: ['./app/test/global-setup.ts'],
		// A fixed fast-check seed for every property test (app/test/setup.ts).
		setupFiles: ['./app/test/setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
	},
})
