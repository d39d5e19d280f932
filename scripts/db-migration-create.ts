/**
 * `npm run db:migration -- --name add_x`: writes prisma/migrations/<UTC yyyymmddhhmmss>_add_x/migration.sql
 * with the SQL Prisma's own schema engine (its WebAssembly build) generates for the change from the schema the
 * migrations create to the current prisma/schema.prisma, as `prisma migrate dev --create-only` would. It
 * needs a PostgreSQL server to replay the migrations on: DATABASE_URL's (in a temporary database) or a
 * throw-away embedded one. See docs/decisions/002-migrations-without-prisma-schema-engine.md.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createMigration } from './lib/migration-create'
import { openScratchServer } from './lib/scratch-postgres'
import { startScript } from './lib/start-script'

startScript()
const { values } = parseArgs({ options: { name: { type: 'string', short: 'n' } } })
if (!values.name) {
	console.error('Name the migration: npm run db:migration -- --name add_pledge_search')
	process.exit(1)
}

const server = await openScratchServer()
try {
	const result = await createMigration({
		name: values.name,
		prismaDir: path.join(process.cwd(), 'prisma'),
		serverUrl: server.serverUrl,
	})
	if (!result.created) {
		console.log(
			'No change: the migrations already create what prisma/schema.prisma describes, so no migration was written.',
		)
	} else {
		console.log(`Created ${path.relative(process.cwd(), result.file)}:\n\n${result.sql}`)
		if (result.verified) {
			console.log('Checked: with it, Prisma finds no difference between the migrations and schema.prisma.')
		} else {
			console.error(
				'Warning: with the new migration applied, Prisma still finds a difference. Run ' +
					'`npx vitest run app/db/schema-drift.test.ts` to see it.',
			)
			process.exitCode = 1
		}
		console.log(
			'Objects Prisma does not model (functions, triggers, expression indexes) go at the end of the file by hand.',
		)
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exitCode = 1
} finally {
	await server.stop()
}
