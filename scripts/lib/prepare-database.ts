import { embeddedAppUrl, ensureAppRole } from '~/db/tooling/app-role.server'
import { openDatabase, type Database } from '~/db/tooling/database.server'
import type { Supervision } from '~/db/tooling/embedded-postgres.server'
import { migrate } from '~/db/tooling/migrate.server'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { loadLaunch } from '~/data/launch.server'
import { countChanges } from '~/data/import.server'
import { ConfigurationError, env } from '~/env.server'

export type PreparedDatabase = Database & {
	/** The server's connection: a role that may write rows but not alter tables (ADR 010). */
	appUrl: string
}

/**
 * Opens the database (embedded unless DATABASE_URL is set), applies pending migrations, and, when the
 * database holds no platform yet, loads what UADE_SEED says: the seed, and by default the launch dataset
 * after it (app/data/launch.server.ts). An existing database is never re-seeded, so edits made
 * through the app are never overwritten by the seed. Migrations and the seed run as the owner; the server
 * gets `appUrl`, the app role's (docs/decisions/010-database-roles.md): for the embedded database a login
 * role with a password generated into its data folder, with DATABASE_URL the one UADE_APP_DATABASE_URL names.
 */
export async function prepareDatabase(
	log: (line: string) => void,
	{ supervise }: { supervise?: Supervision } = {},
): Promise<PreparedDatabase> {
	const config = env()
	if (config.UADE_APP_DATABASE_URL && !config.DATABASE_URL) {
		throw new ConfigurationError(
			'UADE_APP_DATABASE_URL is set but DATABASE_URL is not: the embedded database makes its own app ' +
				'role; with a database server, set both (the owner in DATABASE_URL).',
		)
	}
	const database = await openDatabase(config, { supervise })
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
			if (config.UADE_SEED !== 'none' && (await prisma.platform.count()) === 0) {
				const result = await seed(prisma)
				log(`Seeded an empty database: ${result.created} records created`)
				if (config.UADE_SEED === 'launch') {
					const launch = await loadLaunch(prisma)
					if (launch.status === 'refused') {
						// The launch file is the project's own and tested: refusing it is a bug, and must not pass
						// unnoticed as a site of grey pledges.
						throw new Error(
							`The launch dataset was refused (nothing of it was written): ${launch.problems
								.slice(0, 5)
								.map((problem) => `${problem.where}: ${problem.message}`)
								.join('; ')}`,
						)
					}
					const counts = countChanges(launch.changes)
					log(
						`Loaded the launch dataset: ${counts.evidence.create} evidence items, ${counts.statusUpdate.create} ratings, ${counts.platformSource.create} platform sources`,
					)
				}
			}
		} finally {
			await prisma.$disconnect()
		}
		const appUrl = database.embedded
			? await embeddedAppUrl(database.url, config.UADE_DATA_DIR)
			: config.UADE_APP_DATABASE_URL
		if (!appUrl) {
			log(
				"Warning: the server connects as DATABASE_URL's role, which owns the tables and so could disable " +
					'the append-only triggers. Set UADE_APP_DATABASE_URL to a role of its own (docs/decisions/010-database-roles.md).',
			)
			return { ...database, appUrl: database.url }
		}
		await ensureAppRole(database.url, appUrl)
		log(`The server connects as ${new URL(appUrl).username}, which may write rows but not alter tables`)
		return { ...database, appUrl }
	} catch (error) {
		// A refused or failed migration (MigrationError) is explained in its message: startScript prints it.
		await database.stop()
		throw error
	}
}

export function redact(url: string): string {
	return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}
