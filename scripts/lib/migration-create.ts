import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readMigrations } from '~/db/tooling/migrate.server'
import { diffMigrationsToSchema } from './prisma-schema-engine'

export type CreateMigrationResult =
	| { created: false }
	| {
			created: true
			/** `<yyyymmddhhmmss>_<name>`, the folder under prisma/migrations. */
			name: string
			file: string
			sql: string
			/** Prisma finds no difference between schema.prisma and the migrations including the new one. */
			verified: boolean
	  }

/**
 * Writes `prisma/migrations/<UTC yyyymmddhhmmss>_<name>/migration.sql` with the SQL Prisma's schema engine
 * generates for the change from the schema the migrations create to the current `schema.prisma` (what
 * `prisma migrate dev --create-only` writes), or writes nothing when there is no change.
 */
export async function createMigration({
	name,
	prismaDir,
	serverUrl,
	now = new Date(),
}: {
	name: string
	/** The folder holding schema.prisma and migrations/. */
	prismaDir: string
	/** A PostgreSQL server without a database name; the diff runs in a temporary database on it. */
	serverUrl: string
	now?: Date
}): Promise<CreateMigrationResult> {
	const slug = migrationSlug(name)
	const migrationsDir = path.join(prismaDir, 'migrations')
	const schema = await readFile(path.join(prismaDir, 'schema.prisma'), 'utf8')
	const change = await diffMigrationsToSchema({ serverUrl, migrationsDir, schema })
	if (change.empty) return { created: false }

	const existing = await readMigrations(migrationsDir)
	const folder = `${nextTimestamp(now, existing.at(-1)?.name)}_${slug}`
	const file = path.join(migrationsDir, folder, 'migration.sql')
	if (existsSync(path.dirname(file))) throw new Error(`${path.dirname(file)} already exists`)
	await mkdir(path.dirname(file), { recursive: true })
	await writeFile(file, change.sql)

	const after = await diffMigrationsToSchema({ serverUrl, migrationsDir, schema })
	return { created: true, name: folder, file, sql: change.sql, verified: after.empty }
}

/** Prisma's own rule for `migrate dev --name`: lower case, anything but letters and digits becomes `_`. */
export function migrationSlug(name: string): string {
	const slug = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 200)
	if (!slug) throw new Error(`"${name}" is not a usable migration name: use letters, digits and _`)
	return slug
}

/** `yyyymmddhhmmss` in UTC, moved past the newest migration so that the new one is applied after it. */
function nextTimestamp(now: Date, newestMigration: string | undefined): string {
	const format = (date: Date) => date.toISOString().replace(/\D/g, '').slice(0, 14)
	const newest = newestMigration?.slice(0, 14)
	if (!newest || !/^\d{14}$/.test(newest) || format(now) > newest) return format(now)
	const newestIso = newest.replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3T$4:$5:$6Z')
	return format(new Date(Date.parse(newestIso) + 1000))
}
