/**
 * `npm run db:backup [-- --output FILE]`: writes a backup of the app's database (DATABASE_URL's, or the
 * embedded one, beside a running `npm start` or not) to FILE, by default
 * `.data/backups/uade-<time>.jsonl.gz`: every table, with the migrations applied, as gzip'd JSON lines
 * (docs/decisions/011-backup-and-restore.md). Restore it with `npm run db:restore -- FILE`.
 */
import { mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { backupDatabase } from '~/db/tooling/backup.server'
import { openDatabaseBesideRunningServer } from '~/db/tooling/database.server'
import { startScript } from './lib/start-script'

const config = startScript()
const { values } = parseArgs({ options: { output: { type: 'string', short: 'o' } } })
const now = new Date()
const file = path.resolve(
	values.output ?? path.join('.data', 'backups', `uade-${now.toISOString().replace(/[:.]/g, '-')}.jsonl.gz`),
)
// Backups hold password hashes and sessions: their folder is this user's only.
await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })

const startedAt = performance.now()
const database = await openDatabaseBesideRunningServer(config)
try {
	const summary = await backupDatabase(database.url, file, { now })
	const { size } = await stat(file)
	console.log(
		`Backed up ${summary.rows} rows of ${summary.tables} tables (schema: ${summary.migrations} migrations) ` +
			`to ${shown(file)}: ${Math.ceil(size / 1024)} KB in ` +
			`${Math.round(performance.now() - startedAt)} ms.`,
	)
} catch (error) {
	if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
		console.error(`[uade] ${file} exists already: a backup never overwrites a file.`)
		process.exitCode = 1
	} else throw error
} finally {
	await database.stop()
}

/** A file as a person would type it here: relative when it is inside the working folder. */
function shown(file: string): string {
	const relative = path.relative(process.cwd(), file)
	return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative
}
