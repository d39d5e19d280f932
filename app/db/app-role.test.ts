import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { createEvidence, createFactChecker, pledgeIdOf, recordStatus } from '~/test/ledger-fixtures'
import { createPrismaClient } from './prisma.server'
import { appRolePasswordFile, embeddedAppUrl, ensureAppRole } from './tooling/app-role.server'
import { seed } from './tooling/seed.server'

let database: TestDatabase
let app: PrismaClient
let owner: PrismaClient

beforeAll(async () => {
	database = await createTestDatabase()
	owner = createPrismaClient(database.url)
	await seed(owner)
	app = createPrismaClient(database.appUrl)
})

afterAll(async () => {
	await app.$disconnect()
	await owner.$disconnect()
	await database.drop()
})

async function asApp(sql: string): Promise<unknown> {
	return app.$executeRawUnsafe(sql)
}

describe('the app role (what the server signs in as)', () => {
	test('appends a ledger entry, and the triggers it sets off write as they do for the owner', async () => {
		const version = async () =>
			(await owner.publicDataVersion.findUniqueOrThrow({ where: { id: 1 } })).version
		const before = await version()
		const pledgeId = await pledgeIdOf(app, 'it-jobs')
		const { id: userId } = await createFactChecker(app, 'role-test@example.org')
		const evidence = await createEvidence(app, {
			pledgeId,
			userId,
			title: 'A figure',
			publishedOn: '2024-01-15',
		})
		const entry = await recordStatus(app, {
			pledgeId,
			userId,
			status: 'IN_PROGRESS',
			effectiveDate: '2024-02-01',
			rationale: 'Written by the app role',
			evidenceIds: [evidence.id],
		})
		expect(await owner.statusUpdate.count({ where: { id: entry.id } })).toBe(1)
		// Two transactions changed what the public sees (the approved evidence, the entry with its pledge):
		// two versions on. A new account shows nowhere, so creating the fact-checker moved nothing.
		expect(await version()).toBe(before + 2n)
		// The append-only rule holds for it as for anyone.
		await expect(
			app.statusUpdate.update({ where: { id: entry.id }, data: { rationale: 'Rewritten' } }),
		).rejects.toThrow(/append-only: UPDATE is refused/)
	})

	test('takes advisory locks and reads the migrations /readyz compares', async () => {
		await expect(
			app.$transaction((tx) => tx.$queryRaw`SELECT pg_advisory_xact_lock(42)::text AS locked`),
		).resolves.toEqual([{ locked: '' }])
		const migrations = await app.$queryRaw<unknown[]>`SELECT migration_name FROM "_prisma_migrations"`
		expect(migrations.length).toBeGreaterThan(0)
	})

	test.each([
		[
			'disable a trigger',
			'ALTER TABLE "StatusUpdate" DISABLE TRIGGER "StatusUpdate_append_only"',
			/must be owner of table/,
		],
		['disable every trigger', 'ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL', /must be owner of table/],
		[
			'drop a trigger',
			'DROP TRIGGER "StatusUpdate_append_only" ON "StatusUpdate"',
			/must be owner of (table|relation)/,
		],
		['alter a table', 'ALTER TABLE "StatusUpdate" ADD COLUMN "note" text', /must be owner of table/],
		['drop a table', 'DROP TABLE "StatusUpdateEvidence"', /must be owner of table/],
		['truncate a table', 'TRUNCATE "Session"', /permission denied for table Session/],
		['truncate the ledger', 'TRUNCATE "StatusUpdate" CASCADE', /permission denied for table/],
		[
			'replace a trigger function',
			'CREATE OR REPLACE FUNCTION uade_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$',
			/must be owner of function|permission denied/,
		],
		['create a table', 'CREATE TABLE "Mine" (id int)', /permission denied for schema public/],
		[
			'rewrite the migration record',
			'DELETE FROM "_prisma_migrations"',
			/permission denied for table _prisma_migrations/,
		],
	])('cannot %s', async (_what, sql, refusal) => {
		await expect(asApp(sql)).rejects.toThrow(refusal)
	})

	test('cannot grant itself what it lacks (PostgreSQL only warns, and grants nothing)', async () => {
		await asApp('GRANT TRUNCATE ON "Session" TO CURRENT_USER')
		await expect(asApp('TRUNCATE "Session"')).rejects.toThrow(/permission denied for table Session/)
	})

	test('the tables of a later migration are the app role’s to write, by default privileges', async () => {
		await owner.$executeRawUnsafe('CREATE TABLE "LaterTable" (id int PRIMARY KEY, note text)')
		await asApp(`INSERT INTO "LaterTable" VALUES (1, 'written by the app role')`)
		await expect(asApp('TRUNCATE "LaterTable"')).rejects.toThrow(/permission denied/)
		await expect(asApp('ALTER TABLE "LaterTable" ADD COLUMN x int')).rejects.toThrow(/must be owner/)
	})
})

describe('setting up the app role from the owner', () => {
	test('creates a missing login role with the given password, and updates a changed password', async () => {
		const role = `uade_server_${database.name.slice(-6)}`
		const urlWith = (password: string) => {
			const url = new URL(database.url)
			url.username = role
			url.password = password
			return url.toString()
		}
		try {
			await ensureAppRole(database.url, urlWith('first-password'))
			await expect(signsInAs(urlWith('first-password'))).resolves.toBe(role)
			await ensureAppRole(database.url, urlWith('second-password'))
			await expect(signsInAs(urlWith('second-password'))).resolves.toBe(role)
			await expect(signsInAs(urlWith('first-password'))).rejects.toThrow(/password authentication failed/)
		} finally {
			// Roles outlive the test's database: the server may be DATABASE_URL's.
			await owner.$executeRawUnsafe(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`)
		}
	})

	test('refuses a role that could alter the tables, such as the owner itself', async () => {
		await expect(ensureAppRole(database.url, database.url)).rejects.toThrow(
			`The app's database role ${new URL(database.url).username} is a superuser, so it could disable the append-only triggers`,
		)
	})

	test('the embedded database keeps a generated password in its data folder, readable by its user only', async () => {
		const dataDir = await mkdtemp(path.join(os.tmpdir(), 'uade-app-role-'))
		try {
			const first = new URL(await embeddedAppUrl(database.url, dataDir))
			const second = new URL(await embeddedAppUrl(database.url, dataDir))
			expect(first.username).toBe('uade_server')
			expect(first.password.length).toBeGreaterThanOrEqual(32)
			expect(second.password).toBe(first.password)
			expect((await readFile(appRolePasswordFile(dataDir), 'utf8')).trim()).toBe(first.password)
			expect((await stat(appRolePasswordFile(dataDir))).mode & 0o777).toBe(0o600)
		} finally {
			await rm(dataDir, { recursive: true, force: true })
		}
	})
})

async function signsInAs(url: string): Promise<string> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const { rows } = await client.query<{ user: string }>('SELECT current_user AS user')
		return rows[0]?.user ?? ''
	} finally {
		await client.end()
	}
}
