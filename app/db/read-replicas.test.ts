import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { ensureAppRole } from '~/db/tooling/app-role.server'
import { migrate } from '~/db/tooling/migrate.server'
import { seed } from '~/db/tooling/seed.server'
import { readEveryTime } from '~/server/data-version.server'
import { publicPageCache, readPublicDataVersion } from '~/server/http-cache.server'
import { createHttpApp } from '~/server/http.server'
import { failOverToPrimary, replicaVersions } from '~/server/replica-versions.server'
import { createTestAccount, sessionCookieFor, testPassword } from '~/test/accounts'
import { asTestAppRole } from '~/test/database-server'
import { headersOfAPublicPage } from '~/test/public-page'
import { createQueryLoggingPrisma, type LoggedQuery } from '~/test/query-log'
import { startStreamingPair, type StreamingPair } from '~/test/streaming-replica'
import { createPrismaClient, getPrisma } from './prisma.server'
import {
	readFromReplicas,
	setReplicaFailover,
	withDatabaseRouting,
	withReadReplicas,
} from './read-replicas.server'

// Two real servers: a primary and a streaming standby made from a copy of it.
let pair: StreamingPair
let primaryUrl: string
let replicaUrl: string
let politicianId: string
let owner: PrismaClient

beforeAll(async () => {
	pair = await startStreamingPair({
		database: 'uade',
		prepare: async (url) => {
			await migrate(url)
			await ensureAppRole(url, asTestAppRole(url))
			const client = createPrismaClient(url)
			try {
				await seed(client)
			} finally {
				await client.$disconnect()
			}
		},
	})
	// As the server signs in: the app role, replicated with everything else.
	primaryUrl = asTestAppRole(pair.primary.url)
	replicaUrl = asTestAppRole(pair.replica.url)
	owner = createPrismaClient(pair.primary.url)
	politicianId = (await owner.politician.findFirstOrThrow({ orderBy: { slug: 'asc' } })).id
}, 120_000)

afterAll(async () => {
	await owner?.$disconnect()
	await pair?.stop()
})

async function rename(name: string) {
	await owner.politician.update({ where: { id: politicianId }, data: { name } })
}

const politicianName = (prisma: PrismaClient) =>
	prisma.politician.findUniqueOrThrow({ where: { id: politicianId } }).then((row) => row.name)

describe('a streaming replica of the embedded PostgreSQL', () => {
	test('replays the primary and refuses writes', async () => {
		await rename('Replayed Name')
		await pair.caughtUp()
		const replica = createPrismaClient(replicaUrl)
		try {
			expect(await politicianName(replica)).toBe('Replayed Name')
			await expect(
				replica.politician.update({ where: { id: politicianId }, data: { name: 'Refused' } }),
			).rejects.toThrow(/read-only transaction/)
		} finally {
			await replica.$disconnect()
		}
	})
})

describe('getPrisma with DATABASE_REPLICA_URLS', () => {
	let saved: Record<string, string | undefined>
	beforeAll(async () => {
		saved = { DATABASE_URL: process.env.DATABASE_URL, REPLICAS: process.env.DATABASE_REPLICA_URLS }
		await globalThis.uadePrisma?.$disconnect()
		globalThis.uadePrisma = undefined
		process.env.DATABASE_URL = primaryUrl
		process.env.DATABASE_REPLICA_URLS = replicaUrl
	})
	afterAll(async () => {
		await pair.resumeReplay()
		await globalThis.uadePrisma?.$disconnect()
		globalThis.uadePrisma = undefined
		for (const [name, value] of [
			['DATABASE_URL', saved.DATABASE_URL],
			['DATABASE_REPLICA_URLS', saved.REPLICAS],
		] as const) {
			if (value === undefined) delete process.env[name]
			else process.env[name] = value
		}
	})

	test("reads from the replica only in a request turned over to it, and from the primary after that request's first write", async () => {
		await rename('Before')
		await pair.caughtUp()
		// The replica holds back what the primary commits from now on, so each answer says who gave it.
		await pair.pauseReplay()
		await rename('After')
		const prisma = getPrisma()

		expect(await politicianName(prisma)).toBe('After')
		expect(await withDatabaseRouting(() => politicianName(prisma))).toBe('After')
		const [replicaRead, rawRead, afterWrite, inTransaction] = await withDatabaseRouting(async () => {
			readFromReplicas()
			const first = await politicianName(prisma)
			const raw = await prisma.$queryRaw<Array<{ name: string }>>`
				SELECT name FROM "Politician" WHERE id = ${politicianId}`
			await prisma.politician.update({ where: { id: politicianId }, data: { office: 'Written' } })
			const second = await politicianName(prisma)
			const third = await prisma.$transaction((tx) => politicianName(tx as PrismaClient))
			return [first, raw[0]?.name, second, third]
		})
		expect({ replicaRead, rawRead, afterWrite, inTransaction }).toEqual({
			replicaRead: 'Before',
			rawRead: 'Before',
			afterWrite: 'After',
			inTransaction: 'After',
		})
		// The write reached the primary.
		expect((await owner.politician.findUniqueOrThrow({ where: { id: politicianId } })).office).toBe('Written')
		await pair.resumeReplay()
	})
})

