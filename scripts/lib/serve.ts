/**
 * One server process: the production build on `port`, with its own page cache kept current by the
 * database's notifications of new public data versions (app/server/data-version.server.ts). `npm start`
 * runs one per core (scripts/start.ts), or this alone in its own process with UADE_WORKERS=1.
 */
import type { Server } from 'node:http'
import { closeCopyPool } from '~/db/copy.server'
import { stopDatasetBuilds } from '~/data/dataset-file.server'
import { readMigrations } from '~/db/tooling/migrate.server'
import { getPrisma } from '~/db/prisma.server'
import { env } from '~/env.server'
import { listenForPublicDataVersion } from '~/server/data-version.server'
import { drain } from '~/server/drain.server'
import { readPublicDataVersion } from '~/server/http-cache.server'
import { createHttpApp, loadServerBuild } from '~/server/http.server'
import { logger } from '~/server/log.server'

export type Serving = {
	server: Server
	/** Stops taking requests, answers those in flight, then closes the listener and the pool. */
	stop: () => Promise<boolean>
}

export async function serve(port: number): Promise<Serving> {
	const url = env().DATABASE_URL
	if (!url) throw new Error('DATABASE_URL is not set')
	// Once per loss, not once per attempt: while the database is down the outage says the rest.
	let lost = false
	const versions = listenForPublicDataVersion({
		url,
		read: () => readPublicDataVersion(),
		log: (error) => {
			if (lost) return
			lost = true
			logger().warn(
				{ err: error },
				'Not hearing of public data changes: reading the version on every request until connected again',
			)
		},
		onListening: () => {
			if (lost) logger().info('Hearing of public data changes again')
			lost = false
		},
	})
	const migrations = (await readMigrations()).map((migration) => migration.name)
	const app = createHttpApp(await loadServerBuild(), { migrations, versions })
	const server = await new Promise<Server>((resolve, reject) => {
		const listening = app.listen(port, () => resolve(listening))
		listening.once('error', reject)
	})
	return {
		server,
		async stop() {
			const drained = await drain(server)
			await versions.close()
			// The downloads' connections (app/db/copy.server.ts: kept on globalThis, shared with the build's copy).
			await closeCopyPool()
			// uade.json's builder, if one is running (app/data/dataset-file.server.ts).
			await stopDatasetBuilds()
			await getPrisma().$disconnect()
			return drained
		},
	}
}
