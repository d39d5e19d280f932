/**
 * Browser tests against the production build, on a port and a database of their own: a fresh embedded
 * PostgreSQL in a temporary folder, or, when DATABASE_URL is set, a database `uade_e2e` recreated on
 * that server. The development database is never touched.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { findFreePort } from '~/db/tooling/embedded-postgres.server'
import { createDatabaseOnServer } from '~/test/database-server'
import { startScript } from './lib/start-script'

const { DATABASE_URL } = startScript()
const env: NodeJS.ProcessEnv = { ...process.env, E2E_PORT: String(await findFreePort()) }
let dataRoot: string | undefined
if (DATABASE_URL) {
	const server = new URL(DATABASE_URL)
	server.pathname = ''
	env.DATABASE_URL = await createDatabaseOnServer(server.toString().replace(/\/$/, ''), 'uade_e2e', {
		replace: true,
	})
} else {
	dataRoot = await mkdtemp(path.join(os.tmpdir(), 'uade-e2e-'))
	env.UADE_DATA_DIR = path.join(dataRoot, 'postgres')
	env.UADE_DB_PORT = String(await findFreePort())
}
// The e2e server's own database, for specs that add data straight to it (the server migrates and seeds it
// when it starts). The embedded server's address is fixed by the two settings above.
env.E2E_DATABASE_URL = env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${env.UADE_DB_PORT}/uade`

const playwright = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env,
})
if (dataRoot) await rm(dataRoot, { recursive: true, force: true })
process.exit(playwright.status ?? 1)
