import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import compression from 'compression'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { headersOfAPublicPage } from '~/test/public-page'
import { embedContentSecurityPolicy, securityHeaders } from './security.server'
import {
	currentPublicEtag,
	ifNoneMatchHolds,
	publicCacheControl,
	publicPageCache,
	publicPageHeaders,
	readPublicDataVersion,
	RenderedPageCache,
} from './http-cache.server'

let database: TestDatabase
let prisma: PrismaClient
let platformId: string
let authorId: string

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.url)
	await seed(prisma)
	platformId = (await prisma.platform.findFirstOrThrow()).id
	authorId = (
		await prisma.user.create({
			data: { email: 'admin@example.invalid', displayName: 'Admin', role: 'ADMIN' },
		})
	).id
})
afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

const pledgeWhere = (slug: string) => ({ platformId_slug: { platformId, slug } })

async function recordStatus(slug: string) {
	const pledge = await prisma.pledge.findUniqueOrThrow({ where: pledgeWhere(slug) })
	// As the app records a status: the evidence, the ledger entry and the pledge's stored status together.
	await prisma.$transaction(async (tx) => {
		const evidence = await tx.evidence.create({
			data: {
				pledgeId: pledge.id,
				type: 'OFFICIAL_STATEMENT',
				sourceUrl: 'https://example.invalid/statement',
				title: 'A statement',
				publisher: 'A ministry',
				publishedOn: new Date('2025-01-10'),
				excerpt: 'Work has started.',
				submittedById: authorId,
				reviewState: 'APPROVED',
				reviewedById: authorId,
				reviewedAt: new Date(),
			},
		})
		await tx.statusUpdate.create({
			data: {
				pledgeId: pledge.id,
				fromStatus: pledge.status,
				status: 'IN_PROGRESS',
				effectiveDate: new Date('2025-01-10'),
				rationale: 'Work has started.',
				authorId: authorId,
				evidence: { create: [{ evidenceId: evidence.id }] },
			},
		})
		await tx.pledge.update({
			where: { id: pledge.id },
			data: { status: 'IN_PROGRESS', statusUpdatedAt: new Date() },
		})
	})
}

describe('the public data version', () => {
	const version = async () => {
		const value = await readPublicDataVersion(prisma)
		if (value === null) throw new Error('no version row')
		return value
	}

	test('moves on once per transaction that changes public data, and only then', async () => {
		const start = await version()
		await prisma.pledge.update({
			where: pledgeWhere('drinking-water'),
			data: { summary: 'Clean water for all.' },
		})
		expect(await version()).toBe(start + 1n)

		await recordStatus('drinking-water')
		expect(await version()).toBe(start + 2n)

		// Many rows in one transaction: one step.
		await prisma.pledgeTranslation.updateMany({ where: { locale: 'RU' }, data: { summary: 'Изменено.' } })
		expect(await version()).toBe(start + 3n)

		// A rolled-back change is no change.
		await expect(
			prisma.$transaction(async (tx) => {
				await tx.pledge.update({ where: pledgeWhere('food-security'), data: { title: 'Never saved' } })
				throw new Error('give up')
			}),
		).rejects.toThrow('give up')
		expect(await version()).toBe(start + 3n)

		// Reads and private tables (sessions, sign-in attempts) leave it alone.
		await prisma.pledge.findMany()
		await prisma.signInAttempt.create({
			data: { email: 'x@example.invalid', ipAddress: '127.0.0.1', succeeded: false },
		})
		expect(await version()).toBe(start + 3n)

		// Deletions count too.
		const step = await prisma.milestoneStep.findFirstOrThrow()
		await prisma.milestoneStep.delete({ where: { id: step.id } })
		expect(await version()).toBe(start + 4n)
	})

	test('gives an ETag of the build, the version and the day', async () => {
		const now = new Date('2026-12-01T23:59:00Z')
		const etag = await currentPublicEtag('abc123', { now, prisma })
		expect(etag).toBe(`W/"abc123.${await version()}.2026-12-01"`)
		expect(await currentPublicEtag('abc124', { now, prisma })).not.toBe(etag)
		expect(await currentPublicEtag('abc123', { now: new Date('2026-12-02T00:00:00Z'), prisma })).not.toBe(
			etag,
		)
	})
})

