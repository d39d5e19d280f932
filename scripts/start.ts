/**
 * `npm start`: builds when the build is missing or stale, opens the database (embedded unless
 * DATABASE_URL is set), migrates, seeds an empty database, and serves the production build on PORT.
 * Ctrl-C or SIGTERM stops taking requests, answers those in flight (up to 10 s), then closes the database
 * and stops the embedded one. Its lines go through the app's logger (app/server/log.server.ts): readable
 * in a terminal, JSON lines otherwise.
 */
import { readMigrations } from '~/db/tooling/migrate.server'
import { flushErrorReports, logger } from '~/server/log.server'
import { buildIfStale } from './lib/build'
import { prepareDatabase } from './lib/prepare-database'
import { requirePublicUrl } from './lib/public-url'
import { ensureSessionSecret } from './lib/session-secret'
import { startScript } from './lib/start-script'

const startedAt = performance.now()
const log = (line: string) => logger().info(line)
process.env.NODE_ENV = 'production'
const { PORT: port } = startScript()
ensureSessionSecret(log)
requirePublicUrl()

await buildIfStale(log)

const database = await prepareDatabase(log)
// The server's queries run as the app role, which cannot alter tables (ADR 010).
process.env.DATABASE_URL = database.appUrl

const { createHttpApp, loadServerBuild } = await import('~/server/http.server')
const { getPrisma } = await import('~/db/prisma.server')
const { drain, drainDeadlineMs } = await import('~/server/drain.server')
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

let stopping = false
async function shutdown(signal: string) {
	if (stopping) return
	stopping = true
	log(`${signal}: closing the server${database.embedded ? ' and the embedded database' : ''}…`)
	// Requests in flight are answered before the database goes (at most drainDeadlineMs).
	if (!(await drain(server))) log(`Requests still in flight after ${drainDeadlineMs / 1000} s were cut off.`)
	await getPrisma().$disconnect()
	await database.stop()
	// Repetitions of an error still being counted are told before the process goes.
	flushErrorReports()
	log('Stopped.')
	process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
