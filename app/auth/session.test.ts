import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { setDisabled } from '~/models/user.server'
import { createTestAccount, outcomeOf, sessionCookieFor } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { getOptionalUser, requireRole, requireUser } from './guards.server'
import {
	createSession,
	readSessionId,
	serializeSessionCookie,
	sessionIdleTimeoutMs,
	sessionIdOfToken,
	sessionMaxLifetimeMs,
} from './session.server'
import { signOut, signOutEverywhere } from './sign-in.server'

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

const originalEnv = { NODE_ENV: process.env.NODE_ENV, SESSION_SECRET: process.env.SESSION_SECRET }
afterEach(() => {
	process.env.NODE_ENV = originalEnv.NODE_ENV
	if (originalEnv.SESSION_SECRET === undefined) delete process.env.SESSION_SECRET
	else process.env.SESSION_SECRET = originalEnv.SESSION_SECRET
	delete process.env.UADE_PUBLIC_URL
})

const hour = 60 * 60 * 1000
const day = 24 * hour

function requestWith(cookie: string | null, url = 'http://localhost/admin/accounts?page=2') {
	return new Request(url, { headers: cookie ? { Cookie: cookie } : {} })
}

async function sessionIdOf(cookie: string): Promise<string> {
	const id = await readSessionId(requestWith(cookie))
	if (!id) throw new Error('the cookie carries no session id')
	return id
}

describe('the session cookie', () => {
	test('carries only a signed random id, HttpOnly, SameSite=Lax, for the whole session lifetime', async () => {
		const setCookie = await serializeSessionCookie(new Request('http://localhost/'), 'the-session-id')
		expect(setCookie).toMatch(/^uade_session=[^;]+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/)
		const value = decodeURIComponent(setCookie.split(';')[0]!.split('=').slice(1).join('='))
		// Remix's signed cookie: base64 of the JSON value, a dot, the HMAC-SHA256 signature.
		const [payload, signature] = value.split('.')
		expect(JSON.parse(Buffer.from(payload!, 'base64').toString())).toBe('the-session-id')
		expect(signature).toMatch(/^[A-Za-z0-9+/]{43}$/)
	})

	test('carries a token the database keeps only the SHA-256 of, and that token signs the browser in', async () => {
		const account = await createTestAccount()
		const session = await createSession(prisma, {
			userId: account.id,
			ipAddress: '203.0.113.9',
			userAgent: null,
		})
		const cookie = (await serializeSessionCookie(new Request('http://localhost/'), session.token)).split(
			';',
		)[0]!
		const [payload] = decodeURIComponent(cookie.split('=').slice(1).join('=')).split('.')
		const token = JSON.parse(Buffer.from(payload!, 'base64').toString())
		expect(token).toBe(session.token)
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)

		// The row: its id is the hash of the cookie's token, and the token is nowhere in it.
		const row = await prisma.session.findUniqueOrThrow({ where: { id: session.id } })
		expect(row.id).toMatch(/^[0-9a-f]{64}$/)
		expect(row.id).toBe(sessionIdOfToken(token))
		expect(JSON.stringify(row)).not.toContain(token)
		expect(await prisma.session.findUnique({ where: { id: token } })).toBeNull()

		// The cookie works; a cookie carrying the stored id instead (what a leaked table would give) does not.
		expect(await getOptionalUser(requestWith(cookie))).toMatchObject({ id: account.id })
		const fromTheTable = (await serializeSessionCookie(new Request('http://localhost/'), row.id)).split(
			';',
		)[0]!
		expect(await getOptionalUser(requestWith(fromTheTable))).toBeNull()
	})

	test('is refused when its signature does not match (a forged or edited id)', async () => {
		const account = await createTestAccount()
		const cookie = await sessionCookieFor(account.id)
		expect(await getOptionalUser(requestWith(cookie))).toMatchObject({ id: account.id })
		const [name, value] = cookie.split('=')
		const [payload] = decodeURIComponent(value!).split('.')
		const forged = `${name}=${encodeURIComponent(`${payload}.${'A'.repeat(43)}`)}`
		expect(await getOptionalUser(requestWith(forged))).toBeNull()
		const unsigned = `${name}=${encodeURIComponent(payload!)}`
		expect(await getOptionalUser(requestWith(unsigned))).toBeNull()
	})

	test('is Secure (and __Host- prefixed) in production, except on a loopback host', async () => {
		process.env.NODE_ENV = 'production'
		const onSite = await serializeSessionCookie(new Request('https://uade.example/sign-in'), 'id')
		expect(onSite).toMatch(/^__Host-uade_session=.*; Path=\/; HttpOnly; Secure; SameSite=Lax$/)
		// A forwarded host is not the request's to say (the HTTP server resolves it into the URL when trusted).
		const forwarded = await serializeSessionCookie(
			new Request('http://localhost:3000/sign-in', { headers: { 'X-Forwarded-Host': 'uade.example' } }),
			'id',
		)
		expect(forwarded).toMatch(/^uade_session=/)
		expect(forwarded).not.toContain('Secure')
		for (const local of ['http://localhost:3100/sign-in', 'http://127.0.0.1:3000/', 'http://[::1]:3000/']) {
			const setCookie = await serializeSessionCookie(new Request(local), 'id')
			expect(setCookie, local).toMatch(/^uade_session=/)
			expect(setCookie, local).not.toContain('Secure')
		}
		process.env.NODE_ENV = 'development'
		expect(await serializeSessionCookie(new Request('https://uade.example/'), 'id')).not.toContain('Secure')
	})

	test('with UADE_PUBLIC_URL, its scheme decides, whatever address the request came in on', async () => {
		process.env.NODE_ENV = 'production'
		process.env.UADE_PUBLIC_URL = 'https://uade.example'
		const request = new Request('http://localhost:3000/sign-in')
		expect(await serializeSessionCookie(request, 'id')).toMatch(/^__Host-uade_session=.*; Secure;/)
		process.env.UADE_PUBLIC_URL = 'http://uade.example'
		const plain = await serializeSessionCookie(request, 'id')
		expect(plain).toMatch(/^uade_session=/)
		expect(plain).not.toContain('Secure')
	})

	test('still verifies after its secret is rotated, until the old secret is dropped', async () => {
		const account = await createTestAccount()
		const oldSecret = 'o'.repeat(40)
		const newSecret = 'n'.repeat(40)
		process.env.SESSION_SECRET = oldSecret
		const cookie = await sessionCookieFor(account.id)
		process.env.SESSION_SECRET = `${newSecret},${oldSecret}`
		expect(await getOptionalUser(requestWith(cookie))).toMatchObject({ id: account.id })
		const freshCookie = await sessionCookieFor(account.id)
		process.env.SESSION_SECRET = newSecret
		expect(await getOptionalUser(requestWith(cookie))).toBeNull()
		expect(await getOptionalUser(requestWith(freshCookie))).toMatchObject({ id: account.id })
	})
})