describe('ifNoneMatchHolds', () => {
	test('compares weakly, in a list, and never matches *', () => {
		expect(ifNoneMatchHolds('W/"a.1"', 'W/"a.1"')).toBe(true)
		expect(ifNoneMatchHolds('"a.1"', 'W/"a.1"')).toBe(true)
		expect(ifNoneMatchHolds('W/"x", W/"a.1"', 'W/"a.1"')).toBe(true)
		expect(ifNoneMatchHolds('W/"a.2"', 'W/"a.1"')).toBe(false)
		expect(ifNoneMatchHolds('*', 'W/"a.1"')).toBe(false)
		expect(ifNoneMatchHolds(undefined, 'W/"a.1"')).toBe(false)
	})
})

describe('publicPageHeaders', () => {
	const args = (loaderHeaders = new Headers()) => ({
		loaderHeaders,
		parentHeaders: new Headers(),
		actionHeaders: new Headers(),
		errorHeaders: undefined,
	})
	test('makes a page public, varying by cookie, unless it sets a cookie', () => {
		expect(new Headers(publicPageHeaders(args())).get('Cache-Control')).toBe(publicCacheControl)
		expect(new Headers(publicPageHeaders(args())).get('Vary')).toBe('Cookie')
		const setsCookie = new Headers({ 'Set-Cookie': 'uade_lang=kk; Path=/' })
		expect(new Headers(publicPageHeaders(args(setsCookie))).get('Cache-Control')).toBe('private, no-store')
	})
})

