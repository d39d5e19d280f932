import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { verifyPassword } from '~/models/password.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'

let database: TestDatabase
let prisma: PrismaClient

beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.url)
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

/** `npm run user:create -- ARGS`, with `input` on standard input (a pipe, not a terminal). */
function userCreate(args: string[], input: string) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], {
		input,
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: database.url },
		timeout: 60_000,
	})
	return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('npm run user:create', () => {
	test('creates the first admin with the password from standard input (its first line)', async () => {
		const result = userCreate(
			['--email', 'First.Admin@Example.org', '--name', 'First Admin', '--role', 'admin'],
			'a long enough password\nignored second line\n',
		)

		expect(result.stderr).toBe('')
		expect(result.stdout.trim()).toBe(
			'Created the admin account of First Admin <first.admin@example.org>. Sign in at /sign-in.',
		)
		expect(result.code).toBe(0)
		const user = await prisma.user.findUniqueOrThrow({
			where: { email: 'first.admin@example.org' },
			include: { password: true },
		})
		expect(user).toMatchObject({ role: 'ADMIN', displayName: 'First Admin', mustChangePassword: false })
		expect(await verifyPassword(user.password!.hash, 'a long enough password')).toBe(true)
		const entry = await prisma.auditEntry.findFirstOrThrow({
			where: { action: 'user.create', entityId: user.id },
		})
		expect(entry).toMatchObject({ actorId: null, ipAddress: null })
		expect(entry.after).toMatchObject({ via: 'command line', role: 'ADMIN' })
	})

	test('creates a fact-checker', async () => {
		const result = userCreate(
			['--email', 'checker@example.org', '--name', 'A Checker', '--role', 'fact-checker'],
			'another long password',
		)
		expect(result.code).toBe(0)
		expect(await prisma.user.findUnique({ where: { email: 'checker@example.org' } })).toMatchObject({
			role: 'FACT_CHECKER',
		})
	})

	test.each([
		[
			'a password under 12 characters',
			'short pw',
			'The password is refused: Use at least 12 characters (this one has 8).',
		],
		[
			'the email itself',
			'weak@example.org',
			'The password is refused: Do not use the email address as the password.',
		],
		['no password at all', '', 'The password is refused: Use at least 12 characters (this one has 0).'],
	])('refuses %s with a clear message and creates nothing', async (_, password, message) => {
		const result = userCreate(
			['--email', 'weak@example.org', '--name', 'Weak', '--role', 'admin'],
			`${password}\n`,
		)
		expect(result.code).toBe(1)
		expect(result.stderr.trim()).toBe(`${message}\nNothing was created.`)
		expect(await prisma.user.findUnique({ where: { email: 'weak@example.org' } })).toBeNull()
	})

	test('refuses an email that already has an account', async () => {
		const before = await prisma.user.count()
		const result = userCreate(
			['--email', 'first.admin@example.org', '--name', 'Again', '--role', 'admin'],
			'a long enough password\n',
		)
		expect(result.code).toBe(1)
		expect(result.stderr.trim()).toBe(
			'An account with the email first.admin@example.org already exists.\nNothing was created.',
		)
		expect(await prisma.user.count()).toBe(before)
	})

	test.each([
		[['--email', 'x@example.org', '--name', 'X'], '--role must be admin or fact-checker.'],
		[
			['--email', 'x@example.org', '--name', 'X', '--role', 'owner'],
			'--role must be admin or fact-checker, not "owner".',
		],
		[
			['--email', 'not-an-email', '--name', 'X', '--role', 'admin'],
			'--email: Enter an email address like name@example.org.',
		],
		[['--email', 'x@example.org', '--role', 'admin'], '--name: Enter a name.'],
		[
			['--email', 'x@example.org', '--name', 'X', '--role', 'admin', '--colour', 'red'],
			"Unknown option '--colour'",
		],
	])('refuses %j with the usage and creates nothing', async (args, message) => {
		const before = await prisma.user.count()
		const result = userCreate(args, 'a long enough password\n')
		expect(result.code).toBe(1)
		expect(result.stderr).toContain(message)
		expect(result.stderr).toContain(
			'Usage: npm run user:create -- --email EMAIL --name NAME --role admin|fact-checker',
		)
		expect(result.stderr.trim().endsWith('Nothing was created.')).toBe(true)
		expect(await prisma.user.count()).toBe(before)
	})
})
