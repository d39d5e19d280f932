import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { signIn } from '~/auth/sign-in.server'
import { createTestAccount, outcomeOf, sessionCookieFor, testContext } from '~/test/accounts'
import { useTestDatabaseForApp } from '~/test/db'
import { replyOf } from '~/test/reply'
import * as accountList from './accounts'
import * as accountPage from './accounts.$userId'
import * as newAccountPage from './accounts.new'

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient
let adminCookie: string
let adminId: string

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
	const admin = await createTestAccount({ role: 'ADMIN', email: 'the.admin@example.org' })
	adminId = admin.id
	adminCookie = await sessionCookieFor(admin.id)
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

function post(path: string, fields: Record<string, string>) {
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: { Cookie: adminCookie },
		body: new URLSearchParams(fields),
	})
}

function createAccount(fields: Record<string, string>) {
	return outcomeOf(() =>
		newAccountPage.action({ request: post('/admin/accounts/new', fields), params: {}, context: testContext }),
	)
}

function changeAccount(userId: string, fields: Record<string, string>) {
	return outcomeOf(() =>
		accountPage.action({
			request: post(`/admin/accounts/${userId}`, fields),
			params: { userId },
			context: testContext,
		}),
	)
}

function field(body: unknown, name: string): unknown {
	return typeof body === 'object' && body !== null && name in body ? Reflect.get(body, name) : undefined
}

describe('creating an account (/admin/accounts/new)', () => {
	test('with a one-time password: 201, the password shown once; it signs in, to be replaced at once', async () => {
		const outcome = await createAccount({
			email: 'Dana@Example.org',
			displayName: 'Dana',
			role: 'FACT_CHECKER',
			passwordChoice: 'generate',
		})
		expect(outcome.status).toBe(201)
		const created = field(outcome.body, 'created')
		const oneTimePassword = field(created, 'oneTimePassword')
		expect(oneTimePassword).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/)
		const user = await prisma.user.findUniqueOrThrow({ where: { email: 'dana@example.org' } })
		expect(user).toMatchObject({ role: 'FACT_CHECKER', mustChangePassword: true })
		const entry = await prisma.auditEntry.findFirstOrThrow({
			where: { action: 'user.create', entityId: user.id },
		})
		expect(entry).toMatchObject({ actorId: adminId, ipAddress: testContext.clientIp })
		expect(JSON.stringify(entry.after)).not.toContain(String(oneTimePassword))

		const result = await signIn({
			email: 'dana@example.org',
			password: String(oneTimePassword),
			ipAddress: '192.0.2.1',
			userAgent: null,
			previousSessionId: null,
		})
		expect(result).toMatchObject({ status: 'signed-in', user: { mustChangePassword: true } })
	})

	test('with a password the admin types in', async () => {
		const outcome = await createAccount({
			email: 'typed@example.org',
			displayName: 'Typed',
			role: 'ADMIN',
			passwordChoice: 'set',
			password: 'typed by the admin',
		})
		expect(outcome.status).toBe(201)
		expect(field(field(outcome.body, 'created'), 'oneTimePassword')).toBeNull()
		expect(await prisma.user.findUnique({ where: { email: 'typed@example.org' } })).toMatchObject({
			role: 'ADMIN',
			mustChangePassword: true,
		})
	})

	test('bad values come back with 400, a message per field and the values kept', async () => {
		const outcome = await createAccount({
			email: 'nope',
			displayName: '  ',
			role: 'OWNER',
			passwordChoice: 'generate',
		})
		expect(outcome.status).toBe(400)
		expect(replyOf(outcome.body)).toEqual({
			values: { email: 'nope', displayName: '  ', role: 'OWNER', passwordChoice: 'generate' },
			fieldErrors: {
				email: ['Enter an email address like name@example.org.'],
				displayName: ['Enter a name.'],
				role: ['Choose a role.'],
			},
			formErrors: [],
		})
		expect(field(outcome.body, 'created')).toBeUndefined()
	})

	test('a typed password that is too short, or an email already taken, is refused with 400', async () => {
		const short = await createAccount({
			email: 'short@example.org',
			displayName: 'Short',
			role: 'FACT_CHECKER',
			passwordChoice: 'set',
			password: 'too short',
		})
		expect(short.status).toBe(400)
		expect(replyOf(short.body).fieldErrors).toEqual({
			password: ['Use at least 12 characters (this one has 9).'],
		})
		// The email and name are kept; the password is never sent back.
		expect(replyOf(short.body).values).toEqual({
			email: 'short@example.org',
			displayName: 'Short',
			role: 'FACT_CHECKER',
			passwordChoice: 'set',
		})
		expect(JSON.stringify(short.body)).not.toContain('too short')
		expect(await prisma.user.findUnique({ where: { email: 'short@example.org' } })).toBeNull()

		const none = await createAccount({
			email: 'none@example.org',
			displayName: 'None',
			role: 'FACT_CHECKER',
			passwordChoice: 'set',
		})
		expect(none.status).toBe(400)
		expect(replyOf(none.body).fieldErrors).toEqual({
			password: ['Type in a password, or choose to generate one.'],
		})

		const taken = await createAccount({
			email: 'the.admin@example.org',
			displayName: 'Again',
			role: 'ADMIN',
			passwordChoice: 'generate',
		})
		expect(taken.status).toBe(400)
		expect(replyOf(taken.body).fieldErrors).toEqual({
			email: ['An account with this email already exists.'],
		})

		const typedEmail = await createAccount({
			email: 'Same@Example.org',
			displayName: 'Same',
			role: 'FACT_CHECKER',
			passwordChoice: 'set',
			password: 'same@example.org',
		})
		expect(typedEmail.status).toBe(400)
		expect(replyOf(typedEmail.body).fieldErrors).toEqual({
			password: ['Do not use the email address as the password.'],
		})
		expect(replyOf(typedEmail.body).values).not.toHaveProperty('password')
	})
})

