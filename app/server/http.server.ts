import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { buildDir } from './build-dir.server'

export async function loadServerBuild(): Promise<ServerBuild> {
	return import(pathToFileURL(path.join(buildDir, 'server', 'index.js')).href)
}

/** The production HTTP app: fingerprinted assets cached for a year, everything else through Remix. */
export function createHttpApp(build: ServerBuild) {
	const app = express()
	app.disable('x-powered-by')
	app.use(compression())
	app.use(
		'/assets',
		express.static(path.join(buildDir, 'client', 'assets'), { immutable: true, maxAge: '1y', index: false }),
	)
	app.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h', index: false }))
	app.all('*', createRequestHandler({ build, mode: 'production' }))
	return app
}
