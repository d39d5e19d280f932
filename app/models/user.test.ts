import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createTestAccount, sessionCookieFor, testPassword } from '~/test/accounts'
import { changePasswordProblems } from '~/forms/account'
import { useTestDatabaseForApp } from '~/test/db'
import { verifyPassword } from './password.server'
import {
	changeOwnPassword,
	changeRole,
	createAccount,
	getAccountsSummary,
	resetPassword,
	setDisabled,
	type Account,
} from './user.server'

let database: Awaited<ReturnType<typeof useTestDatabaseForApp>>['database']
let prisma: PrismaClient

beforeAll(async () => {
	;({ database, prisma } = await useTestDatabaseForApp())
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

// Every test starts with no admin at all, so the last-admin rule sees only the test's own accounts.
beforeEach(async () => {
	await prisma.user.updateMany({ where: { role: 'ADMIN' }, data: { role: 'FACT_CHECKER' } })
})

const ip = '203.0.113.9'
const actorOf = (account: Account) => ({ id: account.id, role: account.role, ipAddress: ip })

async function current(account: Account): Promise<Account> {
	return prisma.user.findUniqueOrThrow({
		where: { id: account.id },
		select: {
			id: true,
			email: true,
			displayName: true,
			role: true,
			disabled: true,
			mustChangePassword: true,
			version: true,
			createdAt: true,
			updatedAt: true,
		},
	})
}

describe('creating an account', () => {
	test('stores the password as an argon2id hash apart from the user row, and records who did it', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const result = await createAccount(
			{
				email: 'new.checker@example.org',
				displayName: 'New Checker',
				role: 'FACT_CHECKER',
				password: 'a first password',
				mustChangePassword: true,
			},
			actorOf(admin),
		)
		if (result.status !== 'saved') throw new Error('not created')
		const userRow = await prisma.user.findUniqueOrThrow({ where: { id: result.record.id } })
		expect(Object.keys(userRow)).not.toContain('hash')
		const { hash } = await prisma.password.findUniqueOrThrow({ where: { userId: result.record.id } })
		expect(hash).toMatch(/^\$argon2id\$/)
		expect(await verifyPassword(hash, 'a first password')).toBe(true)

		const entry = await prisma.auditEntry.findFirstOrThrow({
			where: { action: 'user.create', entityId: result.record.id },
		})
		expect(entry).toMatchObject({ actorId: admin.id, ipAddress: ip, entityType: 'User' })
		expect(entry.after).toEqual({
			email: 'new.checker@example.org',
			displayName: 'New Checker',
			role: 'FACT_CHECKER',
			mustChangePassword: true,
		})
		expect(JSON.stringify(entry)).not.toContain('a first password')
		expect(JSON.stringify(entry)).not.toContain(hash)
	})

	test('refuses a password the policy refuses, as a problem code, and writes nothing', async () => {
		const entriesBefore = await prisma.auditEntry.count()
		const create = (password: string) =>
			createAccount(
				{
					email: 'policy@example.org',
					displayName: 'Policy',
					role: 'FACT_CHECKER',
					password,
					mustChangePassword: true,
				},
				'command line',
			)
		expect(await create('too short')).toEqual({ status: 'invalid', problems: { password: 'too-short' } })
		expect(await create('Policy@Example.org')).toEqual({
			status: 'invalid',
			problems: { password: 'is-email' },
		})
		expect(await prisma.user.findUnique({ where: { email: 'policy@example.org' } })).toBeNull()
		expect(await prisma.auditEntry.count()).toBe(entriesBefore)
	})

	test('refuses a second account with the same email and writes nothing', async () => {
		await createTestAccount({ email: 'taken@example.org' })
		const entriesBefore = await prisma.auditEntry.count()
		const result = await createAccount(
			{
				email: 'taken@example.org',
				displayName: 'Someone Else',
				role: 'ADMIN',
				password: 'another password',
				mustChangePassword: true,
			},
			'command line',
		)
		expect(result).toEqual({ status: 'invalid', problems: { email: 'taken' } })
		expect(await prisma.auditEntry.count()).toBe(entriesBefore)
	})
})

describe('the last active admin', () => {
	test('cannot be demoted', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const result = await changeRole(
			{ userId: admin.id, version: admin.version, role: 'FACT_CHECKER' },
			actorOf(admin),
		)
		expect(result).toEqual({ status: 'invalid', problems: { role: 'last-admin' } })
		expect((await current(admin)).role).toBe('ADMIN')
	})

	test('cannot be disabled', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const result = await setDisabled(
			{ userId: admin.id, version: admin.version, disabled: true },
			actorOf(admin),
		)
		expect(result).toEqual({ status: 'invalid', problems: { disabled: 'last-admin' } })
		expect((await current(admin)).disabled).toBe(false)
	})

	test('a disabled admin does not count: the only active one is still the last', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const disabledAdmin = await createTestAccount({ role: 'ADMIN' })
		await prisma.user.update({ where: { id: disabledAdmin.id }, data: { disabled: true } })
		const result = await changeRole(
			{ userId: admin.id, version: admin.version, role: 'FACT_CHECKER' },
			actorOf(admin),
		)
		expect(result).toEqual({ status: 'invalid', problems: { role: 'last-admin' } })
	})

	test('with two admins, one can be demoted, and then the other is the last', async () => {
		const first = await createTestAccount({ role: 'ADMIN' })
		const second = await createTestAccount({ role: 'ADMIN' })
		const demoted = await changeRole(
			{ userId: second.id, version: second.version, role: 'FACT_CHECKER' },
			actorOf(first),
		)
		expect(demoted.status).toBe('saved')
		const refused = await setDisabled(
			{ userId: first.id, version: first.version, disabled: true },
			actorOf(first),
		)
		expect(refused).toEqual({ status: 'invalid', problems: { disabled: 'last-admin' } })
	})

	test('admins demoting each other at the same moment leave one admin, not none', async () => {
		const admins = await Promise.all(Array.from({ length: 8 }, () => createTestAccount({ role: 'ADMIN' })))
		// Each demotes the next: every change is allowed on its own, but not all of them together.
		const results = await Promise.all(
			admins.map((admin, index) => {
				const next = admins[(index + 1) % admins.length]!
				return changeRole({ userId: next.id, version: next.version, role: 'FACT_CHECKER' }, actorOf(admin))
			}),
		)
		const statuses = results.map((result) =>
			result.status === 'invalid' ? result.problems.role : result.status,
		)
		expect(statuses.filter((status) => status === 'saved')).toHaveLength(admins.length - 1)
		expect(statuses.filter((status) => status === 'last-admin')).toHaveLength(1)
		expect(await prisma.user.count({ where: { role: 'ADMIN', disabled: false } })).toBe(1)
	})
})

