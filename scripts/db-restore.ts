/**
 * `npm run db:restore -- FILE [--force]`: restores a backup made by `npm run db:backup` into the app's
 * database (DATABASE_URL's, or the embedded one), as its owner: migrates it to the backup's schema, loads
 * every row in one transaction, then applies this version's later migrations. A database that already
 * holds data is refused unless --force, which replaces all of it (in that same transaction). A backup of a
 * newer schema than this version's is refused (docs/decisions/011-backup-and-restore.md).
 */
import { parseArgs } from 'node:util'
import { RestoreRefused, restoreDatabase } from '~/db/tooling/backup.server'
import { openDatabaseBesideRunningServer } from '~/db/tooling/database.server'
import { startScript } from './lib/start-script'

const usage = 'Usage: npm run db:restore -- FILE [--force]'
const config = startScript()
const { values, positionals } = parseArgs({
	options: { force: { type: 'boolean', default: false } },
	allowPositionals: true,
})
const [file, ...extra] = positionals
if (!file || extra.length > 0) {
	console.error(usage)
	process.exit(1)
}

const startedAt = performance.now()
const database = await openDatabaseBesideRunningServer(config)
try {
	const summary = await restoreDatabase(database.url, file, {
		force: values.force,
		log: (line) => console.log(line),
	})
	console.log(
		`Restored ${summary.rows} rows of ${summary.tables} tables from ${file}` +
			`${summary.replaced ? ', replacing what the database held' : ''}` +
			`${summary.migratedAfter.length ? `, then applied ${summary.migratedAfter.length} later migration(s)` : ''}` +
			` in ${Math.round(performance.now() - startedAt)} ms.`,
	)
} catch (error) {
	const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT'
	if (error instanceof RestoreRefused || missing) {
		console.error(`[uade] ${missing ? `${file} does not exist.` : error.message} Nothing was restored.`)
		process.exitCode = 1
	} else throw error
} finally {
	await database.stop()
}