// The production server's chain (security headers, compression, this middleware) in front of handlers
// that answer the way Remix's Express adapter does: status, appended headers, then the body streamed.
describe('the publicPageCache middleware', () => {
	let baseUrl: string
	let server: ReturnType<ReturnType<typeof express>['listen']>
	let renders = 0
	// Like Remix's, the page's inline script carries the response's CSP nonce.
	const pageWithNonce = (nonce: string) =>
		`<!doctype html><html><body>${'<p>A pledge and its status.</p>'.repeat(200)}<script nonce="${nonce}">hydrate()</script></body></html>`
	const pages = new RenderedPageCache()
	const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x80, 0x00, 0xc3])

	// The ETag carries the day: with the real clock, a run that straddles midnight (UTC) would see it move
	// between two requests. Only Date is fixed; timers and sockets keep real time.
	beforeAll(() => {
		vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T12:00:00Z') })
	})
	afterAll(() => {
		vi.useRealTimers()
	})

	beforeAll(async () => {
		const app = express()
		app.use(securityHeaders({ development: false }))
		app.use(compression())
		app.use(publicPageCache({ buildVersion: 'build1', prisma: () => prisma, pages }))
		const remixLike =
			(status: number, headers: Record<string, string>): express.RequestHandler =>
			(_req, res) => {
				renders++
				res.status(status)
				for (const [name, value] of Object.entries(headers)) res.append(name, value)
				res.append('Content-Type', 'text/html; charset=utf-8')
				res.write(pageWithNonce(String(res.locals.cspNonce)))
				res.end()
			}
		const publicHeaders = headersOfAPublicPage()
		app.get('/en/public', remixLike(200, publicHeaders))
		app.get('/en/other', remixLike(200, publicHeaders))
		app.get('/en/broken', remixLike(500, publicHeaders))
		app.get('/en/refused', remixLike(400, publicHeaders))
		app.get('/en/missing', remixLike(404, publicHeaders))
		app.get('/en/account', remixLike(200, { 'Cache-Control': 'private, no-store' }))
		app.get('/embed/en/card', remixLike(200, publicHeaders))
		// A public answer that is no page: an image, whose bytes are no UTF-8 text.
		app.get('/en/card.png', (_req, res) => {
			renders++
			for (const [name, value] of Object.entries(publicHeaders)) res.append(name, value)
			res.append('Content-Type', 'image/png')
			res.end(image)
		})
		await new Promise<void>((resolve) => {
			server = app.listen(0, '127.0.0.1', resolve)
		})
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	})
	afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())))

	const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
		fetch(`${baseUrl}${path}`, { method, headers: { 'Accept-Encoding': 'gzip', ...headers } })
	// fetch sends the Host of its URL, whatever it is given.
	const getWithHost = (path: string, host: string) =>
		new Promise<number | undefined>((resolve, reject) => {
			http
				.get(`${baseUrl}${path}`, { headers: { Host: host } }, (response) => {
					response.resume()
					response.on('end', () => resolve(response.statusCode))
				})
				.on('error', reject)
		})

	test('gives a public page its ETag and answers a current copy with 304, without rendering', async () => {
		const first = await get('/en/public')
		expect(first.status).toBe(200)
		expect(first.headers.get('Content-Encoding')).toBe('gzip')
		expect(first.headers.get('Cache-Control')).toBe(publicCacheControl)
		expect(first.headers.get('Vary')).toMatch(/Cookie/)
		const etag = first.headers.get('ETag')
		expect(etag).toBe(await currentPublicEtag('build1', { prisma }))
		expect(etag).toMatch(/\.2026-12-01"$/)
		// Sent as every reader gets it, from the first: no nonce, the inline script allowed by its hash.
		expect(first.headers.get('Content-Security-Policy')).not.toMatch(/'nonce-/)
		expect(first.headers.get('Cache-Status')).toBe('uade; fwd=miss')
		expect(await first.text()).toBe(pageWithNonce('n').replace(' nonce="n"', ''))

		const rendersBefore = renders
		const again = await get('/en/public', { 'If-None-Match': etag ?? '' })
		expect(again.status).toBe(304)
		expect(again.headers.get('ETag')).toBe(etag)
		expect(again.headers.get('Cache-Control')).toBe(publicCacheControl)
		// The stored copy keeps its own Content-Security-Policy, whose nonce its inline scripts carry.
		expect(again.headers.get('Content-Security-Policy')).toBeNull()
		expect(await again.text()).toBe('')
		const head = await get('/en/public', { 'If-None-Match': etag ?? '' }, 'HEAD')
		expect(head.status).toBe(304)
		expect(renders).toBe(rendersBefore)
	})

	test('changes the ETag when a pledge changes or a ledger entry is added', async () => {
		const before = (await get('/en/public')).headers.get('ETag') ?? ''
		await prisma.pledge.update({ where: pledgeWhere('it-jobs'), data: { title: 'At least 150,000 IT jobs' } })
		const afterEdit = await get('/en/public', { 'If-None-Match': before })
		expect(afterEdit.status).toBe(200)
		const edited = afterEdit.headers.get('ETag') ?? ''
		expect(edited).not.toBe(before)

		await recordStatus('it-jobs')
		const afterLedger = await get('/en/public', { 'If-None-Match': edited })
		expect(afterLedger.status).toBe(200)
		expect(afterLedger.headers.get('ETag')).not.toBe(edited)
	})

	test('leaves a signed-in request alone: no 304 and no ETag', async () => {
		const etag = (await get('/en/public')).headers.get('ETag') ?? ''
		const rendersBefore = renders
		for (const cookie of ['uade_session=abc', 'uade_lang=kk; uade_session=abc']) {
			const signedIn = await get('/en/public', { 'If-None-Match': etag, Cookie: cookie })
			expect(signedIn.status).toBe(200)
			expect(signedIn.headers.get('ETag')).toBeNull()
		}
		expect(renders).toBe(rendersBefore + 2)
		// The language cookie alone is no session.
		expect((await get('/en/public', { 'If-None-Match': etag, Cookie: 'uade_lang=kk' })).status).toBe(304)
	})

	test('gives no ETag to private pages and keeps server errors and refusals out of caches', async () => {
		const account = await get('/en/account')
		expect(account.headers.get('ETag')).toBeNull()
		expect(account.headers.get('Cache-Control')).toBe('private, no-store')
		const broken = await get('/en/broken')
		expect(broken.status).toBe(500)
		expect(broken.headers.get('ETag')).toBeNull()
		expect(broken.headers.get('Cache-Control')).toBe('no-store')
		// A refused filter (400) is kept out too; a missing page may be kept as long as a page.
		const refused = await get('/en/refused')
		expect(refused.status).toBe(400)
		expect(refused.headers.get('Cache-Control')).toBe('no-store')
		const missing = await get('/en/missing')
		expect(missing.status).toBe(404)
		expect(missing.headers.get('Cache-Control')).toBe(
			'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400',
		)
		expect(missing.headers.get('ETag')).toBeNull()
	})

	test('answers a repeated request from memory while the ETag holds: the same bytes for every reader, compressed once', async () => {
		const first = await get('/en/other')
		const rendersBefore = renders
		// The copy every reader gets, the first one too: its nonce taken out, its inline script allowed by its
		// hash instead (a shared cache in front keeps the first answer it sees for everyone).
		const stored = pageWithNonce('n').replace(' nonce="n"', '')
		const hash = `'sha256-${createHash('sha256').update('hydrate()').digest('base64')}'`
		const firstPolicy = first.headers.get('Content-Security-Policy')
		expect(firstPolicy).not.toMatch(/'nonce-/)
		expect(firstPolicy).toContain(`script-src 'self' ${hash}`)
		expect(await first.text()).toBe(stored)
		const raw = (encoding: string) =>
			new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
				http
					.get(`${baseUrl}/en/other`, { headers: { 'Accept-Encoding': encoding } }, (response) => {
						const chunks: Buffer[] = []
						response.on('data', (chunk: Buffer) => chunks.push(chunk))
						response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }))
					})
					.on('error', reject)
			})
		const decoders: Record<'br' | 'gzip' | 'identity', (body: Buffer) => Buffer> = {
			br: (body) => brotliDecompressSync(body),
			gzip: (body) => gunzipSync(body),
			identity: (body) => body,
		}
		const sent = new Map<string, Buffer>()
		const choices: Array<[accept: string, encoding: 'br' | 'gzip' | 'identity']> = [
			['br, gzip', 'br'],
			['gzip, deflate', 'gzip'],
			['identity', 'identity'],
			['gzip;q=0.5, br;q=0.1', 'gzip'],
		]
		for (const [accept, encoding] of choices) {
			const again = await raw(accept)
			expect(again.headers['content-encoding'] ?? 'identity').toBe(encoding)
			expect(Number(again.headers['content-length'])).toBe(again.body.length)
			expect(decoders[encoding](again.body).toString('utf8')).toBe(stored)
			expect(again.headers['content-security-policy']).toContain(`script-src 'self' ${hash}`)
			expect(again.headers['content-security-policy']).not.toMatch(/nonce-/)
			expect(again.headers['content-security-policy']).toBe(firstPolicy)
			expect(again.headers['cache-status']).toBe('uade; hit')
			expect(again.headers.etag).toBe(first.headers.get('ETag'))
			expect(again.headers['cache-control']).toBe(publicCacheControl)
			expect(again.headers['content-type']).toBe('text/html; charset=utf-8')
			expect(again.headers.vary).toMatch(/Cookie/)
			expect(again.headers.vary).toMatch(/Accept-Encoding/)
			// Compressed when it was stored, not per request: the same bytes each time.
			const before = sent.get(encoding)
			if (before) expect(again.body.equals(before)).toBe(true)
			sent.set(encoding, again.body)
		}
		const head = await get('/en/other', {}, 'HEAD')
		expect(head.status).toBe(200)
		expect(await head.text()).toBe('')
		expect(renders).toBe(rendersBefore)

		// Another host is another page (canonical URLs are built from it); a signed-in request is rendered.
		// A forwarded host is not believed without UADE_TRUST_PROXY: the same page, from memory.
		await get('/en/other', { 'X-Forwarded-Host': 'uade.example' })
		expect(renders).toBe(rendersBefore)
		await getWithHost('/en/other', 'uade.example')
		await get('/en/other', { Cookie: 'uade_session=abc' })
		expect(renders).toBe(rendersBefore + 2)

		// A change moves the ETag: the stored copy is not served any more.
		await prisma.pledge.update({
			where: pledgeWhere('food-security'),
			data: { title: 'Food security, stronger' },
		})
		const changed = await get('/en/other')
		expect(changed.headers.get('ETag')).not.toBe(first.headers.get('ETag'))
		expect(changed.headers.get('Cache-Status')).toBe('uade; fwd=miss')
		expect(renders).toBe(rendersBefore + 3)
	})

	test('leaves an embed its own policy, framable and without script, however often it is served', async () => {
		const first = await get('/embed/en/card')
		expect(first.headers.get('Content-Security-Policy')).toBe(embedContentSecurityPolicy)
		const rendersBefore = renders
		const again = await get('/embed/en/card')
		expect(again.headers.get('Content-Security-Policy')).toBe(embedContentSecurityPolicy)
		expect(await again.text()).toBe(await first.text())
		expect(renders).toBe(rendersBefore)
	})

	test('serves a stored image byte for byte', async () => {
		const first = await get('/en/card.png')
		expect(Buffer.from(await first.arrayBuffer())).toEqual(image)
		const rendersBefore = renders
		const again = await get('/en/card.png')
		expect(again.headers.get('Content-Type')).toBe('image/png')
		expect(Buffer.from(await again.arrayBuffer())).toEqual(image)
		expect(renders).toBe(rendersBefore)
	})

	test('never stores a failed page', async () => {
		await get('/en/broken')
		const rendersBefore = renders
		expect((await get('/en/broken')).status).toBe(500)
		expect(renders).toBe(rendersBefore + 1)
	})
})

