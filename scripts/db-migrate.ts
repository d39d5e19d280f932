/** `npm run db:migrate`: applies pending migrations to the app's database (see app/db/tooling/migrate.server.ts). */
import { openDatabase } from '~/db/tooling/database.server'
import { migrate } from '~/db/tooling/migrate.server'
import { startScript } from './lib/start-script'

startScript()
const database = await openDatabase()
try {
	const { applied, alreadyApplied } = await migrate(database.url, { log: (line) => console.log(line) })
	console.log(
		applied.length
			? `${applied.length} migration(s) applied; ${alreadyApplied.length} were already applied.`
			: `Nothing to apply: all ${alreadyApplied.length} migration(s) are applied.`,
	)
} finally {
	await database.stop()
}
