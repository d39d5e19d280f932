import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import compression from 'compression'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { findFreePort } from '~/db/tooling/embedded-postgres.server'
import { seed } from '~/db/tooling/seed.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { headersOfAPublicPage } from '~/test/public-page'
import { publicPageCache } from './http-cache.server'
import { securityHeaders } from './security.server'

// deploy/nginx.conf, run by the real nginx in front of two app servers (the page cache and stand-in public
// routes, as in http-cache.test.ts, reading a real database): what reaches the apps and what the cache answers.

const nginxBinary = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((file) =>
	existsSync(file),
)
if (!nginxBinary && process.env.CI) {
	throw new Error("nginx is not installed: CI must run this test (.ci/run installs Debian's nginx)")
}

const startTimeoutMs = 10_000

/** deploy/nginx.conf with this test's ports and folders; each substitution must find its line. */
async function testConfiguration(folder: string, ports: { nginx: number; status: number; apps: number[] }) {
	let conf = await readFile(path.join(process.cwd(), 'deploy', 'nginx.conf'), 'utf8')
	const substitute = (from: RegExp, to: string) => {
		if (!from.test(conf)) throw new Error(`deploy/nginx.conf has no line matching ${from}`)
		conf = conf.replace(from, to)
	}
	substitute(/^\s*server app1:3000;$/m, `        server 127.0.0.1:${ports.apps[0]};`)
	substitute(/^\s*server app2:3000;$/m, `        server 127.0.0.1:${ports.apps[1]};`)
	substitute(/^\s*listen 80;$/m, `        listen 127.0.0.1:${ports.nginx};`)
	substitute(/\/var\/cache\/nginx\/uade/, path.join(folder, 'cache'))
	substitute(/^worker_processes auto;$/m, 'worker_processes 1;')
	substitute(
		/^http \{$/m,
		[
			'http {',
			`    access_log ${path.join(folder, 'access.log')};`,
			...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
				(kind) => `    ${kind}_temp_path ${path.join(folder, `${kind}-temp`)};`,
			),
			// Active connections, for the test of concurrent misses.
			`    server { listen 127.0.0.1:${ports.status}; location / { stub_status; } }`,
		].join('\n'),
	)
	const root = process.getuid?.() === 0
	// As root nginx's workers would run as `nobody`, who may not write this test's folders.
	return `${root ? 'user root;\n' : ''}pid ${path.join(folder, 'nginx.pid')};\nerror_log ${path.join(folder, 'error.log')};\n${conf}`
}

function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
	const deadline = Date.now() + startTimeoutMs
	return new Promise((resolve, reject) => {
		const attempt = () => {
			if (child.exitCode !== null) return reject(new Error(`nginx exited (${child.exitCode}):\n${output()}`))
			const socket = net.connect({ port, host: '127.0.0.1' })
			socket.once('connect', () => {
				socket.destroy()
				resolve()
			})
			socket.once('error', () => {
				socket.destroy()
				if (Date.now() > deadline) reject(new Error(`nginx did not listen on ${port}:\n${output()}`))
				else setTimeout(attempt, 25)
			})
		}
		attempt()
	})
}

/** Resolves when `check` holds, polled; fails past `ms`. */
async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, ms = 10_000): Promise<T> {
	const deadline = Date.now() + ms
	for (;;) {
		const value = await probe()
		if (check(value)) return value
		if (Date.now() > deadline) throw new Error(`Still ${JSON.stringify(value)} after ${ms} ms`)
		await new Promise((resolve) => setTimeout(resolve, 50))
	}
}

