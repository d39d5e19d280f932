import { createHash } from 'node:crypto'
import type { Server } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import compression from 'compression'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { headersOfAPublicPage } from '~/test/public-page'
import { startTcpProxy } from '~/test/tcp-proxy'
import { publicPageCache, RenderedPageCache, staleCacheControl, staleCacheStatus } from './http-cache.server'
import {
	DatabaseOutage,
	isDatabaseUnreachable,
	outageErrors,
	outageGuard,
	outageResponseFor,
} from './outage.server'
import { securityHeaders } from './security.server'

let database: TestDatabase
const clients: PrismaClient[] = []
const servers: Array<Server | net.Server> = []

beforeAll(async () => {
	database = await createTestDatabase()
})

afterAll(async () => {
	for (const client of clients) await client.$disconnect()
	for (const server of servers) server.close()
	await database.drop()
})

// A connection to the shared test server may take a while on a busy machine (its password check is
// deliberately slow); statements are the ones cut short.
function client(url: string, timeouts = { connectMs: 20_000, statementMs: 500 }) {
	const prisma = createPrismaClient(url, timeouts)
	clients.push(prisma)
	return prisma
}

/** What a query ends in: how long it took and the error it threw (it must throw). */
async function failure(query: () => Promise<unknown>) {
	const started = performance.now()
	const error = await query().then(
		() => null,
		(thrown: unknown) => thrown,
	)
	return { error, ms: performance.now() - started }
}

/** A port that accepts connections and never answers: a server frozen before its first word. */
async function silentPort() {
	const silent = net.createServer(() => {})
	await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
	servers.push(silent)
	return (silent.address() as AddressInfo).port
}

async function freePort() {
	const probe = net.createServer()
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
	const { port } = probe.address() as AddressInfo
	await new Promise((resolve) => probe.close(resolve))
	return port
}

describe('the pool gives up on a database that does not answer, and says why', () => {
	// Bounds: 500 ms configured; a hang would be ended only by the test's own 30 s timeout.
	test('a statement running past the statement timeout is cancelled: an error, not an outage', async () => {
		const { error, ms } = await failure(() => client(database.url).$queryRaw`SELECT pg_sleep(20)`)
		expect(String(error)).toMatch(/statement timeout/)
		expect(ms).toBeLessThan(5_000)
		expect(isDatabaseUnreachable(error)).toBe(false)
	})

	test('a server that accepts connections and never answers: the connection timeout, an outage', async () => {
		const url = `postgresql://postgres:postgres@127.0.0.1:${await silentPort()}/uade`
		const { error, ms } = await failure(
			() => client(url, { connectMs: 500, statementMs: 500 }).$queryRaw`SELECT 1`,
		)
		expect(String(error)).toMatch(/timeout/)
		expect(ms).toBeLessThan(5_000)
		expect(isDatabaseUnreachable(error)).toBe(true)
	})

	test('a server frozen with a connection open: the client gives up on the query, an outage', async () => {
		const proxy = await startTcpProxy(database.url)
		try {
			const prisma = client(proxy.through(database.url))
			await prisma.$queryRaw`SELECT 1`
			proxy.freeze()
			const { error, ms } = await failure(() => prisma.$queryRaw`SELECT 1`)
			// Statement timeout (500 ms) plus the client's grace (2 s).
			expect(ms).toBeLessThan(8_000)
			expect(isDatabaseUnreachable(error)).toBe(true)
		} finally {
			await proxy.close()
		}
	})

	test('nothing listening (a killed server): refused at once, an outage', async () => {
		const url = `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/uade`
		const { error } = await failure(() => client(url).$queryRaw`SELECT 1`)
		expect(isDatabaseUnreachable(error)).toBe(true)
		const { error: modelError } = await failure(() => client(url).pledge.count())
		expect(isDatabaseUnreachable(modelError)).toBe(true)
	})

	test('a query PostgreSQL refuses, or a constraint, is no outage', async () => {
		const prisma = client(database.url)
		const { error: syntax } = await failure(() => prisma.$queryRawUnsafe('SELEKT 1'))
		expect(isDatabaseUnreachable(syntax)).toBe(false)
		const { error: missing } = await failure(() => prisma.$queryRawUnsafe('SELECT * FROM "NoSuchTable"'))
		expect(isDatabaseUnreachable(missing)).toBe(false)
		expect(isDatabaseUnreachable(new Error('Cannot read properties of undefined'))).toBe(false)
	})
})

