/**
 * `npm start`: builds when the build is missing or stale, opens the database (embedded unless
 * DATABASE_URL is set), migrates, seeds an empty database, and serves the production build on PORT.
 * Ctrl-C or SIGTERM stops taking requests, answers those in flight (up to 10 s), then closes the database
 * and stops the embedded one. An embedded PostgreSQL that dies is restarted (at most 5 times in 10
 * minutes, then npm start gives up and exits with code 1); while it is down the site answers 503s and
 * cached pages (app/server/outage.server.ts). The embedded server is stopped on every way out: a signal,
 * a failed start, an uncaught error.
 */
import type { Server } from 'node:http'
import type { Database } from '~/db/tooling/database.server'
import { readMigrations } from '~/db/tooling/migrate.server'
import { buildIfStale } from './lib/build'
import { prepareDatabase } from './lib/prepare-database'
import { ensureSessionSecret } from './lib/session-secret'
import { startScript } from './lib/start-script'

const startedAt = performance.now()
const log = (line: string) => console.log(`[uade] ${line}`)
process.env.NODE_ENV = 'production'
const { PORT: port } = startScript()

// Filled in as they start, for a shutdown that may come at any moment.
const started: { database?: Database; server?: Server } = {}
let stopping = false
/**
 * Stops in order: no new requests, those in flight answered (at most drainDeadlineMs), the pool closed,
 * the embedded server stopped. Before the database is open (a signal while building or migrating), the
 * exit itself stops a half-started embedded server (embedded-postgres.server.ts's exit hook).
 */
async function shutdown(cause: string, exitCode = 0) {
	if (stopping) return
	stopping = true
	const { database, server } = started
	if (!database) process.exit(exitCode || 1)
	log(`${cause}: closing the server${database.embedded ? ' and the embedded database' : ''}…`)
	try {
		if (server) {
			const { drain, drainDeadlineMs } = await import('~/server/drain.server')
			if (!(await drain(server)))
				log(`Requests still in flight after ${drainDeadlineMs / 1000} s were cut off.`)
			const { getPrisma } = await import('~/db/prisma.server')
			await getPrisma().$disconnect()
		}
	} finally {
		// Whatever went wrong above, the embedded server does not outlive npm start.
		await database.stop()
	}
	log('Stopped.')
	process.exit(exitCode)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

ensureSessionSecret(log)
await buildIfStale(log)

const database = await prepareDatabase(log, {
	supervise: {
		maxRestarts: 5,
		windowMs: 10 * 60_000,
		log: (line) => console.error(`[uade] ${line}`),
		onGiveUp: (reason) => {
			console.error(`[uade] ${reason} Stopping.`)
			void shutdown('The embedded PostgreSQL is gone', 1)
		},
	},
})
started.database = database
process.env.DATABASE_URL = database.url

const { createHttpApp, loadServerBuild } = await import('~/server/http.server')
const migrations = (await readMigrations()).map((migration) => migration.name)
const server = createHttpApp(await loadServerBuild(), { migrations }).listen(port, () => {
	log(`Ready in ${Math.round(performance.now() - startedAt)} ms: http://localhost:${port}`)
})
server.on('error', async (error: NodeJS.ErrnoException) => {
	console.error(
		error.code === 'EADDRINUSE' ? `[uade] Port ${port} is in use: set PORT to another port.` : error,
	)
	await database.stop()
	process.exit(1)
})
started.server = server
