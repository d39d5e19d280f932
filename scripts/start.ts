/**
 * `npm start`: builds when the build is missing or stale, opens the database (embedded unless
 * DATABASE_URL is set), migrates, seeds an empty database, and serves the production build on PORT.
 * Ctrl-C or SIGTERM stops taking requests, answers those in flight (up to 10 s), then closes the database
 * and stops the embedded one. An embedded PostgreSQL that dies is restarted (at most 5 times in 10
 * minutes, then npm start gives up and exits with code 1); while it is down the site answers 503s and
 * cached pages (app/server/outage.server.ts). The embedded server is stopped on every way out: a signal,
 * a failed start, an uncaught error. Its lines go through the app's logger (app/server/log.server.ts):
 * readable in a terminal, JSON lines otherwise.
 */
import type { Server } from 'node:http'
import { readMigrations } from '~/db/tooling/migrate.server'
import { flushErrorReports, keepPasswordOutOfLogs, logger } from '~/server/log.server'
import { buildIfStale } from './lib/build'
import { prepareDatabase, type PreparedDatabase } from './lib/prepare-database'
import { proxyTrustWarning, requirePublicUrl } from './lib/public-url'
import { ensureSessionSecret } from './lib/session-secret'
import { startScript } from './lib/start-script'

const startedAt = performance.now()
const log = (line: string) => logger().info(line)
process.env.NODE_ENV = 'production'
const { PORT: port } = startScript()

// Filled in as they start, for a shutdown that may come at any moment.
const started: { database?: PreparedDatabase; server?: Server } = {}
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
	// Repetitions of an error still being counted are told before the process goes.
	flushErrorReports()
	log('Stopped.')
	process.exit(exitCode)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

ensureSessionSecret(log)
requirePublicUrl()
const proxyWarning = proxyTrustWarning()
if (proxyWarning) logger().warn(proxyWarning)
await buildIfStale(log)

const database = await prepareDatabase(log, {
	supervise: {
		maxRestarts: 5,
		windowMs: 10 * 60_000,
		log: (line) => logger().warn(line),
		onGiveUp: (reason) => {
			logger().fatal(`${reason} Stopping.`)
			void shutdown('The embedded PostgreSQL is gone', 1)
		},
	},
})
started.database = database
// The server's queries run as the app role, which cannot alter tables (ADR 010); the owner's password,
// out of the environment now, stays out of the log.
keepPasswordOutOfLogs(database.url)
process.env.DATABASE_URL = database.appUrl

const { createHttpApp, loadServerBuild } = await import('~/server/http.server')
const migrations = (await readMigrations()).map((migration) => migration.name)
const server = createHttpApp(await loadServerBuild(), { migrations }).listen(port, () => {
	log(`Ready in ${Math.round(performance.now() - startedAt)} ms: http://localhost:${port}`)
})
server.on('error', async (error: NodeJS.ErrnoException) => {
	if (error.code === 'EADDRINUSE') logger().fatal(`Port ${port} is in use: set PORT to another port.`)
	else logger().fatal({ err: error }, `The server could not listen on port ${port}`)
	await database.stop()
	process.exit(1)
})
started.server = server