describe('session expiry', () => {
	// The clock stands still at one moment (only Date: timers and sockets keep real time), so expiry and
	// renewal are checked to the millisecond and never depend on how long a step took.
	const now = new Date('2026-12-01T12:00:00Z').getTime()
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['Date'], now })
	})
	afterEach(() => {
		vi.useRealTimers()
	})

	test('a session unused for longer than its idle timeout has ended, and its row is deleted', async () => {
		const account = await createTestAccount()
		const cookie = await sessionCookieFor(account.id)
		const id = await sessionIdOf(cookie)
		await prisma.session.update({ where: { id }, data: { expiresAt: new Date(now - 1000) } })

		const outcome = await outcomeOf(() => requireUser(requestWith(cookie)))

		expect(outcome.status).toBe(302)
		expect(outcome.location).toBe('/sign-in?redirectTo=%2Fadmin%2Faccounts%3Fpage%3D2')
		expect(outcome.setCookie).toMatch(/^uade_session=; Max-Age=0;/)
		expect(await prisma.session.findUnique({ where: { id } })).toBeNull()
	})

	test('a session in use ends anyway 30 days after sign-in', async () => {
		const account = await createTestAccount()
		const cookie = await sessionCookieFor(account.id)
		const id = await sessionIdOf(cookie)
		await prisma.session.update({
			where: { id },
			data: {
				createdAt: new Date(now - sessionMaxLifetimeMs - 1000),
				expiresAt: new Date(now + day),
			},
		})
		expect(await getOptionalUser(requestWith(cookie))).toBeNull()
		expect(await prisma.session.findUnique({ where: { id } })).toBeNull()
	})

	test('using a session pushes its end out to a full idle timeout again', async () => {
		const account = await createTestAccount()
		const cookie = await sessionCookieFor(account.id)
		const id = await sessionIdOf(cookie)
		// Last used six days ago: one day left.
		await prisma.session.update({ where: { id }, data: { expiresAt: new Date(now + day) } })

		await requireUser(requestWith(cookie))

		const { expiresAt } = await prisma.session.findUniqueOrThrow({ where: { id } })
		expect(expiresAt.getTime()).toBe(now + sessionIdleTimeoutMs)
	})

	test('is renewed at most once an hour, so reading pages does not write every time', async () => {
		const account = await createTestAccount()
		const cookie = await sessionCookieFor(account.id)
		const id = await sessionIdOf(cookie)
		const recentlyRenewed = new Date(now + sessionIdleTimeoutMs - 10 * 60_000)
		await prisma.session.update({ where: { id }, data: { expiresAt: recentlyRenewed } })

		await requireUser(requestWith(cookie))

		const { expiresAt } = await prisma.session.findUniqueOrThrow({ where: { id } })
		expect(expiresAt).toEqual(recentlyRenewed)
	})

	test('renewal never goes past the 30 days after sign-in', async () => {
		const account = await createTestAccount()
		const cookie = await sessionCookieFor(account.id)
		const id = await sessionIdOf(cookie)
		const createdAt = new Date(now - sessionMaxLifetimeMs + 2 * day)
		await prisma.session.update({
			where: { id },
			data: { createdAt, expiresAt: new Date(now + hour) },
		})

		await requireUser(requestWith(cookie))

		const { expiresAt } = await prisma.session.findUniqueOrThrow({ where: { id } })
		expect(expiresAt.getTime()).toBe(createdAt.getTime() + sessionMaxLifetimeMs)
	})
})

