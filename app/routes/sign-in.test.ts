import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { addressKey, signInLimits } from '~/auth/rate-limit.server'
import { readSessionId } from '~/auth/session.server'
import { signIn } from '~/auth/sign-in.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext, testPassword } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { replyOf } from '~/test/reply'
import { action, loader } from './sign-in'

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient

// The clock is fixed (only Date: timers and sockets keep real time) and moves only when the test moves it:
// a second before every attempt, and the minutes the rate limit's waits are about. So the waits it answers
// are exact, and no attempt shares its moment with the one before, however fast or slow the machine is.
const start = new Date('2026-12-01T12:00:00Z')

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	vi.useFakeTimers({ toFake: ['Date'], now: start })
})

afterAll(async () => {
	vi.useRealTimers()
	await prisma.$disconnect()
	await database.drop()
})

type Form = { email?: string; password?: string; redirectTo?: string }

/** Moves the clock on, as if `ms` had passed. */
function letTimePass(ms: number) {
	vi.setSystemTime(Date.now() + ms)
}

function submit(form: Form, { ip = '203.0.113.7', cookie }: { ip?: string; cookie?: string } = {}) {
	letTimePass(1000)
	const request = new Request('http://localhost/sign-in', {
		method: 'POST',
		headers: cookie ? { Cookie: cookie } : {},
		body: new URLSearchParams(Object.entries(form).filter((entry): entry is [string, string] => !!entry[1])),
	})
	return outcomeOf(() => action({ request, params: {}, context: { ...testContext, clientIp: ip } }))
}

function formErrorOf(body: unknown): string | undefined {
	return replyOf(body).formErrors.join(' ') || undefined
}

