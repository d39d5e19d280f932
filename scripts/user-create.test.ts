import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { verifyPassword } from '~/models/password.server'
import {
	findFreePort,
	startEmbeddedPostgres,
	type RunningPostgres,
} from '~/db/tooling/embedded-postgres.server'
import { migrate } from '~/db/tooling/migrate.server'
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

describe('npm run user:create without DATABASE_URL, beside a running `npm start`', () => {
	// Stands for a running `npm start`: an embedded PostgreSQL holding its data folder, migrated.
	let folder: string
	let running: RunningPostgres
	let runningPort: number

	beforeAll(async () => {
		folder = await mkdtemp(path.join(os.tmpdir(), 'uade-user-create-'))
		runningPort = await findFreePort()
		running = await startEmbeddedPostgres({
			dataDir: path.join(folder, 'postgres'),
			port: runningPort,
			database: 'uade',
			persistent: false,
		})
		await migrate(running.url)
	})

	afterAll(async () => {
		await running?.stop()
		await rm(folder, { recursive: true, force: true })
	})

	/** user:create with the embedded database's settings (never the test run's DATABASE_URL). */
	function userCreateEmbedded(settings: { UADE_DATA_DIR: string; UADE_DB_PORT: string }) {
		const env: NodeJS.ProcessEnv = { ...process.env, ...settings }
		delete env.DATABASE_URL
		const result = spawnSync(
			process.execPath,
			[
				'--import',
				'tsx',
				'scripts/user-create.ts',
				'--email',
				'x@example.org',
				'--name',
				'X',
				'--role',
				'admin',
			],
			{ input: 'a long enough password\n', encoding: 'utf8', env, timeout: 60_000 },
		)
		return { code: result.status, stdout: result.stdout, stderr: result.stderr }
	}

	async function accountsInRunningDatabase(): Promise<number> {
		const client = new pg.Client({ connectionString: running.url })
		await client.connect()
		try {
			const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM "User"')
			return Number(rows[0]?.count)
		} finally {
			await client.end()
		}
	}

	test('its data folder with the wrong UADE_DB_PORT: says which server holds it and what to do', async () => {
		const dataDir = path.join(folder, 'postgres')
		const result = userCreateEmbedded({ UADE_DATA_DIR: dataDir, UADE_DB_PORT: String(await findFreePort()) })

		const pid = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]
		expect(result.stderr).toBe(
			`[uade] The database in ${dataDir} is in use by a running PostgreSQL (pid ${pid}, port ${runningPort}), ` +
				`probably a running \`npm start\`: stop it, or run with DATABASE_URL=${running.url}.\n`,
		)
		expect(result.stdout).toBe('')
		expect(result.code).toBe(1)
		expect(await accountsInRunningDatabase()).toBe(0)
	})

	test('its port with another data folder: refuses to use another checkout’s database, says what to do', async () => {
		const otherDataDir = path.join(folder, 'another-checkout', 'postgres')
		const result = userCreateEmbedded({ UADE_DATA_DIR: otherDataDir, UADE_DB_PORT: String(runningPort) })

		expect(result.stderr).toBe(
			`[uade] Port ${runningPort} is already in use, so the embedded PostgreSQL cannot start there. ` +
				'Is another Uade running? Stop it, or choose another port with UADE_DB_PORT.\n',
		)
		expect(result.stdout).toBe('')
		expect(result.code).toBe(1)
		expect(await accountsInRunningDatabase()).toBe(0)
	})

	test('its data folder and its port: creates the account in the running database', async () => {
		const result = userCreateEmbedded({
			UADE_DATA_DIR: path.join(folder, 'postgres'),
			UADE_DB_PORT: String(runningPort),
		})
		expect(result.stderr).toBe('')
		expect(result.code).toBe(0)
		expect(await accountsInRunningDatabase()).toBe(1)
	})
})