describe('changing an account', () => {
	test('a role change is recorded with before and after, and bumps the version', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const checker = await createTestAccount()
		const result = await changeRole(
			{ userId: checker.id, version: checker.version, role: 'ADMIN' },
			actorOf(admin),
		)
		expect(result.status).toBe('saved')
		expect(await current(checker)).toMatchObject({ role: 'ADMIN', version: checker.version + 1 })
		const entry = await prisma.auditEntry.findFirstOrThrow({
			where: { action: 'user.role_change', entityId: checker.id },
		})
		expect(entry).toMatchObject({
			actorId: admin.id,
			ipAddress: ip,
			before: { role: 'FACT_CHECKER' },
			after: { role: 'ADMIN' },
		})
	})

	test('a change from a form loaded before someone else’s save is refused and shows the newer version', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const otherAdmin = await createTestAccount({ role: 'ADMIN' })
		const checker = await createTestAccount()
		const loadedVersion = checker.version
		await changeRole({ userId: checker.id, version: loadedVersion, role: 'ADMIN' }, actorOf(otherAdmin))

		const stale = await setDisabled(
			{ userId: checker.id, version: loadedVersion, disabled: true },
			actorOf(admin),
		)

		expect(stale.status).toBe('conflict')
		if (stale.status !== 'conflict') return
		expect(stale.record).toMatchObject({ role: 'ADMIN', version: loadedVersion + 1, disabled: false })
		expect((await current(checker)).disabled).toBe(false)
	})

	test('a change to what the account already is writes nothing: same version, no audit entry', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const checker = await createTestAccount()
		const entriesBefore = await prisma.auditEntry.count({ where: { entityId: checker.id } })
		const sameRole = await changeRole(
			{ userId: checker.id, version: checker.version, role: 'FACT_CHECKER' },
			actorOf(admin),
		)
		const stillEnabled = await setDisabled(
			{ userId: checker.id, version: checker.version, disabled: false },
			actorOf(admin),
		)
		for (const result of [sameRole, stillEnabled]) {
			expect(result).toMatchObject({ status: 'saved', record: { version: checker.version } })
		}
		expect(await current(checker)).toEqual(checker)
		expect(await prisma.auditEntry.count({ where: { entityId: checker.id } })).toBe(entriesBefore)
	})

	test('disabling records how many sessions it ended', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const checker = await createTestAccount()
		await sessionCookieFor(checker.id)
		await sessionCookieFor(checker.id)
		await setDisabled({ userId: checker.id, version: checker.version, disabled: true }, actorOf(admin))
		const entry = await prisma.auditEntry.findFirstOrThrow({
			where: { action: 'user.disable', entityId: checker.id },
		})
		expect(entry).toMatchObject({ before: { disabled: false }, after: { disabled: true, sessionsEnded: 2 } })
	})

	test('a reset password that is the account’s email is refused as a problem code', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const checker = await createTestAccount({ email: 'reset.me@example.org' })
		const result = await resetPassword(
			{ userId: checker.id, version: checker.version, password: 'Reset.Me@example.org' },
			actorOf(admin),
		)
		expect(result).toEqual({ status: 'invalid', problems: { password: 'is-email' } })
		expect(await current(checker)).toEqual(checker)
	})

	test('an unknown account is not found', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		expect(await changeRole({ userId: 'nobody', version: 1, role: 'ADMIN' }, actorOf(admin))).toEqual({
			status: 'not-found',
		})
	})

	test('enabling a disabled account lets it sign in again', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const checker = await createTestAccount()
		await setDisabled({ userId: checker.id, version: checker.version, disabled: true }, actorOf(admin))
		const enabled = await setDisabled(
			{ userId: checker.id, version: checker.version + 1, disabled: false },
			actorOf(admin),
		)
		expect(enabled.status).toBe('saved')
		expect(
			(
				await prisma.auditEntry.findMany({ where: { entityId: checker.id }, orderBy: { createdAt: 'asc' } })
			).map((entry) => entry.action),
		).toEqual(['user.create', 'user.disable', 'user.enable'])
	})

	test('an admin’s password reset must be replaced at the next sign-in, and ends every session', async () => {
		const admin = await createTestAccount({ role: 'ADMIN' })
		const checker = await createTestAccount()
		await sessionCookieFor(checker.id)
		const result = await resetPassword(
			{ userId: checker.id, version: checker.version, password: 'the handed-over one' },
			actorOf(admin),
		)
		expect(result.status).toBe('saved')
		expect(await current(checker)).toMatchObject({ mustChangePassword: true })
		expect(await prisma.session.count({ where: { userId: checker.id } })).toBe(0)
		const { hash } = await prisma.password.findUniqueOrThrow({ where: { userId: checker.id } })
		expect(await verifyPassword(hash, 'the handed-over one')).toBe(true)
		const entry = await prisma.auditEntry.findFirstOrThrow({
			where: { action: 'user.password_reset', entityId: checker.id },
		})
		expect(entry).toMatchObject({
			before: { mustChangePassword: false },
			after: { mustChangePassword: true, sessionsEnded: 1 },
		})
		expect(JSON.stringify(entry)).not.toContain('the handed-over one')
	})
})