describe('the outage is logged when it starts and when it ends, not per request', () => {
	test('a thousand failures, one line; the probe sees the database back, one line', async () => {
		const events: string[] = []
		let answers = false
		const outage = new DatabaseOutage({
			probe: async () => {
				if (!answers) throw new Error('connect ECONNREFUSED')
			},
			log: (event) => events.push(event.kind),
			probeIntervalMs: 10,
		})
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
		for (let i = 0; i < 1000; i++) expect(outage.report(refused)).toBe(true)
		expect(outage.report(new Error('syntax error at or near "SELEKT"'))).toBe(false)
		expect(outage.active).toBe(true)
		expect(events).toEqual(['start'])
		answers = true
		await vi.waitFor(() => expect(outage.active).toBe(false), { timeout: 5_000, interval: 10 })
		expect(events).toEqual(['start', 'end'])
		outage.stop()
	})

	test('an answer to a question asked before the outage opened does not close it', () => {
		let clock = 1_000
		const events: string[] = []
		const outage = new DatabaseOutage({
			probe: () => Promise.reject(new Error('connect ECONNREFUSED')),
			log: (event) => events.push(event.kind),
			probeIntervalMs: 60_000,
			now: () => clock,
		})
		// A query in flight when PostgreSQL died, answered just after another request opened the outage.
		const askedBefore = outage.now()
		clock += 5
		outage.report(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))
		clock += 5
		outage.recovered(askedBefore)
		expect(outage.active).toBe(true)
		expect(events).toEqual(['start'])
		// A question asked since, answered: the database is back.
		const askedAfter = outage.now()
		clock += 5
		outage.recovered(askedAfter)
		expect(outage.active).toBe(false)
		expect(events).toEqual(['start', 'end'])
		outage.stop()
	})
})

describe('a pool with every connection busy is no outage unless the database itself fails to answer', () => {
	const busy = new Error('timeout exceeded when trying to connect')

	test('the database answers its own probe: a 503 for the request, no outage, nothing logged', async () => {
		const events: string[] = []
		let probes = 0
		const outage = new DatabaseOutage({
			probe: async () => {
				probes++
			},
			log: (event) => events.push(event.kind),
		})
		expect(outage.report(busy)).toBe(true)
		await vi.waitFor(() => expect(probes).toBe(1))
		expect(outage.active).toBe(false)
		expect(events).toEqual([])
		outage.stop()
	})

	test('the probe fails too: the outage opens, logged once', async () => {
		const events: string[] = []
		const outage = new DatabaseOutage({
			probe: () => Promise.reject(new Error('Connection terminated due to connection timeout')),
			log: (event) => events.push(event.kind),
			probeIntervalMs: 60_000,
		})
		for (let i = 0; i < 20; i++) expect(outage.report(busy)).toBe(true)
		await vi.waitFor(() => expect(outage.active).toBe(true))
		expect(events).toEqual(['start'])
		outage.stop()
	})
})

