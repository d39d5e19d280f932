import { openDatabase, type Database } from '~/db/tooling/database.server'
import type { Supervision } from '~/db/tooling/embedded-postgres.server'
import { migrate } from '~/db/tooling/migrate.server'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'

/**
 * Opens the database (embedded unless DATABASE_URL is set), applies pending migrations, and loads the
 * seed when the database holds no platform yet. An existing database is never re-seeded, so edits made
 * through the app are never overwritten by the seed.
 */
export async function prepareDatabase(
	log: (line: string) => void,
	{ supervise }: { supervise?: Supervision } = {},
): Promise<Database> {
	const database = await openDatabase(undefined, { supervise })
	try {
		log(
			database.embedded
				? `Embedded PostgreSQL is up (${redact(database.url)})`
				: `Using ${redact(database.url)}`,
		)
		const { applied } = await migrate(database.url, { log })
		if (applied.length === 0) log('Database schema is up to date')
		const prisma = createPrismaClient(database.url)
		try {
			if ((await prisma.platform.count()) === 0) {
				const result = await seed(prisma)
				log(`Seeded an empty database: ${result.created} records created`)
			}
		} finally {
			await prisma.$disconnect()
		}
		return database
	} catch (error) {
		// A refused or failed migration (MigrationError) is explained in its message: startScript prints it.
		await database.stop()
		throw error
	}
}

export function redact(url: string): string {
	return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}
