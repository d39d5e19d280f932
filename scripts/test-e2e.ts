/**
 * Browser tests against the production build. Each Playwright worker slot gets a server and a database of
 * its own (e2e/support/servers.ts), so a test never reads state that a test in another worker is writing:
 * a fresh embedded PostgreSQL per slot in a temporary folder, or, when DATABASE_URL is set, databases
 * `uade_e2e_<slot>` recreated on that server. The development database is never touched.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { serversVariable, type E2eServer } from '../e2e/support/servers'
import { findFreePort } from '~/db/tooling/embedded-postgres.server'
import { createDatabaseOnServer } from '~/test/database-server'
import { startScript } from './lib/start-script'

const { DATABASE_URL } = startScript()

// As many as Playwright's workers (playwright.config.ts): two, for the two cores CI has. One more server
// starts with the launch dataset, as a fresh `npm start` does (e2e/launch.spec.ts reads it), and one runs
// two server processes on a database of its own, which only e2e/workers.spec.ts reads and writes.
const slots = 2
const kinds: Array<E2eServer['kind']> = [
	...Array.from({ length: slots }, () => 'slot' as const),
	'launch',
	'workers',
]

/** What a server of a kind runs with, on top of its database's settings. */
function kindEnv(kind: E2eServer['kind']): Record<string, string> {
	switch (kind) {
		// The slots' tests read a process's own page memory.
		case 'slot':
			return { UADE_SEED: 'platform', UADE_WORKERS: '1' }
		// As npm start does: the launch dataset, one process per core.
		case 'launch':
			return { UADE_SEED: 'launch' }
		// Two processes, each with a page cache of its own, whatever the machine's cores.
		case 'workers':
			return { UADE_SEED: 'platform', UADE_WORKERS: '2' }
	}
}

// One secret for every server and for the tests, which sign their own session cookies (e2e/support/fixtures.ts).
// The servers' output goes into Playwright's: warnings and errors only, not an access line per request.
const env: NodeJS.ProcessEnv = {
	...process.env,
	SESSION_SECRET: randomBytes(48).toString('base64url'),
	UADE_LOG_LEVEL: process.env.UADE_LOG_LEVEL ?? 'warn',
}
const servers: E2eServer[] = []
// The system may hand out a port it handed out a moment ago (the probe closed it): never use one twice.
const takenPorts = new Set<number>()
async function freePort(): Promise<number> {
	for (;;) {
		const port = await findFreePort()
		if (!takenPorts.has(port)) {
			takenPorts.add(port)
			return port
		}
	}
}
let dataRoot: string | undefined
if (DATABASE_URL) {
	const server = new URL(DATABASE_URL)
	server.pathname = ''
	const serverUrl = server.toString().replace(/\/$/, '')
	for (const [index, kind] of kinds.entries()) {
		const name = kind === 'slot' ? `uade_e2e_${index}` : `uade_e2e_${kind}`
		const databaseUrl = await createDatabaseOnServer(serverUrl, name, { replace: true })
		const port = await freePort()
		// Production on a database of its own needs its public address (the tests use localhost's).
		servers.push({
			port,
			databaseUrl,
			kind,
			env: { DATABASE_URL: databaseUrl, UADE_PUBLIC_URL: `http://localhost:${port}`, ...kindEnv(kind) },
		})
	}
} else {
	dataRoot = await mkdtemp(path.join(os.tmpdir(), 'uade-e2e-'))
	// The embedded servers must not see a DATABASE_URL; each server's is fixed by its two settings.
	delete env.DATABASE_URL
	for (const [index, kind] of kinds.entries()) {
		const databasePort = await freePort()
		servers.push({
			port: await freePort(),
			databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${databasePort}/uade`,
			kind,
			env: {
				// Straight under the temporary folder: the embedded server opens only the data folder's parent to
				// the postgres user it runs as.
				UADE_DATA_DIR: path.join(dataRoot, kind === 'slot' ? `postgres-${index}` : `postgres-${kind}`),
				UADE_DB_PORT: String(databasePort),
				...kindEnv(kind),
			},
		})
	}
}
env[serversVariable] = JSON.stringify(servers)

const playwright = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env,
})
if (dataRoot) await rm(dataRoot, { recursive: true, force: true })
process.exit(playwright.status ?? 1)
