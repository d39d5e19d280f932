/**
 * The browser tests' servers: one production server per Playwright worker slot, each on a database of its
 * own, so that a test never reads what a test in another worker is writing at the same moment (an ETag,
 * a count, the audit log). scripts/test-e2e.ts makes them and describes them in E2E_SERVERS;
 * playwright.config.ts starts them; e2e/support/fixtures.ts points each test at its slot's server.
 */
export type E2eServer = {
	/** The server's port on localhost. */
	port: number
	/** Its database, for tests that write records straight to it. */
	databaseUrl: string
	/** What the server process needs on top of the tests' environment to open that database. */
	env: Record<string, string>
	/**
	 * `slot`: a worker slot's server, seeded with the platform alone (UADE_SEED=platform), every pledge unrated,
	 * as the tests that rate pledges expect. `launch`: one server started as a fresh `npm start` is, with the
	 * launch dataset (the default UADE_SEED), which its tests only read. `workers`: two server processes
	 * (UADE_WORKERS=2) on a database seeded as a slot's, which only e2e/workers.spec.ts reads and writes.
	 */
	kind: 'slot' | 'launch' | 'workers'
}

export const serversVariable = 'E2E_SERVERS'

export function e2eServers(): E2eServer[] {
	const described = process.env[serversVariable]
	if (!described) {
		throw new Error(`${serversVariable} is not set: run the browser tests with \`npm run test:e2e\``)
	}
	const servers: E2eServer[] = JSON.parse(described)
	return servers
}

/** The server of a worker slot (Playwright's parallelIndex: slots that run at the same time differ). */
export function e2eServer(parallelIndex: number): E2eServer {
	const server = e2eServers().filter((each) => each.kind === 'slot')[parallelIndex]
	if (!server) throw new Error(`No browser-test server for worker slot ${parallelIndex}`)
	return server
}

export function serverUrl(server: E2eServer): string {
	return `http://localhost:${server.port}`
}

/** The server of two processes, each with a page cache of its own (e2e/workers.spec.ts). */
export function workersServer(): E2eServer {
	const server = e2eServers().find((each) => each.kind === 'workers')
	if (!server) throw new Error('No browser-test server of two processes')
	return server
}

/** The server started with the launch dataset, as a fresh `npm start` is. */
export function launchServer(): E2eServer {
	const server = e2eServers().find((each) => each.kind === 'launch')
	if (!server) throw new Error('No browser-test server with the launch dataset')
	return server
}