describe('changing an account (/admin/accounts/:userId)', () => {
	test('the last active admin cannot be demoted or disabled: 409 and why', async () => {
		await prisma.user.updateMany({
			where: { role: 'ADMIN', id: { not: adminId } },
			data: { role: 'FACT_CHECKER' },
		})
		const { version } = await prisma.user.findUniqueOrThrow({ where: { id: adminId } })
		const demote = await changeAccount(adminId, {
			intent: 'change-role',
			version: String(version),
			role: 'FACT_CHECKER',
		})
		expect(demote.status).toBe(409)
		expect(replyOf(demote.body).formErrors).toEqual([
			expect.stringMatching(/^This is the last active admin account/),
		])
		const disable = await changeAccount(adminId, {
			intent: 'set-disabled',
			version: String(version),
			disabled: 'true',
		})
		expect(disable.status).toBe(409)
		expect(replyOf(disable.body).formErrors).toEqual([
			expect.stringMatching(/^This is the last active admin account/),
		])
		expect(await prisma.user.findUniqueOrThrow({ where: { id: adminId } })).toMatchObject({
			role: 'ADMIN',
			disabled: false,
		})
	})

	test('a save from a stale page is refused with 409, nothing written', async () => {
		const checker = await createTestAccount()
		await changeAccount(checker.id, {
			intent: 'change-role',
			version: String(checker.version),
			role: 'ADMIN',
		})
		const stale = await changeAccount(checker.id, {
			intent: 'set-disabled',
			version: String(checker.version),
			disabled: 'true',
		})
		expect(stale.status).toBe(409)
		expect(field(stale.body, 'conflict')).toMatch(
			/^Someone else changed this account while you had this page open/,
		)
		expect((await prisma.user.findUniqueOrThrow({ where: { id: checker.id } })).disabled).toBe(false)
	})

	test('a role change says the new role, or that it stays; a disabled account is said so', async () => {
		const checker = await createTestAccount()
		const kept = await changeAccount(checker.id, {
			intent: 'change-role',
			version: String(checker.version),
			role: 'FACT_CHECKER',
		})
		expect(kept.body).toMatchObject({ intent: 'change-role', success: 'The role stays Fact-checker.' })
		const promoted = await changeAccount(checker.id, {
			intent: 'change-role',
			version: String(checker.version),
			role: 'ADMIN',
		})
		expect(promoted.body).toMatchObject({ intent: 'change-role', success: 'The role is now Admin.' })
		const disabled = await changeAccount(checker.id, {
			intent: 'set-disabled',
			version: String(checker.version + 1),
			disabled: 'true',
		})
		expect(disabled.body).toMatchObject({
			intent: 'set-disabled',
			success: 'The account is disabled and every session of it has ended.',
		})
	})

	test('a password reset ends the sessions and shows the new one-time password once', async () => {
		const checker = await createTestAccount()
		await sessionCookieFor(checker.id)
		const outcome = await changeAccount(checker.id, {
			intent: 'reset-password',
			version: String(checker.version),
			passwordChoice: 'generate',
		})
		expect(outcome.status).toBe(200)
		expect(field(outcome.body, 'oneTimePassword')).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/)
		expect(await prisma.session.count({ where: { userId: checker.id } })).toBe(0)
	})

	test('a typed reset password that is the email is refused with 400 next to the field', async () => {
		const checker = await createTestAccount({ email: 'resetme@example.org' })
		const outcome = await changeAccount(checker.id, {
			intent: 'reset-password',
			version: String(checker.version),
			passwordChoice: 'set',
			password: 'resetme@example.org',
		})
		expect(outcome.status).toBe(400)
		expect(replyOf(outcome.body)).toEqual({
			values: { intent: 'reset-password', version: String(checker.version), passwordChoice: 'set' },
			fieldErrors: { password: ['Do not use the email address as the password.'] },
			formErrors: [],
		})
		expect(JSON.stringify(outcome.body)).not.toContain('resetme@example.org')
	})

	test('an unknown intent or a missing version is a 400; an unknown account a 404', async () => {
		const checker = await createTestAccount()
		const unknown = await changeAccount(checker.id, { intent: 'delete-everything' })
		expect(unknown.status).toBe(400)
		expect(replyOf(unknown.body).fieldErrors).toEqual({
			intent: ['Please use one of the buttons on the page.'],
		})
		const noVersion = await changeAccount(checker.id, { intent: 'change-role', role: 'ADMIN' })
		expect(noVersion.status).toBe(400)
		expect(replyOf(noVersion.body).values).toEqual({ intent: 'change-role', role: 'ADMIN' })
		expect(replyOf(noVersion.body).fieldErrors).toEqual({ version: ['Reload the page and try again.'] })
		expect(
			(await changeAccount('no-such-user', { intent: 'change-role', version: '1', role: 'ADMIN' })).status,
		).toBe(404)
		// An unknown account is a 404 even when the form is refused too.
		expect((await changeAccount('no-such-user', { intent: 'delete-everything' })).status).toBe(404)
		const page = await outcomeOf(() =>
			accountPage.loader({
				request: new Request('http://localhost/admin/accounts/no-such-user', {
					headers: { Cookie: adminCookie },
				}),
				params: { userId: 'no-such-user' },
				context: testContext,
			}),
		)
		expect(page.status).toBe(404)
	})
})

describe('the account list (/admin/accounts)', () => {
	test('a page that is no page number (1e308, abc, 0) shows the first page; one past the last is a 404', async () => {
		const list = (query: string) =>
			outcomeOf(() =>
				accountList.loader({
					request: new Request(`http://localhost/admin/accounts${query}`, {
						headers: { Cookie: adminCookie },
					}),
					params: {},
					context: testContext,
				}),
			)
		for (const query of ['?page=1e308', '?page=abc', '?page=0', '?page=-1', '']) {
			const outcome = await list(query)
			expect(outcome.status).toBe(200)
			expect(Reflect.get(Object(outcome.body), 'page')).toBe(1)
		}
		expect((await list('?page=999999')).status).toBe(404)
	})
})
