import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, describe, expect, test } from 'vitest'
import type { Environment } from '~/env.server'
import { capturedLogger } from '~/test/log'
import {
	causeOf,
	createErrorReporter,
	keepPasswordOutOfLogs,
	loggedUrl,
	reportError,
	reportServerErrors,
	requestIdFor,
	requestLogging,
	scrubSecrets,
} from './log.server'

function outage() {
	return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
}

describe('errors, once per cause', () => {
	test('a repeated error is logged in full once, counted for a minute, then summarised', () => {
		let clock = Date.parse('2026-12-01T12:00:00Z')
		const { log, lines, records } = capturedLogger({ secrets: () => [] })
		const errors = createErrorReporter({ log, now: () => clock, schedule: false })

		for (let request = 1; request <= 100; request++) {
			errors.report(outage(), { log: log.child({ requestId: `request-${request}` }) })
			clock += 100
		}
		expect(records()).toHaveLength(1)
		const [first] = records()
		expect(first).toMatchObject({
			level: 'error',
			requestId: 'request-1',
			msg: 'Error (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:5432',
			err: { type: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
		})
		// The stack is a field of the one line, not thirty lines of its own.
		expect(JSON.stringify(first)).toContain('at outage')

		// 10 s later the minute has passed (100 × 0.1 s + 50 s): the 99 repetitions are told in one line.
		clock += 50_000
		errors.flush()
		expect(records()).toHaveLength(2)
		expect(records()[1]).toMatchObject({
			level: 'warn',
			more: 99,
			since: '2026-12-01T12:00:00.000Z',
			msg: '99 more like this since 2026-12-01T12:00:00.000Z: Error (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:5432',
		})
		// Both lines name the cause by one id, to find them together.
		expect(records()[1]?.cause).toMatch(/^[0-9a-f]{12}$/)
		expect(records()[1]?.cause).toBe(first?.cause)

		// The window is over: the next one is logged in full again, with its own request.
		errors.report(outage(), { requestId: 'request-101' })
		expect(records()).toHaveLength(3)
		expect(records()[2]).toMatchObject({ level: 'error', requestId: 'request-101' })
		expect(lines.every((line) => !line.includes('\n'))).toBe(true)
	})

	test('another cause is logged at once, after what the first one counted so far', () => {
		let clock = 0
		const { log, records } = capturedLogger({ secrets: () => [] })
		const errors = createErrorReporter({ log, now: () => clock, schedule: false })

		errors.report(outage())
		errors.report(outage())
		errors.report(outage())
		clock += 1_000
		errors.report(new TypeError("Cannot read properties of undefined (reading 'slug')"))
		errors.report(outage())
		errors.report(new TypeError("Cannot read properties of undefined (reading 'slug')"))
		expect(records().map((record) => record.msg)).toEqual([
			'Error (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:5432',
			'2 more like this since 1970-01-01T00:00:00.000Z: Error (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:5432',
			"TypeError: Cannot read properties of undefined (reading 'slug')",
		])
		// Nothing more until the window ends, however the two alternate; then one summary each.
		clock += 60_000
		errors.flush()
		expect(
			records()
				.slice(3)
				.map((record) => [record.level, record.more]),
		).toEqual([
			['warn', 1],
			['warn', 1],
		])
	})

	test('a shutdown tells what is still being counted', () => {
		const { log, records } = capturedLogger({ secrets: () => [] })
		const errors = createErrorReporter({ log, now: () => 0, schedule: false })
		errors.report(outage())
		errors.report(outage())
		errors.flush()
		expect(records()).toHaveLength(1)
		errors.flush({ all: true })
		expect(records()[1]).toMatchObject({ more: 1 })
	})

	test('a cause is the class, code and first line, not the request it happened in', () => {
		const prismaStyle = new Error('\nInvalid `prisma.pledge.findMany()` invocation:\n\nwhere: { slug: "a" }')
		const other = new Error('\nInvalid `prisma.pledge.findMany()` invocation:\n\nwhere: { slug: "b" }')
		expect(causeOf(prismaStyle).key).toBe(causeOf(other).key)
		expect(causeOf(prismaStyle).summary).toBe(
			'Error: Invalid `prisma.pledge.findMany()` invocation: where: { slug: "a" }',
		)
		// PostgreSQL unreachable, as Prisma reports it from two queries: one cause.
		const unreachable = (code: string, message: string) =>
			Object.assign(new Error(message), {
				code,
				meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable', port: 5432 } } },
			})
		const fromModel = unreachable(
			'P1001',
			"\nInvalid `prisma.platform.findFirst()` invocation:\n\n\nCan't reach database server at db:5432",
		)
		const fromRaw = unreachable(
			'P2010',
			"\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Code: `N/A`. Message: `Can't reach database server at db:5432`",
		)
		expect(causeOf(fromModel).key).toBe(causeOf(fromRaw).key)
		expect(causeOf(fromModel).summary).toBe(
			"Error (DatabaseNotReachable): Can't reach database server at db:5432",
		)
		expect(causeOf(outage()).key).not.toBe(causeOf(new Error('connect ECONNREFUSED 127.0.0.1:5432')).key)
		expect(causeOf(new RangeError('x')).key).not.toBe(causeOf(new Error('x')).key)
		expect(causeOf({ status: 503, statusText: 'Service Unavailable' }).summary).toBe(
			'Response 503 Service Unavailable',
		)
	})
})

describe('request ids', () => {
	test("a proxy's short token is kept only when UADE_TRUST_PROXY says a proxy is there", () => {
		expect(requestIdFor('edge-7f3a:42', 1)).toBe('edge-7f3a:42')
		expect(requestIdFor('edge-7f3a:42', 'loopback')).toBe('edge-7f3a:42')
		const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		for (const trust of [false, 0] as const) expect(requestIdFor('edge-7f3a:42', trust)).toMatch(uuid)
		for (const unsafe of ['', 'a b', 'x'.repeat(65), 'line\nbreak', '"quoted"', 'ünï']) {
			expect(requestIdFor(unsafe, true)).toMatch(uuid)
		}
		expect(requestIdFor(undefined, true)).toMatch(uuid)
	})
})

describe('what a line never holds', () => {
	test('secret-looking query values are redacted from the logged address', () => {
		expect(loggedUrl('/en/platforms/fair?page=2&q=water')).toBe('/en/platforms/fair?page=2&q=water')
		expect(loggedUrl('/reset?token=abc123&next=%2Fen')).toBe('/reset?token=%5Bredacted%5D&next=%2Fen')
		expect(loggedUrl('/sign-in?password=hunter22&Password=x')).toBe(
			'/sign-in?password=%5Bredacted%5D&Password=%5Bredacted%5D',
		)
		expect(loggedUrl(`/${'a'.repeat(2000)}`)).toHaveLength(1001)
	})

	test('secret values, and the password of any connection string, are scrubbed', () => {
		expect(
			scrubSecrets('{"msg":"postgresql://uade:s3cr%40t@db/uade and s3cr@t, then sess10n-secret"}', [
				's3cr@t',
				'sess10n-secret',
			]),
		).toBe('{"msg":"postgresql://uade:[redacted]@db/uade and [redacted], then [redacted]"}')
		// As it reads inside a JSON string.
		expect(scrubSecrets(JSON.stringify({ msg: 'pass"word\\1' }), ['pass"word\\1'])).toBe(
			'{"msg":"[redacted]"}',
		)
	})

	test("the owner's password npm start kept aside and the app role's are scrubbed as bare values", () => {
		const saved = {
			DATABASE_URL: process.env.DATABASE_URL,
			UADE_APP_DATABASE_URL: process.env.UADE_APP_DATABASE_URL,
		}
		try {
			// As npm start leaves it: DATABASE_URL is the app role's now, the owner's only kept aside.
			keepPasswordOutOfLogs('postgresql://uade:owner-pa55word@db/uade')
			process.env.DATABASE_URL = 'postgresql://uade_server:app-pa55word@db/uade'
			process.env.UADE_APP_DATABASE_URL = 'postgresql://uade_server:app-pa55word@db/uade'
			const { log, lines } = capturedLogger()
			log.error('an error quoting owner-pa55word and app-pa55word without a URL around them')
			expect(lines).toHaveLength(1)
			expect(lines[0]).not.toContain('pa55word')
			log.info({ env: { UADE_APP_DATABASE_URL: 'postgresql://u:pw-6@h/d' } }, 'by key')
			expect(lines[1]).toContain('"UADE_APP_DATABASE_URL":"[redacted]"')
		} finally {
			for (const [name, value] of Object.entries(saved)) {
				if (value === undefined) delete process.env[name]
				else process.env[name] = value
			}
		}
	})

	test('keys that name secrets are redacted wherever they nest', () => {
		const { log, lines } = capturedLogger({ secrets: () => [] })
		log.info(
			{
				password: 'password-one',
				form: { currentPassword: 'password-two', newPassword: 'password-three' },
				err: { input: { password: 'password-four' } },
				req: { headers: { cookie: 'cookie-one', authorization: 'Basic YWRhOmh1bnRlcjI=' } },
				res: { headers: { 'set-cookie': 'cookie-two' } },
				env: { SESSION_SECRET: 'secret-one', DATABASE_URL: 'postgresql://u:password-five@h/d' },
			},
			'redaction',
		)
		expect(lines).toHaveLength(1)
		for (const secret of ['password-', 'cookie-', 'YWRhOmh1bnRlcjI=', 'secret-one']) {
			expect(lines.join('\n')).not.toContain(secret)
		}
		expect(lines.join('\n')).toContain('"password":"[redacted]"')
	})
})

describe('the HTTP middleware', () => {
	/** An app with the access log and the error handler around `handler`, as createHttpApp mounts them. */
	async function serve(
		handler: express.RequestHandler,
		{ trustProxy = false }: { trustProxy?: Environment['UADE_TRUST_PROXY'] } = {},
	) {
		const captured = capturedLogger({ secrets: () => [] })
		const app = express()
		app.use(requestLogging({ log: captured.log, trustProxy }))
		app.get('/', handler)
		app.use(reportServerErrors())
		const server = await new Promise<Server>((resolve) => {
			const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
		})
		servers.push(server)
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
		/** The captured lines once the access lines of `count` requests are written. */
		const linesAfter = async (count: number) => {
			const access = () => captured.records().filter((record) => 'responseTime' in record)
			while (access().length < count) await new Promise((resolve) => setTimeout(resolve, 10))
			return captured.records()
		}
		return { origin, linesAfter }
	}
	const servers: Server[] = []
	afterAll(() => {
		for (const server of servers) server.close()
	})

	test("Express's error path: a 500 in plain text, its error reported once with the request's id", async () => {
		const { origin, linesAfter } = await serve(() => {
			throw new Error('a handler failed (middleware test)')
		})
		const responses = [await fetch(origin), await fetch(origin)]
		expect(responses.map((response) => response.status)).toEqual([500, 500])
		expect(await responses[0]?.text()).toBe('Internal Server Error')
		const lines = await linesAfter(2)
		const errors = lines.filter((line) => line.level === 'error')
		expect(errors).toEqual([
			expect.objectContaining({
				requestId: responses[0]?.headers.get('X-Request-Id'),
				msg: 'Error: a handler failed (middleware test)',
			}),
		])
	})

	test("an error reported by code that was not handed the request still carries the request's id", async () => {
		const { origin, linesAfter } = await serve(async (_req, res) => {
			await new Promise((resolve) => setTimeout(resolve, 5))
			reportError(new Error('a cache lookup failed (middleware test)'))
			res.send('served all the same')
		})
		const response = await fetch(origin)
		expect(await response.text()).toBe('served all the same')
		const errors = (await linesAfter(1)).filter((line) => line.level === 'error')
		expect(errors).toEqual([expect.objectContaining({ requestId: response.headers.get('X-Request-Id') })])
	})

	test('an error about the request (a 4xx) is answered with its status and not reported', async () => {
		const { origin, linesAfter } = await serve(() => {
			throw Object.assign(new Error('request aborted while reading the body'), { status: 400 })
		})
		const response = await fetch(origin)
		expect(response.status).toBe(400)
		expect(await response.text()).toBe('Bad Request')
		const lines = await linesAfter(1)
		expect(lines.map((line) => line.level)).toEqual(['info'])
	})

	test('behind a trusted proxy its X-Request-Id is kept, on the answer and the access line', async () => {
		const ok: express.RequestHandler = (_req, res) => void res.send('ok')
		const behindProxy = await serve(ok, { trustProxy: 'loopback' })
		const response = await fetch(behindProxy.origin, { headers: { 'X-Request-Id': 'edge-1234' } })
		expect(response.headers.get('X-Request-Id')).toBe('edge-1234')
		expect((await behindProxy.linesAfter(1))[0]).toMatchObject({
			requestId: 'edge-1234',
			request: { method: 'GET', url: '/', ip: '127.0.0.1' },
			response: { status: 200 },
			msg: expect.stringMatching(/^GET \/ 200 \d+ ms$/),
		})

		const direct = await serve(ok)
		const forged = await fetch(direct.origin, { headers: { 'X-Request-Id': 'edge-1234' } })
		expect(forged.headers.get('X-Request-Id')).not.toBe('edge-1234')
		expect((await direct.linesAfter(1))[0]?.requestId).toBe(forged.headers.get('X-Request-Id'))
	})
})
