/**
 * `npm start`: builds when the build is missing or stale, opens the database (embedded unless
 * DATABASE_URL is set), migrates, seeds an empty database, and serves the production build on PORT from
 * UADE_WORKERS server processes (node:cluster; one per core by default, sharing the port), each with its
 * own page cache kept current by the database's notifications (scripts/lib/serve.ts). A worker that dies
 * is replaced. Ctrl-C or SIGTERM stops every worker taking requests, answers those in flight (up to 10 s),
 * then closes the database and stops the embedded one. An embedded PostgreSQL that dies is restarted (at most 5 times in 10
 * minutes, then npm start gives up and exits with code 1); while it is down the site answers 503s and
 * cached pages (app/server/outage.server.ts). The embedded server is stopped on every way out: a signal,
 * a failed start, an uncaught error. Its lines go through the app's logger (app/server/log.server.ts):
 * readable in a terminal, JSON lines otherwise.
 */
import cluster, { type Worker } from 'node:cluster'
import { env } from '~/env.server'
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

if (cluster.isWorker) await runWorker()
else await runPrimary()

/** A worker: serves until told to stop (SIGTERM from the primary, or Ctrl-C's SIGINT to the whole group). */
async function runWorker() {
	const { serve } = await import('./lib/serve')
	let serving: Awaited<ReturnType<typeof serve>>
	try {
		serving = await serve(port)
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code
		if (code === 'EADDRINUSE') logger().fatal(`Port ${port} is in use: set PORT to another port.`)
		else logger().fatal({ err: error }, `The server could not listen on port ${port}`)
		flushErrorReports()
		process.exit(1)
	}
	let stopping = false
	const stop = async () => {
		if (stopping) return
		stopping = true
		const { drainDeadlineMs } = await import('~/server/drain.server')
		if (!(await serving.stop()))
			log(`Requests still in flight after ${drainDeadlineMs / 1000} s were cut off.`)
		flushErrorReports()
		process.exit(0)
	}
	process.on('SIGTERM', () => void stop())
	process.on('SIGINT', () => void stop())
}

async function runPrimary() {
	// Filled in as they start, for a shutdown that may come at any moment.
	const started: { database?: PreparedDatabase; workers: Set<Worker> } = { workers: new Set() }
	let stopping = false
	/**
	 * Stops in order: every worker drains (no new requests, those in flight answered, at most
	 * drainDeadlineMs) and exits, then the embedded server stops. Before the database is open (a signal while
	 * building or migrating), the exit itself stops a half-started embedded server (embedded-postgres.server.ts's
	 * exit hook).
	 */
	async function shutdown(cause: string, exitCode = 0) {
		if (stopping) return
		stopping = true
		const { database, workers } = started
		if (!database) process.exit(exitCode || 1)
		log(`${cause}: closing the server${database.embedded ? ' and the embedded database' : ''}…`)
		try {
			const { drainDeadlineMs, drainGraceMs } = await import('~/server/drain.server')
			const exited = [...workers].map((worker) => new Promise((resolve) => worker.once('exit', resolve)))
			for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGTERM')
			// A worker that has not exited well after its own deadline is stopped.
			const deadline = setTimeout(
				() => {
					for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGKILL')
				},
				drainGraceMs + drainDeadlineMs + 5_000,
			)
			await Promise.all(exited)
			clearTimeout(deadline)
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
	// out of the environment now, stays out of the log. The workers inherit this environment.
	keepPasswordOutOfLogs(database.url)
	process.env.DATABASE_URL = database.appUrl

	const count = env().UADE_WORKERS
	let ready = 0
	// A worker that dies is replaced, unless they die faster than this allows (a fault in every one).
	const restarts: number[] = []
	const fork = () => {
		const worker = cluster.fork()
		started.workers.add(worker)
		worker.once('listening', () => {
			ready++
			if (ready === count) {
				const workers = count === 1 ? '1 process' : `${count} processes`
				log(`Ready in ${Math.round(performance.now() - startedAt)} ms: http://localhost:${port} (${workers})`)
			}
		})
		worker.once('exit', (code, signal) => {
			started.workers.delete(worker)
			if (stopping) return
			// Before every worker is up, a failing one (its port in use) is the whole start failing.
			if (ready < count) {
				void shutdown(`A server process could not start (exit code ${code})`, 1)
				return
			}
			const now = Date.now()
			restarts.push(now)
			while (restarts.length && (restarts[0] ?? 0) < now - 60_000) restarts.shift()
			if (restarts.length > 10) {
				logger().fatal('Server processes keep dying (more than 10 in a minute). Stopping.')
				void shutdown('Server processes keep dying', 1)
				return
			}
			logger().error(`A server process died (${signal ?? `exit code ${code}`}); starting another.`)
			fork()
		})
	}
	for (let i = 0; i < count; i++) fork()
}
