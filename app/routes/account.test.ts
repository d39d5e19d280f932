import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { keepSignedInResponsesPrivate } from '~/auth/session.server'
import { passwordCheckLimits } from '~/models/user.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext, testPassword } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { replyOf } from '~/test/reply'
import { action, loader } from './account'

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

function post(cookie: string, fields: Record<string, string>) {
	const request = new Request('http://localhost/account', {
		method: 'POST',
		headers: { Cookie: cookie },
		body: new URLSearchParams(fields),
	})
	return outcomeOf(() => action({ request, params: {}, context: testContext }))
}

describe('/account', () => {
	test('lists where the user is signed in, marking this device, without any session id', async () => {
		const checker = await createTestAccount()
		const cookie = await sessionCookieFor(checker.id)
		await sessionCookieFor(checker.id)
		const outcome = await outcomeOf(() =>
			loader({
				request: new Request('http://localhost/account', { headers: { Cookie: cookie } }),
				params: {},
				context: testContext,
			}),
		)
		const sessionIds = (await prisma.session.findMany({ where: { userId: checker.id } })).map((s) => s.id)
		expect(outcome.body).toMatchObject({ user: { email: checker.email, role: 'FACT_CHECKER' } })
		const sessions = Reflect.get(Object(outcome.body), 'sessions')
		expect(sessions).toHaveLength(2)
		expect(sessions.filter((session: { current: boolean }) => session.current)).toHaveLength(1)
		for (const id of sessionIds) expect(JSON.stringify(outcome.body)).not.toContain(id)
	})

	test('a wrong current password is answered 400 next to its field', async () => {
		const checker = await createTestAccount()
		const outcome = await post(await sessionCookieFor(checker.id), {
			intent: 'change-password',
			currentPassword: 'not my password',
			newPassword: 'a new long password',
			confirmPassword: 'a new long password',
		})
		expect(outcome.status).toBe(400)
		expect(replyOf(outcome.body).fieldErrors).toEqual({
			currentPassword: ['This is not your current password.'],
		})
	})

	test('two different new passwords are answered 400', async () => {
		const checker = await createTestAccount()
		const outcome = await post(await sessionCookieFor(checker.id), {
			intent: 'change-password',
			currentPassword: testPassword,
			newPassword: 'a new long password',
			confirmPassword: 'another long password',
		})
		expect(outcome.status).toBe(400)
		expect(replyOf(outcome.body).fieldErrors).toEqual({
			confirmPassword: ['The two new passwords are not the same.'],
		})
	})

	test('a refused change sends none of the three passwords back, only which form it was', async () => {
		const checker = await createTestAccount({ email: 'echo.account@example.org' })
		const cookie = await sessionCookieFor(checker.id)
		const refusals = [
			// Refused by the schema (too short, not the same)…
			await post(cookie, {
				intent: 'change-password',
				currentPassword: testPassword,
				newPassword: 'short one',
				confirmPassword: 'short two',
			}),
			// …and by the model (the account's email).
			await post(cookie, {
				intent: 'change-password',
				currentPassword: testPassword,
				newPassword: 'echo.account@example.org',
				confirmPassword: 'echo.account@example.org',
			}),
		]
		expect(replyOf(refusals[0]!.body).fieldErrors).toEqual({
			newPassword: ['Use at least 12 characters (this one has 9).'],
			confirmPassword: ['The two new passwords are not the same.'],
		})
		expect(replyOf(refusals[1]!.body).fieldErrors).toEqual({
			newPassword: ['Do not use the email address as the password.'],
		})
		for (const refused of refusals) {
			expect(refused.status).toBe(400)
			expect(replyOf(refused.body).values).toEqual({ intent: 'change-password' })
			for (const secret of [testPassword, 'short one', 'short two', 'echo.account@example.org']) {
				expect(JSON.stringify(refused.body)).not.toContain(secret)
			}
		}
	})

	test('a new password the same as the current one is refused', async () => {
		const checker = await createTestAccount()
		const outcome = await post(await sessionCookieFor(checker.id), {
			intent: 'change-password',
			currentPassword: testPassword,
			newPassword: testPassword,
			confirmPassword: testPassword,
		})
		expect(outcome.status).toBe(400)
		expect(replyOf(outcome.body).fieldErrors).toEqual({
			newPassword: ['Choose a password different from the current one.'],
		})
	})

	test('a changed password is said, with the other devices signed out, and the form emptied', async () => {
		const checker = await createTestAccount()
		const cookie = await sessionCookieFor(checker.id)
		await sessionCookieFor(checker.id)
		const outcome = await post(cookie, {
			intent: 'change-password',
			currentPassword: testPassword,
			newPassword: 'my own new password',
			confirmPassword: 'my own new password',
		})
		expect(outcome.status).toBe(200)
		expect(outcome.body).toEqual({
			result: { initialValue: null },
			success: 'Your password is changed, and you are signed out on 1 other device.',
		})
	})

	test('a form of no button on the page is refused with 400', async () => {
		const checker = await createTestAccount()
		const outcome = await post(await sessionCookieFor(checker.id), { intent: 'delete-account' })
		expect(outcome.status).toBe(400)
		expect(replyOf(outcome.body).fieldErrors).toEqual({
			intent: ['Please use one of the buttons on the page.'],
		})
	})

	test('after the forced change of an admin-set password, the user goes on to their home page', async () => {
		const admin = await createTestAccount({ role: 'ADMIN', mustChangePassword: true })
		const outcome = await post(await sessionCookieFor(admin.id), {
			intent: 'change-password',
			currentPassword: testPassword,
			newPassword: 'my own new password',
			confirmPassword: 'my own new password',
		})
		expect(outcome).toMatchObject({ status: 302, location: '/admin' })
	})

	test('signing out everywhere ends every session and clears this cookie', async () => {
		const checker = await createTestAccount()
		const cookie = await sessionCookieFor(checker.id)
		await sessionCookieFor(checker.id)
		const outcome = await post(cookie, { intent: 'sign-out-everywhere' })
		expect(outcome).toMatchObject({ status: 302, location: '/sign-in?signedOut=everywhere' })
		expect(outcome.setCookie).toMatch(/^uade_session=; Max-Age=0;/)
		expect(await prisma.session.count({ where: { userId: checker.id } })).toBe(0)
	})
})