describe('the real app (createHttpApp and the Remix build) with DATABASE_REPLICA_URLS', () => {
	let primary: ReturnType<typeof createQueryLoggingPrisma>
	let replica: ReturnType<typeof createQueryLoggingPrisma>
	let vite: ViteDevServer
	let server: http.Server
	let origin: string
	let politicianSlug: string
	let saved: Record<string, string | undefined>

	beforeAll(async () => {
		saved = { DATABASE_URL: process.env.DATABASE_URL, REPLICAS: process.env.DATABASE_REPLICA_URLS }
		process.env.DATABASE_URL = primaryUrl
		process.env.DATABASE_REPLICA_URLS = replicaUrl
		await globalThis.uadePrisma?.$disconnect()
		// getPrisma()'s client as DATABASE_REPLICA_URLS makes it, on clients that log their statements.
		primary = createQueryLoggingPrisma(primaryUrl)
		replica = createQueryLoggingPrisma(replicaUrl)
		globalThis.uadePrisma = withReadReplicas(primary.prisma, [replica.prisma])
		globalThis.uadeReplicaPrismas = [replica.prisma]
		politicianSlug = (await owner.politician.findUniqueOrThrow({ where: { id: politicianId } })).slug

		vite = await createServer({
			server: { middlewareMode: true, hmr: false, ws: false },
			appType: 'custom',
			logLevel: 'silent',
		})
		const build = (await vite.ssrLoadModule('virtual:remix/server-build')) as unknown as ServerBuild
		const app = createHttpApp(build, { migrations: [] })
		server = await new Promise<http.Server>((resolve) => {
			const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
		})
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	}, 120_000)

	afterAll(async () => {
		setReplicaFailover(undefined)
		await pair.resumeReplay()
		await new Promise((resolve) => server?.close(resolve))
		await vite?.close()
		await globalThis.uadePrisma?.$disconnect()
		globalThis.uadePrisma = undefined
		globalThis.uadeReplicaPrismas = undefined
		for (const [name, value] of [
			['DATABASE_URL', saved.DATABASE_URL],
			['DATABASE_REPLICA_URLS', saved.REPLICAS],
		] as const) {
			if (value === undefined) delete process.env[name]
			else process.env[name] = value
		}
	})

	/** The answer, and the statements each server ran for it apart from reading the public data version. */
	async function request(path: string, init: RequestInit = {}) {
		const onReplica = await replica.recordQueries(() =>
			primary.recordQueries(async () => {
				const response = await fetch(`${origin}${path}`, { redirect: 'manual', ...init })
				return { status: response.status, text: await response.text() }
			}),
		)
		const others = (queries: LoggedQuery[]) =>
			queries.map((query) => query.sql).filter((sql) => !sql.includes('"PublicDataVersion"'))
		return {
			...onReplica.result.result,
			primary: others(onReplica.result.queries),
			replica: others(onReplica.queries),
		}
	}

	test("public pages, the API and feeds are read from the replica; a signed-in reader's pages and a sign-in from the primary", async () => {
		await rename('Through The App')
		await pair.caughtUp()
		for (const path of ['/en', `/api/v1/politicians/${politicianSlug}`, '/en/feed.xml']) {
			const answer = await request(path)
			expect({ path, status: answer.status, primary: answer.primary }).toEqual({
				path,
				status: 200,
				primary: [],
			})
			expect(answer.replica.length).toBeGreaterThan(0)
		}
		expect((await request(`/api/v1/politicians/${politicianSlug}`)).text).toContain('Through The App')

		const account = await createTestAccount({ role: 'ADMIN' })
		const cookie = await sessionCookieFor(account.id, origin)
		const signedIn = await request('/en', { headers: { cookie } })
		expect(signedIn.status).toBe(200)
		expect(signedIn.replica).toEqual([])
		expect(signedIn.primary.length).toBeGreaterThan(0)

		const signIn = await request('/sign-in', {
			method: 'POST',
			headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: account.email, password: testPassword }),
		})
		expect(signIn.status).toBe(302)
		expect(signIn.replica).toEqual([])
		expect(signIn.primary.some((sql) => /^INSERT INTO "public"\."Session"/.test(sql))).toBe(true)
	})

	test('a page changed on the primary and not yet replayed is read from the primary, with the change', async () => {
		await pair.pauseReplay()
		await rename('Not Yet Replayed')
		const answer = await request(`/api/v1/politicians/${politicianSlug}`)
		expect(answer.status).toBe(200)
		expect(answer.text).toContain('Not Yet Replayed')
		expect(answer.replica).toEqual([])
		await pair.resumeReplay()
	})
})

