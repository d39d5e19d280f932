import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { readMigrations } from '~/db/tooling/migrate.server'
import { useTestDatabaseForApp } from '~/test/db'
import { healthChecks } from './health.server'

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let migrations: string[]
const servers: Server[] = []

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	migrations = (await readMigrations()).map((migration) => migration.name)
})

afterAll(async () => {
	for (const server of servers) server.close()
	await prisma.$disconnect()
	await database.drop()
})

/** An app with only the health checks, as `createHttpApp` mounts them; returns its origin. */
async function serve(options: Parameters<typeof healthChecks>[0]) {
	const app = express()
	app.use(healthChecks(options))
	const server = await new Promise<Server>((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
	})
	servers.push(server)
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function check(origin: string, path: string) {
	const response = await fetch(`${origin}${path}`)
	return {
		status: response.status,
		text: await response.text(),
		cacheControl: response.headers.get('Cache-Control'),
		retryAfter: response.headers.get('Retry-After'),
	}
}

describe('health and readiness', () => {
	test('a migrated database is ready; the process is alive', async () => {
		const origin = await serve({ migrations })
		expect(migrations.length).toBeGreaterThan(0)
		expect(await check(origin, '/readyz')).toEqual({
			status: 200,
			text: 'ready',
			cacheControl: 'no-store',
			retryAfter: null,
		})
		expect(await check(origin, '/healthz')).toMatchObject({
			status: 200,
			text: 'ok',
			cacheControl: 'no-store',
		})
	})

	test('a migration of the build the database has not applied: not ready, named', async () => {
		const origin = await serve({ migrations: [...migrations, '29991231000000_not_yet'] })
		expect(await check(origin, '/readyz')).toEqual({
			status: 503,
			text: 'not ready: 1 migration(s) not applied: 29991231000000_not_yet',
			cacheControl: 'no-store',
			retryAfter: '5',
		})
	})

	test('a database that fails or does not answer: not ready, within the timeout; alive all the same', async () => {
		const failing = await serve({
			migrations,
			applied: () => Promise.reject(new Error('connection refused')),
		})
		expect(await check(failing, '/readyz')).toMatchObject({
			status: 503,
			text: 'not ready: the database cannot be reached',
			retryAfter: '5',
		})
		// A frozen database: the answer comes when the timeout runs out, not when the database wakes.
		const frozen = await serve({ migrations, applied: () => new Promise(() => {}), timeoutMs: 50 })
		expect(await check(frozen, '/readyz')).toMatchObject({
			status: 503,
			text: 'not ready: the database did not answer within 50 ms',
		})
		expect((await check(frozen, '/healthz')).status).toBe(200)
	})

	test('a process shutting down is alive but not ready, so a load balancer sends the next requests elsewhere', async () => {
		const origin = await serve({ migrations, draining: () => true })
		expect(await check(origin, '/readyz')).toEqual({
			status: 503,
			text: 'not ready: shutting down',
			cacheControl: 'no-store',
			retryAfter: '5',
		})
		expect((await check(origin, '/healthz')).status).toBe(200)
	})
})
