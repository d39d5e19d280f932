import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { findFreePort, startEmbeddedPostgres } from '~/db/tooling/embedded-postgres.server'
import { env } from '~/env.server'

/**
 * A PostgreSQL server for throw-away databases: DATABASE_URL's server when it is set (the caller creates
 * and drops its own databases there), otherwise a throw-away embedded one in a temporary folder on a free port.
 */
export async function openScratchServer(
	databaseUrl: string | undefined = env().DATABASE_URL,
): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
	if (databaseUrl) {
		const url = new URL(databaseUrl)
		url.pathname = ''
		url.search = ''
		return { serverUrl: url.toString().replace(/\/$/, ''), stop: async () => {} }
	}
	const dataRoot = await mkdtemp(path.join(os.tmpdir(), 'uade-scratch-'))
	const running = await startEmbeddedPostgres({
		dataDir: path.join(dataRoot, 'postgres'),
		port: await findFreePort(),
		database: 'postgres',
		persistent: false,
	})
	return {
		serverUrl: running.serverUrl,
		stop: async () => {
			await running.stop()
			await rm(dataRoot, { recursive: true, force: true })
		},
	}
}
