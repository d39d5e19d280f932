import http, { type IncomingHttpHeaders, type Server } from 'node:http'
import type { ServerBuild } from '@remix-run/node'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { readMigrations } from '~/db/tooling/migrate.server'
import { seed } from '~/db/tooling/seed.server'
import { createTestAccount, testPassword } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { createHttpApp } from './http.server'

// The production server (createHttpApp) in front of the real routes, compiled by Vite as `npm run dev`
// compiles them: which host a page, a cookie and the cross-site check believe, under each setting.

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let vite: ViteDevServer
let build: ServerBuild
let migrations: string[]
let email: string

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	await seed(prisma)
	email = (await createTestAccount()).email
	migrations = (await readMigrations()).map((migration) => migration.name)
	vite = await createServer({
		server: { middlewareMode: true, hmr: false, ws: false },
		appType: 'custom',
		logLevel: 'error',
	})
	const module = await vite.ssrLoadModule('virtual:remix/server-build')
	if (!isServerBuild(module)) throw new Error('virtual:remix/server-build is not a Remix server build')
	build = module
}, 120_000)

afterAll(async () => {
	await vite?.close()
	await prisma?.$disconnect()
	await database?.drop()
})

function isServerBuild(module: Record<string, unknown>): module is Record<string, unknown> & ServerBuild {
	return 'routes' in module && 'entry' in module && 'assets' in module
}

type Answer = { status: number; headers: IncomingHttpHeaders; body: string }

/** One request over a real socket: unlike fetch, it sends the Host it is given. */
function send(
	port: number,
	path: string,
	{
		method = 'GET',
		headers = {},
		body,
	}: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port,
				path,
				method,
				headers: {
					Host: `127.0.0.1:${port}`,
					...headers,
					...(body ? { 'Content-Length': Buffer.byteLength(body) } : {}),
				},
			},
			(response) => {
				let text = ''
				response.setEncoding('utf8')
				response.on('data', (chunk: string) => (text += chunk))
				response.on('end', () =>
					resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
				)
			},
		)
		request.on('error', reject)
		request.end(body)
	})
}

const linksOf = (page: string) => ({
	canonical: page.match(/<link rel="canonical" href="([^"]*)"/)?.[1],
	ogUrl: page.match(/<meta property="og:url" content="([^"]*)"/)?.[1],
	hreflang: [...page.matchAll(/<link rel="alternate" hrefLang="[^"]*" href="([^"]*)"/g)].map(
		(match) => match[1],
	),
})

/**
 * createHttpApp under these variables (kept in process.env while the block's tests run, since pages read
 * them per request), listening on 127.0.0.1; returns its port.
 */
function serveWith(variables: Record<string, string | undefined>) {
	const saved: Record<string, string | undefined> = {}
	let server: Server | undefined
	const app = { port: 0 }
	beforeAll(async () => {
		for (const [name, value] of Object.entries(variables)) {
			saved[name] = process.env[name]
			if (value === undefined) delete process.env[name]
			else process.env[name] = value
		}
		const listening = createHttpApp(build, { migrations }).listen(0, '127.0.0.1')
		await new Promise((resolve) => listening.once('listening', resolve))
		server = listening
		const address = listening.address()
		if (address === null || typeof address === 'string') throw new Error('not listening on a port')
		app.port = address.port
	})
	afterAll(async () => {
		await new Promise((resolve) => server?.close(resolve))
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name]
			else process.env[name] = value
		}
	})
	return app
}

const signInBody = () => new URLSearchParams({ email, password: testPassword }).toString()

function signIn(port: number, headers: Record<string, string>) {
	return send(port, '/sign-in', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
		body: signInBody(),
	})
}

const setCookieOf = (answer: Answer) => answer.headers['set-cookie']?.join('\n') ?? ''