describe('signing in', () => {
	test('the right password starts a session, sets its cookie and goes to the admin area', async () => {
		const admin = await createTestAccount({ role: 'ADMIN', email: 'ada@example.org' })

		const outcome = await submit({ email: ' Ada@Example.org ', password: testPassword })

		expect(outcome.status).toBe(302)
		expect(outcome.location).toBe('/admin')
		expect(outcome.setCookie).toMatch(
			/^uade_session=[^;]+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/,
		)
		const sessionId = await readSessionId(
			new Request('http://localhost/', { headers: { Cookie: outcome.setCookie! } }),
		)
		const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId! } })
		expect(session).toMatchObject({ userId: admin.id, ipAddress: '203.0.113.7' })
		expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/)
		const audit = await prisma.auditEntry.findFirstOrThrow({
			where: { action: 'auth.sign_in', actorId: admin.id },
		})
		expect(audit).toMatchObject({ entityType: 'User', entityId: admin.id, ipAddress: '203.0.113.7' })
	})

	test('a fact-checker lands on their account page; a safe redirectTo is followed', async () => {
		await createTestAccount({ role: 'FACT_CHECKER', email: 'farida@example.org' })
		expect((await submit({ email: 'farida@example.org', password: testPassword })).location).toBe('/account')
		const back = await submit({
			email: 'farida@example.org',
			password: testPassword,
			redirectTo: '/account?tab=2',
		})
		expect(back.location).toBe('/account?tab=2')
	})

	test.each(['//evil.example', 'https://evil.example', '/\\evil.example'])(
		'redirectTo=%s is ignored: the user lands on their home page',
		async (redirectTo) => {
			// An account of its own for each case (its email unique by the accounts' counter).
			const { email } = await createTestAccount({ role: 'ADMIN' })
			expect((await submit({ email, password: testPassword, redirectTo })).location).toBe('/admin')
		},
	)

	test('the sign-in page drops an unsafe redirectTo and sends a signed-in visitor on', async () => {
		const page = (query: string, cookie?: string) =>
			outcomeOf(() =>
				loader({
					request: new Request(`http://localhost/sign-in?${query}`, {
						headers: cookie ? { Cookie: cookie } : {},
					}),
					params: {},
					context: testContext,
				}),
			)
		expect((await page('redirectTo=%2F%2Fevil.example')).body).toMatchObject({ redirectTo: null })
		expect((await page('redirectTo=%2Fadmin%2Faccounts')).body).toMatchObject({
			redirectTo: '/admin/accounts',
		})
		const admin = await createTestAccount({ role: 'ADMIN' })
		const cookie = await sessionCookieFor(admin.id)
		expect(await page('redirectTo=https%3A%2F%2Fevil.example', cookie)).toMatchObject({
			status: 302,
			location: '/admin',
		})
	})

	test('issues a new session id at every sign-in and ends the one the browser had', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const oldCookie = await sessionCookieFor(admin.id)
		const oldId = await readSessionId(new Request('http://localhost/', { headers: { Cookie: oldCookie } }))

		const outcome = await submit({ email: admin.email, password: testPassword }, { cookie: oldCookie })

		const newId = await readSessionId(
			new Request('http://localhost/', { headers: { Cookie: outcome.setCookie! } }),
		)
		expect(newId).not.toBe(oldId)
		expect(await prisma.session.findUnique({ where: { id: oldId! } })).toBeNull()
		expect(await prisma.session.findUnique({ where: { id: newId! } })).not.toBeNull()
	})

	test('an unknown email and a wrong password get the very same answer, with the email kept', async () => {
		const account = await createTestAccount({ email: 'known@example.org' })
		const wrongPassword = await submit({ email: 'known@example.org', password: 'not the password' })
		const unknownEmail = await submit({ email: 'unknown@example.org', password: 'not the password' })

		expect(wrongPassword.status).toBe(400)
		expect(unknownEmail.status).toBe(400)
		expect(formErrorOf(wrongPassword.body)).toBe(
			'The email or the password is not right. Please check both and try again.',
		)
		expect(formErrorOf(unknownEmail.body)).toBe(formErrorOf(wrongPassword.body))
		expect(replyOf(wrongPassword.body).values).toEqual({ email: 'known@example.org' })
		expect(wrongPassword.setCookie).toBeNull()

		// The failures these two attempts recorded: by the account and by the unknown email, never by the time.
		const failures = await prisma.auditEntry.findMany({
			where: {
				action: 'auth.sign_in_failed',
				OR: [{ entityId: account.id }, { after: { path: ['email'], equals: 'unknown@example.org' } }],
			},
		})
		expect(failures).toHaveLength(2)
		expect(failures.map((entry) => [entry.entityType, entry.after, entry.ipAddress, entry.actorId])).toEqual(
			expect.arrayContaining([
				['User', { email: 'known@example.org', reason: 'wrong-password' }, '203.0.113.7', null],
				['SignInAttempt', { email: 'unknown@example.org', reason: 'unknown-email' }, '203.0.113.7', null],
			]),
		)
		expect(failures.find((entry) => entry.entityType === 'User')?.entityId).toBe(account.id)
	})

	test('a refused sign-in keeps the email and where it was going, and never sends the password back', async () => {
		await createTestAccount({ email: 'echo@example.org' })
		const password = 'a secret that must not come back'
		const refusals = [
			await submit({ email: 'Echo@Example.org', password, redirectTo: '/account' }),
			await submit({ email: 'not an email', password, redirectTo: '/account' }),
		]
		for (const refused of refusals) {
			expect(refused.status).toBe(400)
			expect(replyOf(refused.body).values).toEqual({
				email: expect.stringMatching(/^(Echo@Example\.org|not an email)$/),
				redirectTo: '/account',
			})
			expect(JSON.stringify(refused.body)).not.toContain(password)
		}
	})

	test('a form without an email or a password is answered 400, field by field', async () => {
		const outcome = await submit({ email: 'not an email' })
		expect(outcome.status).toBe(400)
		expect(replyOf(outcome.body)).toEqual({
			values: { email: 'not an email' },
			fieldErrors: {
				email: ['Enter an email address like name@example.org.'],
				password: ['Enter your password.'],
			},
			formErrors: [],
		})
	})

	test('a disabled account cannot sign in; only its right password learns why', async () => {
		const account = await createTestAccount({ email: 'disabled@example.org' })
		await prisma.user.update({ where: { id: account.id }, data: { disabled: true } })

		const right = await submit(
			{ email: 'disabled@example.org', password: testPassword },
			{ ip: '198.51.100.20' },
		)
		const wrong = await submit(
			{ email: 'disabled@example.org', password: 'a wrong password' },
			{ ip: '198.51.100.20' },
		)

		expect(right.status).toBe(403)
		expect(formErrorOf(right.body)).toBe(
			'This account is disabled. If you think this is a mistake, please ask an admin.',
		)
		expect(right.setCookie).toBeNull()
		expect(replyOf(right.body).values).toEqual({ email: 'disabled@example.org' })
		expect(JSON.stringify(right.body)).not.toContain(testPassword)
		expect(wrong.status).toBe(400)
		expect(await prisma.session.count({ where: { userId: account.id } })).toBe(0)
	})
})