describe('changing one’s own password', () => {
	test('needs the current password', async () => {
		const checker = await createTestAccount()
		const result = await changeOwnPassword(
			{ currentPassword: 'not it', newPassword: 'a brand new password', keepSessionId: 'x' },
			actorOf(checker),
		)
		expect(result).toEqual({ status: 'invalid', problems: { currentPassword: 'wrong' } })
	})

	test('refuses a weak new password', async () => {
		const checker = await createTestAccount({ email: 'weak.choice@example.org' })
		const change = (newPassword: string) =>
			changeOwnPassword({ currentPassword: testPassword, newPassword, keepSessionId: 'x' }, actorOf(checker))
		expect(await change('short')).toEqual({ status: 'invalid', problems: { newPassword: 'too-short' } })
		expect(await change('weak.choice@example.org')).toEqual({
			status: 'invalid',
			problems: { newPassword: 'is-email' },
		})
		expect(await change(testPassword)).toEqual({
			status: 'invalid',
			problems: { newPassword: 'same-as-current' },
		})
		expect(changePasswordProblems.newPassword).toMatchObject({
			'too-short': 'Use at least 12 characters.',
			'is-email': 'Do not use the email address as the password.',
			'same-as-current': 'Choose a password different from the current one.',
		})
	})

	test('clears the must-change flag and ends the other sessions, keeping this one', async () => {
		const checker = await createTestAccount({ mustChangePassword: true })
		await sessionCookieFor(checker.id)
		await sessionCookieFor(checker.id)
		const keep = await prisma.session.findFirstOrThrow({ where: { userId: checker.id } })

		const result = await changeOwnPassword(
			{ currentPassword: testPassword, newPassword: 'my very own password', keepSessionId: keep.id },
			actorOf(checker),
		)

		expect(result).toEqual({ status: 'saved', record: { otherSessionsEnded: 1 } })
		expect(await prisma.session.findMany({ where: { userId: checker.id }, select: { id: true } })).toEqual([
			{ id: keep.id },
		])
		expect((await current(checker)).mustChangePassword).toBe(false)
		const entry = await prisma.auditEntry.findFirstOrThrow({
			where: { action: 'user.password_change', entityId: checker.id },
		})
		expect(entry).toMatchObject({ actorId: checker.id, ipAddress: ip, after: { otherSessionsEnded: 1 } })
	})
})

test('the accounts summary counts active admins, active fact-checkers, disabled and waiting accounts', async () => {
	await prisma.user.updateMany({ data: { disabled: true } })
	await createTestAccount({ role: 'ADMIN' })
	await createTestAccount({ role: 'FACT_CHECKER', mustChangePassword: true })
	await createTestAccount({ role: 'FACT_CHECKER' })
	const disabledCount = await prisma.user.count({ where: { disabled: true } })
	expect(await getAccountsSummary()).toEqual({
		activeAdmins: 1,
		activeFactCheckers: 2,
		disabled: disabledCount,
		awaitingNewPassword: 1,
	})
})
