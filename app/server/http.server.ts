import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import onHeaders from 'on-headers'
import { getReplicaPrismas } from '~/db/prisma.server'
import { withDatabaseRouting } from '~/db/read-replicas.server'
import { env } from '~/env.server'
import type { PublicDataVersionSource } from './data-version.server'
import { healthChecks } from './health.server'
import { resolveRequestHost } from './hosts.server'
import { publicPageCache, readPublicDataVersion } from './http-cache.server'
import { requestLimits } from './limits.server'
import { logger, reportError, reportServerErrors, requestLogging, type Logger } from './log.server'
import { outageErrors, outageGuard } from './outage.server'
import { remixRequestHandler } from './remix-handler.server'
import { failOverToPrimary, replicaVersions } from './replica-versions.server'
import { getLoadContext, refuseCrossSiteRequests, securityHeaders } from './security.server'

export async function loadServerBuild(): Promise<ServerBuild> {
	return import(pathToFileURL(path.join(env().UADE_BUILD_DIR, 'server', 'index.js')).href)
}

/**
 * The production HTTP app: health checks, fingerprinted assets cached for a year, everything else through
 * Remix. `migrations` names every migration of this build (`/readyz` waits for the database to have them);
 * `log` is where the access log and the requests' lines go (the process's logger unless a test captures).
 */
export function createHttpApp(
	build: ServerBuild,
	{
		migrations,
		log = logger(),
		versions,
	}: {
		migrations: readonly string[]
		log?: Logger
		/** Where the public data version comes from (default: read on every request). */
		versions?: PublicDataVersionSource
	},
) {
	const { UADE_BUILD_DIR: buildDir, UADE_TRUST_PROXY, DATABASE_REPLICA_URLS } = env()
	const app = express()
	app.disable('x-powered-by')
	app.set('trust proxy', UADE_TRUST_PROXY)
	// Each request on the primary until the page cache hands its reads to the replicas (app/db/read-replicas.server.ts).
	app.use((_req, _res, next) => withDatabaseRouting(next))
	// First: every answer, refusals included, gets an id and an access line.
	app.use(requestLogging({ log, trustProxy: UADE_TRUST_PROXY }))
	app.use(securityHeaders({ development: false }))
	// Before anything reads a body: a method, type or length the site does not take is refused unread.
	app.use(requestLimits())
	app.use(healthChecks({ migrations }))
	// One host per request from here on; with UADE_PUBLIC_URL, no other (app/server/hosts.server.ts).
	app.use(resolveRequestHost())
	app.use(refuseCrossSiteRequests())
	app.use(compression())
	app.use(
		'/assets',
		express.static(path.join(buildDir, 'client', 'assets'), { immutable: true, maxAge: '1y', index: false }),
	)
	// Only addresses that name a file (`/favicon.svg`): a page's address never costs a file-system lookup.
	const publicFiles = express.static(path.join(buildDir, 'client'), { maxAge: '1h', index: false })
	app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()))
	// The JSON API may be read from any site (docs/api.md): every answer says so, the page cache's 304s too,
	// which a script sending If-None-Match itself would otherwise be refused.
	app.use('/api', (_req, res, next) => {
		onHeaders(res, () => {
			if (res.hasHeader('Access-Control-Allow-Origin')) return
			res.setHeader('Access-Control-Allow-Origin', '*')
			res.setHeader('Access-Control-Expose-Headers', 'ETag')
		})
		next()
	})
	// Public pages: 304 for a current copy, ETags for the rest (app/server/http-cache.server.ts).
	const replicas = DATABASE_REPLICA_URLS
		? replicaVersions(getReplicaPrismas(), {
				read: readPublicDataVersion,
				log: (error) => reportError(error),
			})
		: undefined
	if (replicas) failOverToPrimary(replicas, (error) => reportError(error))
	app.use(
		publicPageCache({
			buildVersion: build.assets.version,
			versions,
			replicas,
			log: (error) => reportError(error),
		}),
	)
	// While the database is unreachable: a 503 in the visitor's language (app/server/outage.server.ts).
	app.use(outageGuard())
	// Streamed answers (the downloads) go out with backpressure: app/server/remix-handler.server.ts.
	app.all('*', remixRequestHandler({ build, getLoadContext }))
	// An outage's errors become its 503; any other error is reported once per cause and answered 500.
	app.use(outageErrors())
	app.use(reportServerErrors())
	return app
}