describe('the sign-in rate limit', () => {
	test(`allows ${signInLimits.failuresPerAccount} failures per account, then answers 429 with the wait, even to the right password`, async () => {
		const account = await createTestAccount({ email: 'guessed@example.org' })
		for (let attempt = 1; attempt <= signInLimits.failuresPerAccount; attempt++) {
			const outcome = await submit(
				{ email: account.email, password: `guess number ${attempt}` },
				{ ip: `192.0.2.${attempt}` },
			)
			expect(outcome.status).toBe(400)
		}

		const blocked = await submit({ email: account.email, password: testPassword }, { ip: '192.0.2.99' })

		expect(blocked.status).toBe(429)
		expect(formErrorOf(blocked.body)).toBe('Too many unsuccessful sign-in attempts. Try again in 15 minutes.')
		expect(replyOf(blocked.body).values).toEqual({ email: account.email })
		expect(JSON.stringify(blocked.body)).not.toContain(testPassword)
		expect(blocked.setCookie).toBeNull()

		letTimePass(10 * 60_000)
		const stillBlocked = await submit({ email: account.email, password: testPassword }, { ip: '192.0.2.99' })
		expect(formErrorOf(stillBlocked.body)).toBe(
			'Too many unsuccessful sign-in attempts. Try again in 5 minutes.',
		)

		letTimePass(5 * 60_000 + 1000)
		expect(
			(await submit({ email: account.email, password: testPassword }, { ip: '192.0.2.99' })).status,
		).toBe(302)
	})

	test('a successful sign-in starts the account’s count afresh', async () => {
		const account = await createTestAccount({ email: 'typo-prone@example.org' })
		const fail = () => submit({ email: account.email, password: 'almost right' }, { ip: '192.0.2.150' })
		for (let attempt = 1; attempt < signInLimits.failuresPerAccount; attempt++) await fail()
		expect(
			(await submit({ email: account.email, password: testPassword }, { ip: '192.0.2.150' })).status,
		).toBe(302)
		for (let attempt = 1; attempt <= signInLimits.failuresPerAccount; attempt++) {
			expect((await fail()).status).toBe(400)
		}
		// Counted from the success on: the limit holds again once those failures reach it.
		expect((await fail()).status).toBe(429)
	})

	test(`allows ${signInLimits.failuresPerAddress} failures per address across accounts, then 429 for any account from it`, async () => {
		const ip = '198.51.100.77'
		for (let attempt = 1; attempt <= signInLimits.failuresPerAddress; attempt++) {
			expect(
				(await submit({ email: `sprayed-${attempt}@example.org`, password: 'password123456' }, { ip }))
					.status,
			).toBe(400)
		}
		const victim = await createTestAccount({ email: 'victim@example.org' })
		expect((await submit({ email: victim.email, password: testPassword }, { ip })).status).toBe(429)
		expect(
			(await submit({ email: victim.email, password: testPassword }, { ip: '198.51.100.78' })).status,
		).toBe(302)
	})

	test('counts an IPv6 visitor by their /64 network, so changing address inside it does not help', async () => {
		expect(addressKey('2001:db8:abcd:12::1')).toBe('2001:db8:abcd:12::/64')
		expect(addressKey('2001:0db8:abcd:0012:ffff:ffff:ffff:ffff')).toBe('2001:db8:abcd:12::/64')
		expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
		expect(addressKey('192.0.2.1')).toBe('192.0.2.1')
		for (let attempt = 1; attempt <= signInLimits.failuresPerAddress; attempt++) {
			await submit(
				{ email: `v6-${attempt}@example.org`, password: 'password123456' },
				{ ip: `2001:db8:abcd:12::${attempt.toString(16)}` },
			)
		}
		expect(
			(await submit({ email: 'v6-new@example.org', password: 'x' }, { ip: '2001:db8:abcd:12:9::9' })).status,
		).toBe(429)
		expect(
			(await submit({ email: 'v6-new@example.org', password: 'x' }, { ip: '2001:db8:abcd:13::1' })).status,
		).toBe(400)
	})

	test('counts a burst of parallel guesses one by one: no check-then-write race (advisory locks in PostgreSQL)', async () => {
		const account = await createTestAccount({ email: 'burst@example.org' })
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, index) =>
				signIn({
					email: account.email,
					password: `parallel guess ${index}`,
					ipAddress: `192.0.2.${200 + index}`,
					userAgent: null,
					previousSessionId: null,
				}),
			),
		)
		const statuses = results.map((result) => result.status)
		expect(statuses.filter((status) => status === 'invalid')).toHaveLength(signInLimits.failuresPerAccount)
		expect(statuses.filter((status) => status === 'rate-limited')).toHaveLength(
			12 - signInLimits.failuresPerAccount,
		)
	})
})