describe('guards', () => {
	test('a visitor is sent to sign-in with the way back; no cookie is cleared when there was none', async () => {
		const outcome = await outcomeOf(() => requireUser(requestWith(null, 'http://localhost/account?x=1')))
		expect(outcome).toMatchObject({ status: 302, location: '/sign-in?redirectTo=%2Faccount%3Fx%3D1' })
		expect(outcome.setCookie).toBeNull()
	})

	test("the way back leaves out Remix's own _routes parameter", async () => {
		const request = requestWith(
			null,
			'http://localhost/admin/accounts?page=2&_routes=routes%2Fadmin%2Faccounts',
		)
		const outcome = await outcomeOf(() => requireUser(request))
		expect(outcome.location).toBe('/sign-in?redirectTo=%2Fadmin%2Faccounts%3Fpage%3D2')
	})

	test('an account without the role gets 403; an admin may do what a fact-checker may', async () => {
		const factChecker = await createTestAccount({ role: 'FACT_CHECKER' })
		const admin = await createTestAccount({ role: 'ADMIN' })
		const asFactChecker = requestWith(await sessionCookieFor(factChecker.id))
		expect((await outcomeOf(() => requireRole(asFactChecker, 'ADMIN'))).status).toBe(403)
		expect(await requireRole(asFactChecker, 'FACT_CHECKER')).toMatchObject({ id: factChecker.id })
		const asAdmin = requestWith(await sessionCookieFor(admin.id))
		expect(await requireRole(asAdmin, 'FACT_CHECKER')).toMatchObject({ id: admin.id })
	})

	test('an account that must replace its password is sent to /account first, wherever it goes', async () => {
		const admin = await createTestAccount({ role: 'ADMIN', mustChangePassword: true })
		const cookie = await sessionCookieFor(admin.id)
		const outcome = await outcomeOf(() => requireRole(requestWith(cookie), 'ADMIN'))
		expect(outcome).toMatchObject({ status: 302, location: '/account' })
		expect(await requireUser(requestWith(cookie, 'http://localhost/account'))).toMatchObject({ id: admin.id })
	})
})

describe('ending sessions', () => {
	test('disabling an account ends its sessions at once', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const factChecker = await createTestAccount()
		const cookies = [await sessionCookieFor(factChecker.id), await sessionCookieFor(factChecker.id)]

		const result = await setDisabled(
			{ userId: factChecker.id, version: factChecker.version, disabled: true },
			{ id: admin.id, role: admin.role, ipAddress: '203.0.113.7' },
		)

		expect(result.status).toBe('saved')
		expect(await prisma.session.count({ where: { userId: factChecker.id } })).toBe(0)
		for (const cookie of cookies) {
			expect((await outcomeOf(() => requireUser(requestWith(cookie)))).status).toBe(302)
		}
	})

	test('a session of a disabled account is refused even if its row survived', async () => {
		const account = await createTestAccount()
		const session = await createSession(prisma, { userId: account.id, ipAddress: null, userAgent: null })
		await prisma.user.update({ where: { id: account.id }, data: { disabled: true } })
		const cookie = (await serializeSessionCookie(new Request('http://localhost/'), session.token)).split(
			';',
		)[0]!
		expect(await getOptionalUser(requestWith(cookie))).toBeNull()
		expect(await prisma.session.findUnique({ where: { id: session.id } })).toBeNull()
	})

	test('signing out deletes the session row and records it', async () => {
		const account = await createTestAccount()
		const cookie = await sessionCookieFor(account.id)
		const id = await sessionIdOf(cookie)

		await signOut({ sessionId: id, ipAddress: '198.51.100.4' })

		expect(await prisma.session.findUnique({ where: { id } })).toBeNull()
		expect(await getOptionalUser(requestWith(cookie))).toBeNull()
		const entry = await prisma.auditEntry.findFirstOrThrow({
			where: { action: 'auth.sign_out', entityId: account.id },
		})
		expect(entry).toMatchObject({ actorId: account.id, ipAddress: '198.51.100.4' })
	})

	test('signing out everywhere ends every session of the account, and no one else’s', async () => {
		const account = await createTestAccount()
		const other = await createTestAccount()
		const cookies = await Promise.all([1, 2, 3].map(() => sessionCookieFor(account.id)))
		const othersCookie = await sessionCookieFor(other.id)

		expect(await signOutEverywhere({ userId: account.id, ipAddress: null })).toEqual({ sessionsEnded: 3 })

		for (const cookie of cookies) expect(await getOptionalUser(requestWith(cookie))).toBeNull()
		expect(await getOptionalUser(requestWith(othersCookie))).toMatchObject({ id: other.id })
	})
})
