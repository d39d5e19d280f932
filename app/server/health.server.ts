import express, { type Response } from 'express'
import { getPrisma } from '~/db/prisma.server'
import { isDraining } from './drain.server'

/** How long `/readyz` waits for the database before it says it is not ready. */
export const readinessTimeoutMs = 2_000

/** The migrations the database has applied, finished and not rolled back (the migration runner's table). */
export async function appliedMigrations(): Promise<string[]> {
	const rows = await getPrisma().$queryRaw<Array<{ migration_name: string }>>`
		SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
	return rows.map((row) => row.migration_name)
}

type HealthOptions = {
	/** Every migration this build ships: the database is ready once it has applied them all. */
	migrations: readonly string[]
	/** Reads what the database applied (the database's own table unless a test says otherwise). */
	applied?: () => Promise<string[]>
	timeoutMs?: number
	/** Whether the process is shutting down (the drain's own flag unless a test says otherwise). */
	draining?: () => boolean
}

function answer(res: Response, status: number, text: string) {
	res.status(status).set('Cache-Control', 'no-store').type('text/plain')
	if (status === 503) res.set('Retry-After', '5')
	res.send(text)
}

/**
 * `/healthz`: the process is alive and answering (it asks nothing of the database), for a supervisor that
 * restarts a stuck process. `/readyz`: the database answers, within `readinessTimeoutMs`, and has applied
 * every migration of this build, and the process is not shutting down, for a load balancer or compose, which
 * send traffic only to a ready process.
 * Neither is cached.
 */
export function healthChecks({
	migrations,
	applied = appliedMigrations,
	timeoutMs = readinessTimeoutMs,
	draining = isDraining,
}: HealthOptions) {
	const router = express.Router()
	router.get('/healthz', (_req, res) => answer(res, 200, 'ok'))
	router.get('/readyz', async (_req, res) => {
		// Shutting down: still answering, but a load balancer should send the next requests elsewhere.
		if (draining()) return answer(res, 503, 'not ready: shutting down')
		let timer: NodeJS.Timeout | undefined
		const timeout = new Promise<'timeout'>((resolve) => {
			timer = setTimeout(() => resolve('timeout'), timeoutMs)
		})
		try {
			const done = await Promise.race([applied(), timeout])
			if (done === 'timeout')
				return answer(res, 503, `not ready: the database did not answer within ${timeoutMs} ms`)
			const have = new Set(done)
			const pending = migrations.filter((name) => !have.has(name))
			if (pending.length > 0)
				return answer(
					res,
					503,
					`not ready: ${pending.length} migration(s) not applied: ${pending.join(', ')}`,
				)
			return answer(res, 200, 'ready')
		} catch {
			return answer(res, 503, 'not ready: the database cannot be reached')
		} finally {
			clearTimeout(timer)
		}
	})
	return router
}
