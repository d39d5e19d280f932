import { createHash, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'

/**
 * Applies the SQL migrations under prisma/migrations the way `prisma migrate deploy` does, without
 * Prisma's native schema engine (see docs/decisions/002-migrations-without-prisma-schema-engine.md):
 * - the same `_prisma_migrations` table, columns and checksum (SHA-256 of the file, hex),
 * - the same advisory lock key, so this runner and Prisma's never apply anything at the same time,
 * - each pending migration in its own transaction, recorded in that transaction.
 */

/** The key Prisma's schema engine passes to pg_advisory_lock. */
export const prismaAdvisoryLockKey = 72707369

export const defaultMigrationsDir = path.join(process.cwd(), 'prisma', 'migrations')

export type Migration = { name: string; sql: string; checksum: string }

export type MigrateResult = { applied: string[]; alreadyApplied: string[] }

export class MigrationError extends Error {
	readonly migrationName: string | undefined
	constructor(message: string, migrationName?: string) {
		super(message)
		this.name = 'MigrationError'
		this.migrationName = migrationName
	}
}

export function checksumOf(sql: string): string {
	return createHash('sha256').update(sql, 'utf8').digest('hex')
}

export async function readMigrations(migrationsDir: string = defaultMigrationsDir): Promise<Migration[]> {
	if (!existsSync(migrationsDir)) return []
	const entries = await readdir(migrationsDir, { withFileTypes: true })
	const names = entries
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()
	const migrations: Migration[] = []
	for (const name of names) {
		const file = path.join(migrationsDir, name, 'migration.sql')
		if (!existsSync(file)) continue
		const sql = await readFile(file, 'utf8')
		migrations.push({ name, sql, checksum: checksumOf(sql) })
	}
	return migrations
}

// Prisma's own DDL for its bookkeeping table (schema-engine, sql-migration-connector).
const createMigrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`

type AppliedRow = {
	migration_name: string
	checksum: string
	finished_at: Date | null
	rolled_back_at: Date | null
}

export async function migrate(
	url: string,
	{
		migrationsDir = defaultMigrationsDir,
		log = () => {},
		until,
	}: {
		migrationsDir?: string
		log?: (line: string) => void
		/** Apply no migration after this one (a restore brings a database to its backup's schema first). */
		until?: string
	} = {},
): Promise<MigrateResult> {
	const migrations = (await readMigrations(migrationsDir)).filter(
		(migration) => until === undefined || migration.name <= until,
	)
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		await client.query('SELECT pg_advisory_lock($1)', [prismaAdvisoryLockKey])
		try {
			await client.query(createMigrationsTable)
			const { rows } = await client.query<AppliedRow>(
				'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
			)
			const applied = new Map<string, AppliedRow>()
			for (const row of rows) {
				if (row.rolled_back_at) continue
				if (!row.finished_at) {
					throw new MigrationError(
						`Migration ${row.migration_name} failed earlier and is recorded as unfinished in _prisma_migrations. ` +
							'Fix the database by hand, then mark it rolled back (`prisma migrate resolve --rolled-back`).',
						row.migration_name,
					)
				}
				applied.set(row.migration_name, row)
			}
			const known = new Set(migrations.map((migration) => migration.name))
			for (const name of applied.keys()) {
				if (!known.has(name)) {
					throw new MigrationError(
						`Migration ${name} is applied to the database but missing from ${migrationsDir}.`,
						name,
					)
				}
			}
			const result: MigrateResult = { applied: [], alreadyApplied: [] }
			for (const migration of migrations) {
				const record = applied.get(migration.name)
				if (record) {
					if (record.checksum !== migration.checksum) {
						throw new MigrationError(
							`Migration ${migration.name} was edited after it was applied (its checksum no longer matches). ` +
								'Applied migrations are never changed: revert the edit and add a new migration instead.',
							migration.name,
						)
					}
					result.alreadyApplied.push(migration.name)
					continue
				}
				await applyMigration(client, migration)
				log(`Applied migration ${migration.name}`)
				result.applied.push(migration.name)
			}
			return result
		} finally {
			await client.query('SELECT pg_advisory_unlock($1)', [prismaAdvisoryLockKey])
		}
	} finally {
		await client.end()
	}
}

async function applyMigration(client: pg.Client, migration: Migration): Promise<void> {
	await client.query('BEGIN')
	try {
		await client.query(migration.sql)
		await client.query(
			`INSERT INTO "_prisma_migrations"
				(id, checksum, migration_name, started_at, finished_at, applied_steps_count)
			 VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
			[randomUUID(), migration.checksum, migration.name],
		)
		await client.query('COMMIT')
	} catch (error) {
		await client.query('ROLLBACK')
		throw new MigrationError(
			`Migration ${migration.name} failed and was rolled back; nothing of it was applied. ` +
				`PostgreSQL said: ${describePostgresError(error, migration.sql)}`,
			migration.name,
		)
	}
}

function describePostgresError(error: unknown, sql: string): string {
	if (!(error instanceof Error)) return String(error)
	const position = 'position' in error && typeof error.position === 'string' ? Number(error.position) : NaN
	if (!Number.isFinite(position)) return error.message
	const line = sql.slice(0, position).split('\n').length
	return `${error.message} (migration.sql line ${line})`
}

/**
 * The migrations the database at `url` lacks (all of them for an empty one), for scripts that read or write
 * the content and must not meet a half-made schema: they say "run db:migrate" instead of a missing table.
 */
export async function pendingMigrations(
	url: string,
	migrationsDir: string = defaultMigrationsDir,
): Promise<string[]> {
	const migrations = await readMigrations(migrationsDir)
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const { rows: table } = await client.query<{ name: string | null }>(
			`SELECT to_regclass('"_prisma_migrations"')::text AS name`,
		)
		if (!table[0]?.name) return migrations.map((migration) => migration.name)
		const { rows } = await client.query<{ migration_name: string }>(
			'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
		)
		const applied = new Set(rows.map((row) => row.migration_name))
		return migrations.map((migration) => migration.name).filter((name) => !applied.has(name))
	} finally {
		await client.end()
	}
}

/** Throws the one-line error scripts print (see scripts/lib/start-script.ts) when migrations are missing. */
export async function requireMigrated(url: string): Promise<void> {
	const pending = await pendingMigrations(url)
	if (pending.length > 0) {
		throw new MigrationError(
			`The database lacks ${pending.length} migration${pending.length === 1 ? '' : 's'} (from ${pending[0]}): run \`npm run db:migrate\` (or \`npm start\`) first.`,
			pending[0] ?? '',
		)
	}
}