// After a write every hot page is a miss at once: its readers must wait for one render, not each make one.
describe('concurrent requests for a page not in memory', () => {
	let baseUrl: string
	let server: ReturnType<ReturnType<typeof express>['listen']>
	let arrived = 0
	let renders = 0
	let open = () => {}
	let gate = Promise.resolve()

	beforeAll(async () => {
		const app = express()
		app.use((_req, _res, next) => {
			arrived++
			next()
		})
		app.use(securityHeaders({ development: false }))
		app.use(compression())
		// A version known without a query, as while the listener is connected.
		const versions = { current: () => Promise.resolve(5n), listening: true, close: async () => {} }
		app.use(publicPageCache({ buildVersion: 'build1', versions, pages: new RenderedPageCache() }))
		app.get('/en/hot', async (_req, res) => {
			renders++
			await gate
			for (const [name, value] of Object.entries(headersOfAPublicPage())) res.append(name, value)
			res.append('Content-Type', 'text/html; charset=utf-8')
			res.end(`<!doctype html><p>${'Rendered once. '.repeat(100)}</p>`)
		})
		await new Promise<void>((resolve) => {
			server = app.listen(0, '127.0.0.1', resolve)
		})
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	})
	afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())))

	test('wait for the first one’s render and get its copy', async () => {
		gate = new Promise<void>((resolve) => (open = resolve))
		const readers = 8
		const answers = Array.from({ length: readers }, () => fetch(`${baseUrl}/en/hot`))
		// Every request is in: past its arrival nothing but a resolved promise stands before its wait.
		while (arrived < readers) await new Promise((resolve) => setImmediate(resolve))
		await new Promise((resolve) => setImmediate(resolve))
		expect(renders).toBe(1)
		open()
		const bodies = await Promise.all(answers.map(async (answer) => (await answer).text()))
		expect(new Set(bodies).size).toBe(1)
		expect(bodies[0]).toContain('Rendered once.')
		expect(renders).toBe(1)
	})
})