describe.skipIf(!nginxBinary)('nginx in front of two app servers (deploy/nginx.conf)', () => {
	let database: TestDatabase
	let prisma: PrismaClient
	let politicianId: string
	let folder: string
	let nginx: ChildProcess | undefined
	let nginxOutput = ''
	let base: string
	let statusUrl: string
	const servers: http.Server[] = []
	// Requests that reached an app, by server and address.
	const reached: Array<{ app: number; url: string; cookie: boolean; method: string }> = []
	let release: () => void = () => {}
	let gate = Promise.resolve()

	const shortCacheControl = 'public, max-age=0, s-maxage=1, stale-while-revalidate=600'

	beforeAll(async () => {
		database = await createTestDatabase()
		prisma = createPrismaClient(database.url)
		await seed(prisma)
		politicianId = (await prisma.politician.findFirstOrThrow({ orderBy: { slug: 'asc' } })).id
		const name = async () => (await prisma.politician.findUniqueOrThrow({ where: { id: politicianId } })).name

		for (const app of [1, 2]) {
			const server = express()
			server.use((req, _res, next) => {
				reached.push({ app, url: req.originalUrl, cookie: Boolean(req.get('cookie')), method: req.method })
				next()
			})
			server.use(securityHeaders({ development: false }))
			server.use(compression())
			server.use(publicPageCache({ buildVersion: 'nginx-test', prisma: () => prisma }))
			const page =
				(cacheControl?: string): express.RequestHandler =>
				async (req, res, next) => {
					try {
						// As entry.server.tsx answers a signed-in reader.
						const headers = req.get('cookie')
							? { 'Cache-Control': 'private, no-store' }
							: { ...headersOfAPublicPage(), ...(cacheControl ? { 'Cache-Control': cacheControl } : {}) }
						if (req.path.startsWith('/slow/')) await gate
						res
							.set(headers)
							.type('text/plain')
							.send(`${await name()} (app ${app})`)
					} catch (error) {
						next(error)
					}
				}
			server.get('/en/:page', page())
			server.get('/short/:page', page(shortCacheControl))
			server.get('/slow/:page', page())
			server.post('/en/:page', (_req, res) => res.status(303).set('Location', '/en/done').end())
			const listening = http.createServer(server)
			await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
			servers.push(listening)
		}

		folder = await mkdtemp(path.join(os.tmpdir(), 'uade-nginx-'))
		await chmod(folder, 0o755)
		await mkdir(path.join(folder, 'cache'))
		const ports = {
			nginx: await findFreePort(),
			status: await findFreePort(),
			apps: servers.map((server) => (server.address() as AddressInfo).port),
		}
		await writeFile(path.join(folder, 'nginx.conf'), await testConfiguration(folder, ports))
		nginx = spawn(
			nginxBinary as string,
			[
				'-p',
				folder,
				'-e',
				path.join(folder, 'error.log'),
				'-c',
				path.join(folder, 'nginx.conf'),
				'-g',
				'daemon off;',
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		)
		nginx.stdout?.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()))
		nginx.stderr?.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()))
		await waitForPort(ports.nginx, nginx, () => nginxOutput)
		await waitForPort(ports.status, nginx, () => nginxOutput)
		base = `http://127.0.0.1:${ports.nginx}`
		statusUrl = `http://127.0.0.1:${ports.status}/`
	}, 60_000)

	afterAll(async () => {
		release()
		if (nginx && nginx.exitCode === null) {
			const exited = new Promise((resolve) => nginx?.once('exit', resolve))
			// QUIT: a graceful stop, its workers included.
			nginx.kill('SIGQUIT')
			await exited
		}
		for (const server of servers) await new Promise((resolve) => server.close(resolve))
		await prisma?.$disconnect()
		await database?.drop()
		if (folder) await rm(folder, { recursive: true, force: true })
	})

	async function get(address: string, headers: Record<string, string> = {}) {
		const response = await fetch(`${base}${address}`, { headers })
		return {
			status: response.status,
			cache: response.headers.get('x-cache-status'),
			cacheControl: response.headers.get('cache-control'),
			text: await response.text(),
		}
	}
	const reachedFor = (url: string) => reached.filter((request) => request.url === url)

	test("a public page's second request is a HIT, answered without reaching an app", async () => {
		const first = await get('/en/hit')
		expect(first).toMatchObject({
			status: 200,
			cache: 'MISS',
			cacheControl: headersOfAPublicPage()['cache-control'],
		})
		const second = await get('/en/hit')
		expect(second).toEqual({ ...first, cache: 'HIT' })
		expect(reachedFor('/en/hit')).toHaveLength(1)
	})

	test('the two apps share the traffic that reaches them', async () => {
		for (const page of ['a', 'b', 'c', 'd']) await get(`/en/spread-${page}`)
		const apps = new Set(reached.filter((request) => request.url.startsWith('/en/spread-')).map((r) => r.app))
		expect([...apps].sort()).toEqual([1, 2])
	})

	test('a signed-in reader (a session cookie) is never answered from the cache nor stored', async () => {
		await get('/en/signed-in')
		for (const cookie of ['uade_session=token.signature', 'lang=kk; uade_session=token.signature']) {
			const answer = await get('/en/signed-in', { cookie })
			expect(answer).toMatchObject({ status: 200, cache: 'BYPASS', cacheControl: 'private, no-store' })
		}
		// The https name too (the app would not take it over http, but nginx does not guess which it is).
		expect((await get('/en/signed-in', { cookie: '__Host-uade_session=token.signature' })).cache).toBe(
			'BYPASS',
		)
		expect(reachedFor('/en/signed-in').map((request) => request.cookie)).toEqual([false, true, true, true])
		// The anonymous copy is still the one stored, and a cookie of another name is no session.
		expect((await get('/en/signed-in')).cache).toBe('HIT')
		expect((await get('/en/signed-in', { cookie: 'not_uade_session=1' })).cache).not.toBe('BYPASS')
	})

	test('a form post always reaches an app', async () => {
		for (let attempt = 0; attempt < 2; attempt++) {
			const response = await fetch(`${base}/en/form`, { method: 'POST', redirect: 'manual' })
			expect(response.status).toBe(303)
		}
		expect(reachedFor('/en/form').map((request) => request.method)).toEqual(['POST', 'POST'])
	})

	test('after a change and s-maxage, stale-while-revalidate serves the old copy at once, then the new one', async () => {
		await prisma.politician.update({ where: { id: politicianId }, data: { name: 'Old Name' } })
		const first = await get('/short/page')
		expect(first).toMatchObject({ cache: 'MISS', cacheControl: shortCacheControl })
		expect(first.text).toMatch(/^Old Name \(app \d\)$/)
		await prisma.politician.update({ where: { id: politicianId }, data: { name: 'New Name' } })
		// Within s-maxage (a second), the stored copy; past it, the same copy at once while nginx refreshes it.
		const stale = await eventually(
			() => get('/short/page'),
			(answer) => answer.cache !== 'HIT',
		)
		expect(stale).toEqual({ ...first, cache: 'STALE' })
		const fresh = await eventually(
			() => get('/short/page'),
			(answer) => answer.text.startsWith('New Name'),
		)
		expect(fresh.cache).toMatch(/^(HIT|STALE|UPDATING)$/)
		expect(reachedFor('/short/page').length).toBeGreaterThanOrEqual(2)
	})

	test('concurrent misses for one page reach an app once (proxy_cache_lock)', async () => {
		gate = new Promise((resolve) => (release = resolve))
		// Requests nginx is answering (stub_status's "Writing"), this one included.
		const inFlight = async () => {
			const status = await (await fetch(statusUrl)).text()
			return Number(/Writing:\s*(\d+)/.exec(status)?.[1]) - 1
		}
		const readers = Array.from({ length: 5 }, () => get('/slow/locked'))
		// Every reader is at nginx, one of them at an app, held there, the others waiting for it.
		await eventually(inFlight, (count) => count === 5)
		await eventually(
			async () => reachedFor('/slow/locked').length,
			(count) => count >= 1,
		)
		release()
		const answers = await Promise.all(readers)
		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200])
		expect(new Set(answers.map((answer) => answer.text)).size).toBe(1)
		expect(answers.map((answer) => answer.cache).sort()).toEqual(['HIT', 'HIT', 'HIT', 'HIT', 'MISS'])
		expect(reachedFor('/slow/locked')).toHaveLength(1)
	})
})
