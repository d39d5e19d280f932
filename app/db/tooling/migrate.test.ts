import { cp, mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, test } from 'vitest'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { checksumOf, defaultMigrationsDir, migrate, MigrationError, readMigrations } from './migrate.server'

const databases: TestDatabase[] = []
afterEach(async () => {
	await Promise.all(databases.splice(0).map((database) => database.drop()))
})

async function emptyDatabase() {
	const database = await createTestDatabase({ migrate: false })
	databases.push(database)
	return database
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		return (await client.query<Row>(sql, values)).rows
	} finally {
		await client.end()
	}
}

async function tableExists(url: string, table: string) {
	const rows = await query<{ exists: boolean }>(url, 'SELECT to_regclass($1) IS NOT NULL AS exists', [
		`"${table}"`,
	])
	return rows[0]?.exists ?? false
}

/** A copy of the project's migrations in a temporary folder, to add broken or edited ones to. */
async function copyOfMigrations() {
	const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'uade-migrations-')), 'migrations')
	await cp(defaultMigrationsDir, dir, { recursive: true })
	return dir
}

async function addMigration(migrationsDir: string, name: string, sql: string) {
	await mkdir(path.join(migrationsDir, name))
	await writeFile(path.join(migrationsDir, name, 'migration.sql'), sql)
}

describe('migrate', () => {
	test('applies every migration to an empty database and records each as Prisma does', async () => {
		const database = await emptyDatabase()
		const migrations = await readMigrations()
		expect(migrations.length).toBeGreaterThan(0)

		const result = await migrate(database.url)

		expect(result.applied).toEqual(migrations.map((migration) => migration.name))
		expect(await tableExists(database.url, 'Pledge')).toBe(true)

		const columns = await query<{ column_name: string; data_type: string; is_nullable: string }>(
			database.url,
			`SELECT column_name, data_type, is_nullable FROM information_schema.columns
			 WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
		)
		expect(columns).toEqual([
			{ column_name: 'id', data_type: 'character varying', is_nullable: 'NO' },
			{ column_name: 'checksum', data_type: 'character varying', is_nullable: 'NO' },
			{ column_name: 'finished_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
			{ column_name: 'migration_name', data_type: 'character varying', is_nullable: 'NO' },
			{ column_name: 'logs', data_type: 'text', is_nullable: 'YES' },
			{ column_name: 'rolled_back_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
			{ column_name: 'started_at', data_type: 'timestamp with time zone', is_nullable: 'NO' },
			{ column_name: 'applied_steps_count', data_type: 'integer', is_nullable: 'NO' },
		])

		const records = await query<{
			id: string
			checksum: string
			migration_name: string
			finished_at: Date | null
			started_at: Date
			logs: string | null
			rolled_back_at: Date | null
			applied_steps_count: number
		}>(database.url, 'SELECT * FROM "_prisma_migrations" ORDER BY migration_name')
		expect(records).toHaveLength(migrations.length)
		for (const [index, record] of records.entries()) {
			const migration = migrations[index]!
			const fileContent = await readFile(
				path.join(defaultMigrationsDir, migration.name, 'migration.sql'),
				'utf8',
			)
			expect(record.migration_name).toBe(migration.name)
			expect(record.checksum).toBe(checksumOf(fileContent))
			expect(record.checksum).toMatch(/^[0-9a-f]{64}$/)
			expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
			expect(record.finished_at).toBeInstanceOf(Date)
			expect(record.finished_at!.getTime()).toBeGreaterThanOrEqual(record.started_at.getTime())
			expect(record.logs).toBeNull()
			expect(record.rolled_back_at).toBeNull()
			expect(record.applied_steps_count).toBe(1)
		}
	})

	test('a second run applies nothing', async () => {
		const database = await emptyDatabase()
		await migrate(database.url)
		const before = await query(database.url, 'SELECT * FROM "_prisma_migrations" ORDER BY id')

		const second = await migrate(database.url)

		expect(second.applied).toEqual([])
		expect(second.alreadyApplied.length).toBe(before.length)
		expect(await query(database.url, 'SELECT * FROM "_prisma_migrations" ORDER BY id')).toEqual(before)
	})

	test('two runs started at once apply each migration exactly once', async () => {
		const database = await emptyDatabase()
		const migrations = await readMigrations()

		const [first, second] = await Promise.all([migrate(database.url), migrate(database.url)])

		expect([...first.applied, ...second.applied].sort()).toEqual(
			migrations.map((migration) => migration.name),
		)
		const counts = await query<{ migration_name: string; count: string }>(
			database.url,
			'SELECT migration_name, count(*) FROM "_prisma_migrations" GROUP BY migration_name',
		)
		expect(counts.every((row) => row.count === '1')).toBe(true)
		expect(counts).toHaveLength(migrations.length)
	})

	test('a failing migration is reported by name with PostgreSQL’s message and leaves no partial change', async () => {
		const database = await emptyDatabase()
		const migrationsDir = await copyOfMigrations()
		await addMigration(
			migrationsDir,
			'20991231000000_broken',
			'CREATE TABLE "HalfDone" ("id" INTEGER);\nALTER TABLE "Pledge" ADD COLUMN "extra" TEXT;\nSELECT no_such_column FROM "Pledge";\n',
		)

		const failure = await migrate(database.url, { migrationsDir }).catch((error: unknown) => error)

		expect(failure).toBeInstanceOf(MigrationError)
		expect(failure).toMatchObject({ migrationName: '20991231000000_broken' })
		expect(String(failure)).toContain('20991231000000_broken')
		expect(String(failure)).toContain('column "no_such_column" does not exist')
		expect(String(failure)).toContain('line 3')
		expect(await tableExists(database.url, 'HalfDone')).toBe(false)
		const extraColumn = await query(
			database.url,
			`SELECT 1 FROM information_schema.columns WHERE table_name = 'Pledge' AND column_name = 'extra'`,
		)
		expect(extraColumn).toEqual([])
		const recorded = await query<{ migration_name: string }>(
			database.url,
			'SELECT migration_name FROM "_prisma_migrations"',
		)
		expect(recorded.map((row) => row.migration_name)).not.toContain('20991231000000_broken')
		// The migrations before it were applied and stay applied.
		expect(await tableExists(database.url, 'Pledge')).toBe(true)
	})

	test('refuses, by name, a migration edited after it was applied', async () => {
		const database = await emptyDatabase()
		const migrationsDir = await copyOfMigrations()
		await migrate(database.url, { migrationsDir })
		const [first] = await readMigrations(migrationsDir)
		const file = path.join(migrationsDir, first!.name, 'migration.sql')
		await writeFile(file, `${await readFile(file, 'utf8')}\n-- an innocent-looking edit\n`)

		await expect(migrate(database.url, { migrationsDir })).rejects.toThrow(
			new RegExp(`Migration ${first!.name} was edited after it was applied`),
		)
	})
})