describe('without UADE_PUBLIC_URL or UADE_TRUST_PROXY', () => {
	const app = serveWith({ NODE_ENV: 'production', UADE_PUBLIC_URL: undefined, UADE_TRUST_PROXY: undefined })
	const real = () => `http://127.0.0.1:${app.port}`

	test('a request naming another host (and forwarding the real one) does not change what others get', async () => {
		const poisoning = await send(app.port, '/en/about', {
			headers: { Host: 'evil.example', 'X-Forwarded-Host': `127.0.0.1:${app.port}` },
		})
		expect(poisoning.status).toBe(200)
		// Built for the host it named, and for nobody else.
		expect(linksOf(poisoning.body).canonical).toBe('http://evil.example/en/about')

		for (const visit of ['rendered', 'from memory']) {
			const ordinary = await send(app.port, '/en/about')
			expect(ordinary.status, visit).toBe(200)
			const links = linksOf(ordinary.body)
			expect(links.canonical, visit).toBe(`${real()}/en/about`)
			expect(links.ogUrl, visit).toBe(`${real()}/en/about`)
			expect(links.hreflang.length, visit).toBeGreaterThan(0)
			for (const href of links.hreflang) expect(href, visit).toMatch(new RegExp(`^${real()}/`))
			expect(ordinary.body, visit).not.toContain('evil.example')
		}
	})

	test('the forwarded host and scheme are ignored: links, cookie and cross-site check follow Host', async () => {
		const forwarded = { 'X-Forwarded-Host': 'uade.example', 'X-Forwarded-Proto': 'https' }
		const page = await send(app.port, '/en/about', { headers: forwarded })
		expect(linksOf(page.body).canonical).toBe(`${real()}/en/about`)
		const robots = await send(app.port, '/robots.txt', { headers: forwarded })
		expect(robots.body).toContain(`Sitemap: ${real()}/sitemap.xml`)

		// The forwarded site is not this request's site: its form post is cross-site.
		const fromForwarded = await signIn(app.port, { ...forwarded, Origin: 'https://uade.example' })
		expect(fromForwarded.status).toBe(403)
		// From the page the request did address: signed in, on a loopback host over http, so not Secure.
		const fromHost = await signIn(app.port, { ...forwarded, Origin: real() })
		expect(fromHost.status).toBe(302)
		expect(setCookieOf(fromHost)).toMatch(/^uade_session=/)
		expect(setCookieOf(fromHost)).not.toContain('Secure')
	})

	test('a request without a usable host is refused, not built', async () => {
		for (const host of ['real.example@evil.example', 'evil.example/path', 'a b']) {
			const answer = await send(app.port, '/en', { headers: { Host: host } })
			expect(answer.status, host).toBe(400)
			expect(answer.headers['cache-control'], host).toBe('no-store')
		}
	})
})

describe('with UADE_PUBLIC_URL', () => {
	const app = serveWith({
		NODE_ENV: 'production',
		UADE_PUBLIC_URL: 'https://uade.example',
		UADE_TRUST_PROXY: undefined,
	})

	test('another host is refused (421, plain text, not cached); the health checks still answer', async () => {
		const direct = `127.0.0.1:${app.port}`
		const requests: Array<[string, Record<string, string>]> = [
			['evil.example', { Host: 'evil.example' }],
			['evil.example', { Host: 'evil.example', 'X-Forwarded-Host': 'uade.example' }],
			[direct, { Host: direct }],
		]
		for (const [host, headers] of requests) {
			const refused = await send(app.port, '/en', { headers })
			expect(refused.status, JSON.stringify(headers)).toBe(421)
			expect(refused.headers['content-type']).toMatch(/^text\/plain/)
			expect(refused.headers['cache-control']).toBe('no-store')
			expect(refused.headers.etag).toBeUndefined()
			expect(refused.body).toBe(`Refused: this server answers for uade.example, not for ${host}.`)
		}
		// As compose's healthcheck asks: on 127.0.0.1.
		expect((await send(app.port, '/healthz')).status).toBe(200)
		expect((await send(app.port, '/readyz')).status).toBe(200)
	})

	test('the public host gets pages linking to the public origin, and a Secure __Host- cookie', async () => {
		const page = await send(app.port, '/en/about', { headers: { Host: 'uade.example' } })
		expect(page.status).toBe(200)
		expect(linksOf(page.body).canonical).toBe('https://uade.example/en/about')
		const sitemap = await send(app.port, '/sitemap.xml', { headers: { Host: 'UADE.example' } })
		expect(sitemap.body).toContain('<loc>https://uade.example/en/about</loc>')

		// The proxy in front speaks https; it is not trusted, yet the public address says so.
		const signedIn = await signIn(app.port, { Host: 'uade.example', Origin: 'https://uade.example' })
		expect(signedIn.status).toBe(302)
		expect(setCookieOf(signedIn)).toMatch(/^__Host-uade_session=.*; Secure;/)
		expect((await signIn(app.port, { Host: 'uade.example', Origin: 'https://evil.example' })).status).toBe(
			403,
		)
	})
})

describe('with UADE_TRUST_PROXY', () => {
	// The tests' requests come from 127.0.0.1, as from a proxy on the same machine.
	const app = serveWith({ NODE_ENV: 'production', UADE_PUBLIC_URL: undefined, UADE_TRUST_PROXY: 'loopback' })
	const forwarded = { 'X-Forwarded-Host': 'uade.example', 'X-Forwarded-Proto': 'https' }

	test('the forwarded host and scheme are honoured for links, the cookie and the cross-site check', async () => {
		const page = await send(app.port, '/en/about', { headers: forwarded })
		expect(linksOf(page.body).canonical).toBe('https://uade.example/en/about')
		// The same address asked directly is another page, with links of its own.
		const direct = await send(app.port, '/en/about')
		expect(linksOf(direct.body).canonical).toBe(`http://127.0.0.1:${app.port}/en/about`)

		const signedIn = await signIn(app.port, { ...forwarded, Origin: 'https://uade.example' })
		expect(signedIn.status).toBe(302)
		expect(setCookieOf(signedIn)).toMatch(/^__Host-uade_session=.*; Secure;/)
		const fromDirect = await signIn(app.port, { ...forwarded, Origin: `http://127.0.0.1:${app.port}` })
		expect(fromDirect.status).toBe(403)
	})
})