describe('the server through an outage', () => {
	let baseUrl: string
	let proxy: Awaited<ReturnType<typeof startTcpProxy>>
	const events: string[] = []
	let outage: DatabaseOutage
	const page = (path: string, nonce: string) =>
		`<!doctype html><html><body><p>The page at ${path}.</p><script nonce="${nonce}">hydrate()</script></body></html>`
	const publicHeaders = headersOfAPublicPage()

	beforeAll(async () => {
		proxy = await startTcpProxy(database.url)
		const prisma = client(proxy.through(database.url))
		outage = new DatabaseOutage({
			probe: () => prisma.$queryRaw`SELECT 1`,
			log: (event) => events.push(event.kind),
			probeIntervalMs: 50,
		})
		// The production chain (app/server/http.server.ts) in front of handlers that read the database the
		// way loaders do and fail the way Remix's handler does when one throws past it.
		const app = express()
		app.use(securityHeaders({ development: false }))
		app.use(compression())
		app.use(
			publicPageCache({ buildVersion: 'b1', prisma: () => prisma, pages: new RenderedPageCache(), outage }),
		)
		app.use(outageGuard(outage))
		const loader =
			(headers: Record<string, string>, query = 'SELECT 1'): express.RequestHandler =>
			async (req, res, next) => {
				try {
					await prisma.$queryRawUnsafe(query)
				} catch (error) {
					return next(error)
				}
				// As Remix's adapter answers: status and headers, then the body streamed.
				res.status(200).set(headers).type('html')
				res.write(page(req.path, String(res.locals.cspNonce)))
				res.end()
			}
		app.get(['/en/pledges', '/ru/pledges'], loader(publicHeaders))
		app.get('/admin/pledges', loader({ 'Cache-Control': 'private, no-store' }))
		app.get('/en/broken', loader(publicHeaders, 'SELEKT 1'))
		app.post('/en/pledges/p1/evidence', loader({ 'Cache-Control': 'private, no-store' }))
		app.use(outageErrors(outage))
		const server = await new Promise<Server>((resolve) => {
			const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
		})
		servers.push(server)
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	})
	afterAll(async () => {
		outage.stop()
		await proxy.close()
	})

	const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseUrl}${path}`, { headers })
	const postForm = () =>
		fetch(`${baseUrl}/en/pledges/p1/evidence`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'ru' },
			body: 'summary=A+source',
		})
	const outagePageOf = async (response: Response) => ({
		status: response.status,
		retryAfter: response.headers.get('Retry-After'),
		cacheControl: response.headers.get('Cache-Control'),
		lang: (await response.text()).match(/<html lang="(\w+)">[\s\S]*<h1[^>]*>([^<]+)<\/h1>/)?.slice(1),
	})

	test('with PostgreSQL gone: cached pages 200 from memory, the rest 503 in their language, no 500', async () => {
		const warm = await get('/en/pledges')
		expect(warm.status).toBe(200)
		const etag = warm.headers.get('ETag') ?? ''
		expect(etag).not.toBe('')
		await warm.text()

		await proxy.cut()

		const cached = await get('/en/pledges')
		expect(cached.status).toBe(200)
		expect(cached.headers.get('Cache-Control')).toBe(staleCacheControl)
		expect(cached.headers.get('Cache-Status')).toBe(staleCacheStatus)
		expect(cached.headers.get('ETag')).toBe(etag)
		// The copy every reader gets: no nonce, its inline script allowed by its hash.
		expect(await cached.text()).toBe(page('/en/pledges', 'n').replace(' nonce="n"', ''))
		expect(cached.headers.get('Content-Security-Policy')).toContain(
			`'sha256-${createHash('sha256').update('hydrate()').digest('base64')}'`,
		)
		const current = await get('/en/pledges', { 'If-None-Match': etag })
		expect(current.status).toBe(304)

		const expected = (lang: string, title: string) => ({
			status: 503,
			retryAfter: '5',
			cacheControl: 'no-store',
			lang: [lang, title],
		})
		expect(await outagePageOf(await get('/ru/pledges'))).toEqual(expected('ru', 'Сайт временно недоступен'))
		expect(await outagePageOf(await get('/admin/pledges', { 'Accept-Language': 'kk-KZ,ru;q=0.5' }))).toEqual(
			expected('kk', 'Сайт уақытша қолжетімсіз'),
		)
		expect(await outagePageOf(await get('/admin/pledges'))).toEqual(expected('en', 'Temporarily unavailable'))
		// A form is answered in the language of its address, not of the browser.
		expect(await outagePageOf(await postForm())).toEqual(expected('en', 'Temporarily unavailable'))
		expect(events).toEqual(['start'])
	})

	test('PostgreSQL back: pages render again with no restart, and the outage ends in one line', async () => {
		await proxy.restore()
		await vi.waitFor(async () => expect((await get('/ru/pledges')).status).toBe(200), {
			timeout: 10_000,
			interval: 50,
		})
		expect((await postForm()).status).toBe(200)
		const fresh = await get('/en/pledges')
		expect(fresh.status).toBe(200)
		expect(fresh.headers.get('Cache-Control')).toBe(publicHeaders['cache-control'])
		expect(events).toEqual(['start', 'end'])
	})

	test('a query error that is not an outage stays a 500, and opens no outage', async () => {
		const broken = await get('/en/broken')
		expect(broken.status).toBe(500)
		expect(outage.active).toBe(false)
		expect((await get('/ru/pledges')).status).toBe(200)
	})

	test("a failed loader's errors, as Remix hands them to entry.server.tsx: a 503 only for an outage", async () => {
		const unreachable = await failure(
			() => client(`postgresql://postgres:postgres@127.0.0.1:${proxy.port}/none`).$queryRaw`SELECT 1`,
		)
		await proxy.cut()
		const refused = await failure(
			() => client(`postgresql://postgres:postgres@127.0.0.1:${proxy.port}/none`).$queryRaw`SELECT 1`,
		)
		await proxy.restore()
		// Never back by itself: what is open stays open until the test says otherwise.
		const quiet = new DatabaseOutage({
			probe: () => Promise.reject(new Error('connect ECONNREFUSED')),
			log: () => {},
			probeIntervalMs: 60_000,
		})
		const request = new Request('http://localhost/kk/pledges', { headers: { 'Accept-Language': 'ru' } })
		const sanitized = { 'routes/pledges': new Error('Unexpected Server Error') }
		const notFound = {
			'routes/pledges': { status: 404, statusText: 'Not Found', internal: false, data: null },
		}
		// A database that answered, with an error of its own (no such database): rendered as usual.
		expect(isDatabaseUnreachable(unreachable.error)).toBe(false)
		expect(outageResponseFor(request, { 'routes/pledges': unreachable.error }, quiet)).toBeNull()
		expect(outageResponseFor(request, null, quiet)).toBeNull()
		expect(outageResponseFor(request, sanitized, quiet)).toBeNull()

		const answer = outageResponseFor(request, { 'routes/pledges': refused.error }, quiet)
		expect(answer?.status).toBe(503)
		expect(answer?.headers.get('Retry-After')).toBe('5')
		expect(await answer?.text()).toContain('<html lang="kk">')
		// In production Remix sanitizes what it hands on: while the outage is open, a thrown error is of it;
		// a missing page stays a 404 whatever the database does.
		expect(outageResponseFor(request, sanitized, quiet)?.status).toBe(503)
		expect(outageResponseFor(request, notFound, quiet)).toBeNull()
		quiet.stop()
	})
})