// A download is megabytes: the cache lets its body go, and those waiting for it do not wait for its end.
describe('an answer too large to keep', () => {
	let baseUrl: string
	let server: ReturnType<ReturnType<typeof express>['listen']>
	let renders = 0
	let open = () => {}
	const gate = new Promise<void>((resolve) => (open = resolve))
	const pages = new RenderedPageCache(16 * 1024)

	beforeAll(async () => {
		const app = express()
		app.use(securityHeaders({ development: false }))
		const versions = { current: () => Promise.resolve(5n), listening: true, close: async () => {} }
		app.use(publicPageCache({ buildVersion: 'build1', versions, pages }))
		app.get('/data/big.csv', async (_req, res) => {
			renders++
			const first = renders === 1
			for (const [name, value] of Object.entries(headersOfAPublicPage())) res.append(name, value)
			res.append('Content-Type', 'text/csv; charset=utf-8')
			// Past the cache's limit for one answer (a sixteenth of its 16 kB) in one write.
			res.write('x'.repeat(2048))
			// The first reader's download goes on until the others have theirs.
			if (first) await gate
			res.end('end')
		})
		await new Promise<void>((resolve) => {
			server = app.listen(0, '127.0.0.1', resolve)
		})
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	})
	afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())))

	// Well under the 10 s that a waiting request would give the first one's render before its own.
	test('is not kept, and requests for it that came meanwhile are answered at once', async () => {
		const first = fetch(`${baseUrl}/data/big.csv`)
		while (renders < 1) await new Promise((resolve) => setImmediate(resolve))
		const others = await Promise.all(
			Array.from({ length: 3 }, async () => (await fetch(`${baseUrl}/data/big.csv`)).text()),
		)
		expect(others).toEqual(Array.from({ length: 3 }, () => `${'x'.repeat(2048)}end`))
		open()
		expect(await (await first).text()).toBe(`${'x'.repeat(2048)}end`)
		expect(renders).toBe(4)
		expect(pages.size).toBe(0)
	}, 5_000)
})