describe('public pages through the page cache, with a replica', () => {
	let primary: ReturnType<typeof createQueryLoggingPrisma>
	let replica: ReturnType<typeof createQueryLoggingPrisma>
	let routed: PrismaClient
	let server: http.Server
	let base: string
	const replicaFailures: unknown[] = []

	beforeAll(async () => {
		primary = createQueryLoggingPrisma(primaryUrl)
		replica = createQueryLoggingPrisma(replicaUrl)
		routed = withReadReplicas(primary.prisma, [replica.prisma])
		// A failed replica is left alone for a minute: longer than this test takes, so its counts are exact.
		const replicas = replicaVersions([replica.prisma], { read: readPublicDataVersion, retryMs: 60_000 })
		// As createHttpApp does.
		failOverToPrimary(replicas, (error) => replicaFailures.push(error))
		const app = express()
		app.use((_req, _res, next) => withDatabaseRouting(next))
		app.use(
			publicPageCache({
				buildVersion: 'test',
				versions: readEveryTime(() => readPublicDataVersion(primary.prisma)),
				replicas,
			}),
		)
		// A public page (its route's headers) that shows the politician's name.
		app.get('/politicians/:page', async (_req, res, next) => {
			try {
				const name = await politicianName(routed)
				res.set(headersOfAPublicPage()).type('text/plain').send(name)
			} catch (error) {
				next(error)
			}
		})
		server = http.createServer(app)
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	})
	afterAll(async () => {
		setReplicaFailover(undefined)
		await pair.resumeReplay().catch(() => {})
		await new Promise((resolve) => server?.close(resolve))
		await primary?.prisma.$disconnect()
		await replica?.prisma.$disconnect()
	})

	const touched = (queries: LoggedQuery[], table: string) =>
		queries.filter((query) => query.sql.includes(`"${table}"`)).length

	/** The page's text, and how many statements each server ran on the politician's and the version's tables. */
	async function fetchCounting(path: string, headers: Record<string, string> = {}) {
		const onReplica = await replica.recordQueries(async () =>
			primary.recordQueries(async () => {
				const response = await fetch(`${base}${path}`, { headers })
				return { status: response.status, text: await response.text() }
			}),
		)
		const onPrimary = onReplica.result.queries
		return {
			...onReplica.result.result,
			primary: { page: touched(onPrimary, 'Politician'), version: touched(onPrimary, 'PublicDataVersion') },
			replica: {
				page: touched(onReplica.queries, 'Politician'),
				version: touched(onReplica.queries, 'PublicDataVersion'),
			},
		}
	}

	test("an anonymous reader's page is read from the replica; a signed-in reader's from the primary", async () => {
		await rename('Served By Replica')
		await pair.caughtUp()
		expect(await fetchCounting('/politicians/anonymous')).toEqual({
			status: 200,
			text: 'Served By Replica',
			primary: { page: 0, version: 1 },
			replica: { page: 1, version: 1 },
		})
		expect(await fetchCounting('/politicians/signed-in', { cookie: 'uade_session=token.signature' })).toEqual(
			{
				status: 200,
				text: 'Served By Replica',
				primary: { page: 1, version: 0 },
				replica: { page: 0, version: 0 },
			},
		)
	})

	test('a page is never filed under a version its replica has not replayed: it is read from the primary until the replica has', async () => {
		await pair.caughtUp()
		await pair.pauseReplay()
		const before = await readPublicDataVersion(owner)
		await rename('Newest Name')
		const after = await readPublicDataVersion(owner)
		expect(after).not.toBe(before)
		// The replica would show the old name: the trap this guards against.
		expect(await politicianName(replica.prisma)).not.toBe('Newest Name')

		expect(await fetchCounting('/politicians/lagging')).toEqual({
			status: 200,
			text: 'Newest Name',
			primary: { page: 1, version: 1 },
			replica: { page: 0, version: 1 },
		})
		// Kept under the new version, with the new name: served from memory, nothing read.
		expect(await fetchCounting('/politicians/lagging')).toEqual({
			status: 200,
			text: 'Newest Name',
			primary: { page: 0, version: 1 },
			replica: { page: 0, version: 0 },
		})

		await pair.resumeReplay()
		await pair.caughtUp()
		expect(await fetchCounting('/politicians/caught-up')).toEqual({
			status: 200,
			text: 'Newest Name',
			primary: { page: 0, version: 1 },
			replica: { page: 1, version: 1 },
		})
		// The replica's version is now known to be current: no need to ask it again.
		expect(await fetchCounting('/politicians/caught-up-again')).toEqual({
			status: 200,
			text: 'Newest Name',
			primary: { page: 0, version: 1 },
			replica: { page: 1, version: 0 },
		})
	})

	// Last: it stops the replica.
	test('a replica that goes away: the read that failed, and the requests after it, are read from the primary', async () => {
		await rename('Primary Again')
		await pair.caughtUp()
		// Its version is known: the next page would read from it without asking.
		expect((await fetchCounting('/politicians/before-stop')).replica).toEqual({ page: 1, version: 1 })
		await pair.replica.stop()

		expect(await fetchCounting('/politicians/replica-gone')).toMatchObject({
			status: 200,
			text: 'Primary Again',
			primary: { page: 1, version: 1 },
		})
		expect(replicaFailures).toHaveLength(1)
		expect(await fetchCounting('/politicians/replica-still-gone')).toEqual({
			status: 200,
			text: 'Primary Again',
			primary: { page: 1, version: 1 },
			replica: { page: 0, version: 0 },
		})
		expect(replicaFailures).toHaveLength(1)
	})
})