describe('the current-password check', () => {
	// The clock is fixed (only Date) and moves a second before every post, and by the waits under test.
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T12:00:00Z') })
	})
	afterEach(() => {
		vi.useRealTimers()
	})
	const { failuresBeforeWait } = passwordCheckLimits.backoff

	function changePassword(cookie: string, currentPassword: string) {
		vi.setSystemTime(Date.now() + 1000)
		return post(cookie, {
			intent: 'change-password',
			currentPassword,
			newPassword: 'a brand new password',
			confirmPassword: 'a brand new password',
		})
	}

	test(`after ${failuresBeforeWait} wrong answers: 429 with Retry-After, the form kept, the password unchecked; later, checked again`, async () => {
		const checker = await createTestAccount()
		const cookie = await sessionCookieFor(checker.id)
		for (let attempt = 1; attempt <= failuresBeforeWait; attempt++) {
			expect((await changePassword(cookie, `guess number ${attempt}`)).status).toBe(400)
		}

		// Even the right password is refused while the wait runs: it is not checked at all.
		const refused = await changePassword(cookie, testPassword)
		expect(refused.status).toBe(429)
		expect(refused.retryAfter).toBe('29')
		expect(replyOf(refused.body)).toEqual({
			values: { intent: 'change-password' },
			fieldErrors: { currentPassword: ['Too many wrong current passwords. Try again in 29 seconds.'] },
			formErrors: [],
		})
		expect(JSON.stringify(refused.body)).not.toContain(testPassword)

		// At the end of the wait a guess is checked again; it fails, and the next wait is twice as long.
		vi.setSystemTime(Date.now() + 28_000)
		expect((await changePassword(cookie, 'one more guess')).status).toBe(400)
		expect((await changePassword(cookie, testPassword)).retryAfter).toBe('59')
		expect(
			await prisma.auditEntry.count({
				where: { action: 'user.password_check_failed', entityId: checker.id },
			}),
		).toBe(failuresBeforeWait + 1)

		vi.setSystemTime(Date.now() + 58_000)
		const changed = await changePassword(cookie, testPassword)
		expect(changed.status).toBe(200)
		expect(changed.body).toMatchObject({ success: 'Your password is changed.' })
	})

	test('a burst of parallel wrong answers is counted one by one (an advisory lock in PostgreSQL)', async () => {
		const checker = await createTestAccount()
		const cookie = await sessionCookieFor(checker.id)
		const outcomes = await Promise.all(
			Array.from({ length: 9 }, (_, index) =>
				post(cookie, {
					intent: 'change-password',
					currentPassword: `parallel guess ${index}`,
					newPassword: 'a brand new password',
					confirmPassword: 'a brand new password',
				}),
			),
		)
		const statuses = outcomes.map((outcome) => outcome.status)
		expect(statuses.filter((status) => status === 400)).toHaveLength(failuresBeforeWait)
		expect(statuses.filter((status) => status === 429)).toHaveLength(9 - failuresBeforeWait)
	})

	test('a right answer starts the count afresh; the count is the account’s own', async () => {
		const checker = await createTestAccount()
		const other = await createTestAccount()
		const cookie = await sessionCookieFor(checker.id)
		for (let attempt = 1; attempt < failuresBeforeWait; attempt++) await changePassword(cookie, 'wrong')
		// Right, though the new password is refused: knowing the current one is what counts.
		vi.setSystemTime(Date.now() + 1000)
		const sameAsCurrent = await post(cookie, {
			intent: 'change-password',
			currentPassword: testPassword,
			newPassword: testPassword,
			confirmPassword: testPassword,
		})
		expect(sameAsCurrent.status).toBe(400)
		for (let attempt = 1; attempt < failuresBeforeWait; attempt++) {
			expect((await changePassword(cookie, 'wrong again')).status).toBe(400)
		}
		expect((await changePassword(cookie, 'wrong once more')).status).toBe(400)
		expect((await changePassword(cookie, testPassword)).status).toBe(429)

		const othersCookie = await sessionCookieFor(other.id)
		expect((await changePassword(othersCookie, testPassword)).status).toBe(200)
	})
})

test('a response to a browser with a session cookie is never stored by a shared cache', async () => {
	const checker = await createTestAccount()
	const signedIn = new Request('http://localhost/en', {
		headers: { Cookie: await sessionCookieFor(checker.id) },
	})
	const headers = new Headers({ 'Cache-Control': 'public, s-maxage=300' })
	keepSignedInResponsesPrivate(signedIn, headers)
	expect(headers.get('Cache-Control')).toBe('private, no-store')

	const anonymous = new Headers({ 'Cache-Control': 'public, s-maxage=300' })
	keepSignedInResponsesPrivate(
		new Request('http://localhost/en', { headers: { Cookie: 'uade_lang=ru' } }),
		anonymous,
	)
	expect(anonymous.get('Cache-Control')).toBe('public, s-maxage=300')
})