// Every public HTML page goes out as every reader gets it: without a nonce, its inline scripts allowed by
// their hashes, whether this process keeps it or not; only one too large to hold goes out as rendered.
describe('a public page as it is sent', () => {
	let baseUrl: string
	let server: ReturnType<ReturnType<typeof express>['listen']>
	const script = 'hydrate()'
	const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`
	const page = (nonce: string, paragraphs: number) =>
		`<!doctype html><html><body>${'<p>Уәде және оның мәртебесі.</p>'.repeat(paragraphs)}<script nonce="${nonce}">${script}</script></body></html>`

	beforeAll(async () => {
		const app = express()
		app.use(securityHeaders({ development: false }))
		const versions = { current: () => Promise.resolve(7n), listening: true, close: async () => {} }
		// UADE_PAGE_CACHE=off: no memory, every request rendered.
		const setting = process.env.UADE_PAGE_CACHE
		process.env.UADE_PAGE_CACHE = 'off'
		app.use('/off', publicPageCache({ buildVersion: 'build1', versions }))
		if (setting === undefined) delete process.env.UADE_PAGE_CACHE
		else process.env.UADE_PAGE_CACHE = setting
		app.use(
			'/small',
			publicPageCache({ buildVersion: 'build1', versions, pages: new RenderedPageCache(16 * 1024) }),
		)
		const render =
			(paragraphs: number): express.RequestHandler =>
			(_req, res) => {
				for (const [name, value] of Object.entries(headersOfAPublicPage())) res.append(name, value)
				res.append('Content-Type', 'text/html; charset=utf-8')
				// In pieces, as React streams it.
				const html = page(String(res.locals.cspNonce), paragraphs)
				for (let start = 0; start < html.length; start += 500) res.write(html.slice(start, start + 500))
				res.end()
			}
		app.get('/off/en', render(40))
		app.get('/small/en', render(10))
		app.get('/small/en/long', render(400))
		await new Promise<void>((resolve) => {
			server = app.listen(0, '127.0.0.1', resolve)
		})
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	})
	afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())))

	test('rendered for one reader alone (no memory), it still has no nonce', async () => {
		for (let round = 0; round < 2; round++) {
			const answer = await fetch(`${baseUrl}/off/en`)
			const policy = answer.headers.get('Content-Security-Policy') ?? ''
			expect(policy).toContain(`script-src 'self' ${hash}`)
			expect(policy).not.toMatch(/'nonce-/)
			expect(answer.headers.get('Cache-Status')).toBe('uade; fwd=miss')
			expect(await answer.text()).toBe(page('n', 40).replace(' nonce="n"', ''))
		}
	})

	test('too large to hold (past a sixteenth of 16 kB), it goes out whole as rendered, with its nonce', async () => {
		const answer = await fetch(`${baseUrl}/small/en/long`)
		const nonce = (answer.headers.get('Content-Security-Policy') ?? '').match(/'nonce-([^']+)'/)?.[1] ?? ''
		expect(nonce).not.toBe('')
		expect(await answer.text()).toBe(page(nonce, 400))
		const small = await fetch(`${baseUrl}/small/en`)
		expect(small.headers.get('Content-Security-Policy')).toContain(hash)
		expect(await small.text()).toBe(page('n', 10).replace(' nonce="n"', ''))
	})
})

describe('RenderedPageCache', () => {
	const stored = (etag: string, bytes: number) => ({
		etag,
		headers: [],
		body: Buffer.from('x'.repeat(bytes)),
		csp: null,
		gzip: null,
		br: null,
	})
	test('serves a page only under its own ETag and drops the least recently used beyond its size', () => {
		const cache = new RenderedPageCache(1600)
		cache.set('a', stored('v1', 100))
		expect(cache.get('a', 'v1')?.body.length).toBe(100)
		expect(cache.get('a', 'v2')).toBeUndefined()
		expect(cache.get('a', 'v1')).toBeUndefined()
		for (const key of ['a', 'b', 'c', 'd', 'e']) cache.set(key, stored('v1', 100))
		cache.get('a', 'v1')
		for (const key of ['f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q'])
			cache.set(key, stored('v1', 100))
		expect(cache.size).toBe(16)
		expect(cache.get('a', 'v1')).toBeDefined()
		expect(cache.get('b', 'v1')).toBeUndefined()
		cache.set('huge', stored('v1', 101))
		expect(cache.get('huge', 'v1')).toBeUndefined()
	})
})
