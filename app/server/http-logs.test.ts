import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ServerBuild } from '@remix-run/node'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createTestAccount, testPassword } from '~/test/accounts'
import { appGroupRole } from '~/db/tooling/app-role.server'
import { runAsOwner, useTestDatabaseForApp } from '~/test/db'
import { capturedLogger } from '~/test/log'
import { createHttpApp } from './http.server'

// The real app (the Remix build of app/, through Vite, behind createHttpApp) with its log captured: a
// sign-in, a signed-in request and a server error, and nothing secret in any line of it.

// Secrets of this test's own, distinctive enough that finding one in the log cannot be a coincidence.
const sessionSecret = 'log-test-session-secret-0123456789-abcdefghijklmnop'
const databasePassword = 'Log:Test@Pass/w0rd'
// Roles belong to the whole server, which another run may share: a name of this run's own.
const databaseRole = `uade_log_test_${randomBytes(4).toString('hex')}`
const authorization = 'Basic YWRhOmNvcnJlY3QgaG9yc2U='

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let vite: ViteDevServer
let server: Server
let origin: string
const captured = capturedLogger()
const original = { SESSION_SECRET: process.env.SESSION_SECRET }

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	// The app connects with a password to find in no line: a login role of its own in the app's group.
	await runAsOwner(database, `DROP ROLE IF EXISTS ${databaseRole}`)
	await runAsOwner(
		database,
		`CREATE ROLE ${databaseRole} LOGIN PASSWORD '${databasePassword}' IN ROLE ${appGroupRole}`,
	)
	await prisma.$disconnect()
	const url = new URL(database.url)
	url.username = databaseRole
	url.password = databasePassword
	process.env.DATABASE_URL = url.toString()
	globalThis.uadePrisma = undefined
	process.env.SESSION_SECRET = sessionSecret
	const { getPrisma } = await import('~/db/prisma.server')
	prisma = getPrisma()

	vite = await createServer({
		server: { middlewareMode: true, hmr: false, ws: false },
		appType: 'custom',
		logLevel: 'silent',
	})
	const build = await vite.ssrLoadModule('virtual:remix/server-build')
	if (!isServerBuild(build)) throw new Error('virtual:remix/server-build is not a Remix server build')
	// One route more, whose loader fails the way a driver can: quoting its connection string and a form.
	const failing = {
		id: 'test/failing',
		parentId: 'root',
		path: 'test-failing',
		// No component: a resource route, answered without rendering a page.
		module: {
			default: undefined,
			loader() {
				throw Object.assign(
					new Error(`could not query ${process.env.DATABASE_URL} as ${databasePassword} (${sessionSecret})`),
					{ form: { email: 'ada@example.org', password: testPassword } },
				)
			},
		},
	}
	const app = createHttpApp(
		{ ...build, routes: { ...build.routes, [failing.id]: failing } },
		{ migrations: [], log: captured.log },
	)
	server = await new Promise<Server>((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
	})
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 120_000)

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve))
	await vite.close()
	await prisma.$disconnect()
	globalThis.uadePrisma = undefined
	await runAsOwner(database, `DROP ROLE IF EXISTS ${databaseRole}`)
	if (original.SESSION_SECRET === undefined) delete process.env.SESSION_SECRET
	else process.env.SESSION_SECRET = original.SESSION_SECRET
	await database.drop()
})

function isServerBuild(module: Record<string, unknown>): module is Record<string, unknown> & ServerBuild {
	return 'routes' in module && 'entry' in module && 'assets' in module
}

/** Waits for the access lines of `count` requests: each is written once its response has gone. */
async function accessLines(count: number) {
	const access = () => captured.records().filter((record) => typeof record.responseTime === 'number')
	while (access().length < count) await new Promise((resolve) => setTimeout(resolve, 10))
	return access()
}

describe('the log of a sign-in, a signed-in request and an error', () => {
	test('JSON lines with a level, a time and the request id; no password, cookie or secret in any', async () => {
		const account = await createTestAccount({ role: 'ADMIN' })
		const page = await fetch(`${origin}/sign-in`, { headers: { 'X-Request-Id': 'forged-by-a-visitor' } })
		expect(page.status).toBe(200)
		await page.text()

		const signIn = await fetch(`${origin}/sign-in`, {
			method: 'POST',
			redirect: 'manual',
			headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: account.email, password: testPassword }),
		})
		expect(signIn.status).toBe(302)
		const cookie = (signIn.headers.get('Set-Cookie') ?? '').split(';')[0] ?? ''
		const cookieValue = cookie.slice(cookie.indexOf('=') + 1)
		expect(cookieValue.length).toBeGreaterThan(20)

		const signedIn = await fetch(`${origin}/account`, {
			headers: { Cookie: cookie, Authorization: authorization },
		})
		expect(signedIn.status).toBe(200)
		expect(await signedIn.text()).toContain(account.email)
		const failure = await fetch(`${origin}/test-failing`, { headers: { Cookie: cookie } })
		expect(failure.status).toBe(500)
		await failure.text()

		const responses = [page, signIn, signedIn, failure]
		const ids = responses.map((response) => response.headers.get('X-Request-Id'))
		// Without UADE_TRUST_PROXY a visitor's own X-Request-Id is not taken: every id is the server's.
		expect(new Set(ids).size).toBe(4)
		for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/)

		const access = await accessLines(4)
		const byId = (id: string | null | undefined) => access.find((line) => line.requestId === id)
		expect(
			ids.map(byId).map((line) => [line?.requestId, line?.request, line?.response, line?.level]),
		).toEqual([
			[ids[0], { method: 'GET', url: '/sign-in', ip: '127.0.0.1' }, { status: 200 }, 'info'],
			[ids[1], { method: 'POST', url: '/sign-in', ip: '127.0.0.1' }, { status: 302 }, 'info'],
			[ids[2], { method: 'GET', url: '/account', ip: '127.0.0.1' }, { status: 200 }, 'info'],
			[ids[3], { method: 'GET', url: '/test-failing', ip: '127.0.0.1' }, { status: 500 }, 'warn'],
		])
		expect(byId(ids[3])?.msg).toMatch(/^GET \/test-failing 500 \d+ ms$/)

		const errors = captured.records().filter((record) => record.level === 'error')
		expect(errors).toHaveLength(1)
		expect(errors[0]).toMatchObject({
			requestId: ids[3],
			err: { type: 'Error', form: { email: 'ada@example.org', password: '[redacted]' } },
		})
		expect(JSON.stringify(errors[0])).toContain('"stack":"Error: could not query postgresql://')

		for (const record of captured.records()) {
			expect(record).toMatchObject({
				level: expect.stringMatching(/^(info|warn|error)$/),
				time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			})
		}
		const output = captured.lines.join('\n')
		for (const secret of [
			testPassword,
			cookieValue,
			decodeURIComponent(cookieValue),
			authorization.slice('Basic '.length),
			sessionSecret,
			databasePassword,
			encodeURIComponent(databasePassword),
		]) {
			expect(output).not.toContain(secret)
		}
	})
})
