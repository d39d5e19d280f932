import { existsSync } from 'node:fs'
import path from 'node:path'
import type { RouteConfigEntry } from '@remix-run/route-config'
import { describe, expect, test } from 'vitest'
import { sharedRouteIds } from './route-data'
import routes from './routes'

const appDir = path.join(process.cwd(), 'app')

/**
 * Every route of app/routes.ts by the id Remix gives it (createRouteId in @remix-run/dev): the `id` the
 * config sets, otherwise the file without its extension.
 */
function routesById(entries: RouteConfigEntry[], byId = new Map<string, string>()): Map<string, string> {
	for (const entry of entries) {
		byId.set(entry.id ?? entry.file.replace(/\.[a-z0-9]+$/i, ''), entry.file)
		routesById(entry.children ?? [], byId)
	}
	return byId
}

describe('the route ids of shared loader data', () => {
	const configured = routesById(routes)
	// app/root.tsx is always Remix's route 'root'; it is not listed in app/routes.ts.
	const files = Object.entries(sharedRouteIds).map(([name, id]) => ({
		name,
		id,
		file: id === 'root' ? 'root.tsx' : configured.get(id),
	}))

	test('each names app/root.tsx or a route of app/routes.ts', () => {
		expect(files.filter(({ file }) => file === undefined)).toEqual([])
		expect(files.filter(({ file }) => file !== undefined && !existsSync(path.join(appDir, file)))).toEqual([])
	})

	test('each of those routes has a loader', async () => {
		for (const { name, file } of files) {
			if (file === undefined) continue
			const module: { loader?: unknown } = await import(path.join(appDir, file))
			expect({ name, loader: typeof module.loader }).toEqual({ name, loader: 'function' })
		}
	})
})
