/**
 * `npm run dev`: the same database preparation as `npm start`, then Vite's dev server with HMR inside an
 * Express app that adds the production server's security headers (a development CSP, see
 * app/server/security.server.ts) and cross-site check, so that what works here also works in production.
 */
import http from 'node:http'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { createServer } from 'vite'
import { resolveRequestHost } from '~/server/hosts.server'
import { requestLimits } from '~/server/limits.server'
import { requestLogging } from '~/server/log.server'
import { getLoadContext, refuseCrossSiteRequests, securityHeaders } from '~/server/security.server'
import { prepareDatabase } from './lib/prepare-database'
import { ensureSessionSecret } from './lib/session-secret'
import { startScript } from './lib/start-script'

const log = (line: string) => console.log(`[uade] ${line}`)
const { PORT: port } = startScript()
ensureSessionSecret(log)
const database = await prepareDatabase(log)
// The server's queries run as the app role, which cannot alter tables (ADR 010).
process.env.DATABASE_URL = database.appUrl

const app = express()
const server = http.createServer(app)
// The hot-reload websocket shares the app's port, so two checkouts can run side by side on two ports.
const vite = await createServer({ server: { middlewareMode: true, hmr: { server } } })
app.disable('x-powered-by')
app.use(securityHeaders({ development: true }))
app.use(resolveRequestHost())
app.use(refuseCrossSiteRequests())
app.use(vite.middlewares)
// After Vite's own middleware (its dev requests are its business), before any page reads a body.
app.use(requestLogging())
app.use(requestLimits())
app.all(
	'*',
	createRequestHandler({
		build: async () => serverBuild(await vite.ssrLoadModule('virtual:remix/server-build')),
		getLoadContext,
	}),
)

function serverBuild(module: Record<string, unknown>): ServerBuild {
	if (!isServerBuild(module)) throw new Error('virtual:remix/server-build is not a Remix server build')
	return module
}

function isServerBuild(module: Record<string, unknown>): module is Record<string, unknown> & ServerBuild {
	return 'routes' in module && 'entry' in module && 'assets' in module
}

server.listen(port, () => log(`Dev server with hot reload: http://localhost:${port}`))

let stopping = false
async function shutdown() {
	if (stopping) return
	stopping = true
	server.close()
	await vite.close()
	await database.stop()
	process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
