import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { addressKey, signInThrottle } from '~/auth/rate-limit.server'
import { readSessionId } from '~/auth/session.server'
import { signIn } from '~/auth/sign-in.server'
import { backoffWaitMs } from '~/models/backoff.server'
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
		// The row's id is the hash of the cookie's token (session.test.ts), never the token itself.
		expect(sessionId).toMatch(/^[0-9a-f]{64}$/)
		expect(decodeURIComponent(outcome.setCookie!)).not.toContain(sessionId)
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

describe('sign-in throttling', () => {
	const { perAccount, perAddress } = signInThrottle
	const wrong = (email: string, ip: string) => submit({ email, password: 'a wrong guess' }, { ip })
	const right = (email: string, ip: string) => submit({ email, password: testPassword }, { ip })

	test('the waits: free failures, then 30 s doubling, up to 15 minutes per account and an hour per address', () => {
		const waits = (backoff: typeof perAccount | typeof perAddress, upTo: number) =>
			Array.from({ length: upTo }, (_, index) => backoffWaitMs(index + 1, backoff) / 1000)
		expect(waits(perAccount, 12)).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900])
		expect(waits(perAddress, 19)).toEqual([
			0, 0, 0, 0, 0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
		])
	})

	test('a lockout attempt on an account does not stop its right password from another address', async () => {
		const account = await createTestAccount({ email: 'under-attack@example.org' })
		// One address guesses on and on; twenty more guess three times each.
		for (let attempt = 1; attempt <= 30; attempt++) await wrong(account.email, '192.0.2.10')
		for (let guesser = 1; guesser <= 20; guesser++) {
			for (let attempt = 1; attempt <= 3; attempt++) await wrong(account.email, `192.0.2.${100 + guesser}`)
		}
		expect((await wrong(account.email, '192.0.2.10')).status).toBe(429)
		expect((await right(account.email, '192.0.2.10')).status).toBe(429)

		const owner = await right(account.email, '198.51.100.50')

		expect(owner.status).toBe(302)
		expect(owner.location).toBe('/account')
		expect(await prisma.session.count({ where: { userId: account.id, ipAddress: '198.51.100.50' } })).toBe(1)
	})

	test('an address is refused with a growing Retry-After, its password unchecked; after each wait it may try again', async () => {
		const account = await createTestAccount({ email: 'guessed@example.org' })
		const guesser = '192.0.2.20'
		for (let attempt = 1; attempt <= perAccount.failuresBeforeWait; attempt++) {
			expect((await wrong(account.email, guesser)).status).toBe(400)
		}
		const auditBefore = await prisma.auditEntry.count({ where: { entityId: account.id } })

		// Every attempt comes a second after the one before; each wait runs from the last failure. While it
		// runs even the right password is refused; at its very end the next guess is checked (and fails).
		const retryAfters: Array<string | null> = []
		for (const waitSeconds of [30, 60, 120, 240]) {
			const refused = await right(account.email, guesser)
			expect(refused.status).toBe(429)
			expect(refused.setCookie).toBeNull()
			expect(replyOf(refused.body).values).toEqual({ email: account.email })
			expect(JSON.stringify(refused.body)).not.toContain(testPassword)
			retryAfters.push(refused.retryAfter)
			letTimePass((waitSeconds - 2) * 1000)
			expect((await wrong(account.email, guesser)).status).toBe(400)
		}
		expect(retryAfters).toEqual(['29', '59', '119', '239'])
		// Refused attempts were neither checked nor recorded: only the four checked guesses were.
		expect(await prisma.auditEntry.count({ where: { entityId: account.id } })).toBe(auditBefore + 4)

		const longer = await right(account.email, guesser)
		expect(longer.retryAfter).toBe('479')
		expect(formErrorOf(longer.body)).toBe('Too many unsuccessful sign-in attempts. Try again in 8 minutes.')
		letTimePass((480 - 2) * 1000)
		expect((await right(account.email, guesser)).status).toBe(302)
	})

	test('someone who mistyped while their account is guessed waits from their own failure, then signs in', async () => {
		const account = await createTestAccount({ email: 'mistyped@example.org' })
		for (let attempt = 1; attempt <= 12; attempt++) await wrong(account.email, `192.0.2.${30 + attempt}`)
		expect((await wrong(account.email, '198.51.100.60')).status).toBe(400)
		// The account has 13 failures: the wait is the longest, 15 minutes, from this person's own failure.
		const refused = await right(account.email, '198.51.100.60')
		expect(refused.status).toBe(429)
		expect(formErrorOf(refused.body)).toBe('Too many unsuccessful sign-in attempts. Try again in 15 minutes.')
		// Guessers failing meanwhile do not push it out.
		letTimePass(10 * 60_000)
		await wrong(account.email, '192.0.2.77')
		letTimePass(5 * 60_000)
		expect((await right(account.email, '198.51.100.60')).status).toBe(302)
	})

	test('a successful sign-in starts the account’s count afresh', async () => {
		const account = await createTestAccount({ email: 'typo-prone@example.org' })
		const fail = () => wrong(account.email, '192.0.2.150')
		for (let attempt = 1; attempt < perAccount.failuresBeforeWait; attempt++) await fail()
		expect((await right(account.email, '192.0.2.150')).status).toBe(302)
		for (let attempt = 1; attempt <= perAccount.failuresBeforeWait; attempt++) {
			expect((await fail()).status).toBe(400)
		}
		// Counted from the success on: the wait begins once those failures reach the limit.
		expect((await fail()).status).toBe(429)
	})

	test(`an address that failed ${perAddress.failuresBeforeWait} times across accounts waits, whatever account it tries; other addresses do not`, async () => {
		const ip = '198.51.100.77'
		for (let attempt = 1; attempt <= perAddress.failuresBeforeWait; attempt++) {
			expect((await wrong(`sprayed-${attempt}@example.org`, ip)).status).toBe(400)
		}
		const victim = await createTestAccount({ email: 'victim@example.org' })
		const refused = await right(victim.email, ip)
		expect(refused.status).toBe(429)
		expect(refused.retryAfter).toBe('29')
		expect(formErrorOf(refused.body)).toBe('Too many unsuccessful sign-in attempts. Try again in 29 seconds.')
		expect((await right(victim.email, '198.51.100.78')).status).toBe(302)
	})

	test('counts an IPv6 visitor by their /64 network, so changing address inside it does not help', async () => {
		expect(addressKey('2001:db8:abcd:12::1')).toBe('2001:db8:abcd:12::/64')
		expect(addressKey('2001:0db8:abcd:0012:ffff:ffff:ffff:ffff')).toBe('2001:db8:abcd:12::/64')
		expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
		expect(addressKey('192.0.2.1')).toBe('192.0.2.1')
		expect(addressKey('not an address')).toBe('unknown')
		expect(addressKey(null)).toBe('unknown')
		for (let attempt = 1; attempt <= perAddress.failuresBeforeWait; attempt++) {
			await wrong(`v6-${attempt}@example.org`, `2001:db8:abcd:12::${attempt.toString(16)}`)
		}
		expect((await wrong('v6-new@example.org', '2001:db8:abcd:12:9::9')).status).toBe(429)
		expect((await wrong('v6-new@example.org', '2001:db8:abcd:13::1')).status).toBe(400)
	})

	test('counts a burst of parallel guesses one by one: no check-then-write race (advisory locks in PostgreSQL)', async () => {
		const account = await createTestAccount({ email: 'burst@example.org' })
		const guess = (email: string, index: number, ipAddress: string) =>
			signIn({
				email,
				password: `parallel guess ${index}`,
				ipAddress,
				userAgent: null,
				previousSessionId: null,
			})
		const onOneAccount = await Promise.all(
			Array.from({ length: 12 }, (_, index) => guess(account.email, index, '192.0.2.222')),
		)
		const statuses = onOneAccount.map((result) => result.status)
		expect(statuses.filter((status) => status === 'invalid')).toHaveLength(perAccount.failuresBeforeWait)
		expect(statuses.filter((status) => status === 'rate-limited')).toHaveLength(
			12 - perAccount.failuresBeforeWait,
		)

		const acrossAccounts = await Promise.all(
			Array.from({ length: 15 }, (_, index) => guess(`burst-${index}@example.org`, index, '192.0.2.223')),
		)
		expect(acrossAccounts.filter((result) => result.status === 'invalid')).toHaveLength(
			perAddress.failuresBeforeWait,
		)
	})

	test('an address that is not an IP address is stored nowhere: the session and audit log get null', async () => {
		const account = await createTestAccount({ email: 'forged-address@example.org' })
		const outcome = await right(account.email, '<script>alert(1)</script>')
		expect(outcome.status).toBe(302)
		const session = await prisma.session.findFirstOrThrow({ where: { userId: account.id } })
		expect(session.ipAddress).toBeNull()
		const entry = await prisma.auditEntry.findFirstOrThrow({
			where: { action: 'auth.sign_in', entityId: account.id },
		})
		expect(entry.ipAddress).toBeNull()
		const attempt = await prisma.signInAttempt.findFirstOrThrow({ where: { email: account.email } })
		expect(attempt.ipAddress).toBe('unknown')
	})
})
