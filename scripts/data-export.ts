/**
 * `npm run data:export -- [--platform SLUG] [--public] [--out FILE]`: writes the content of the app's
 * database (DATABASE_URL's, or the embedded one, beside a running `npm start` or not) as a document of the
 * import format (docs/import-format.md) to stdout, or to FILE (a new file: an existing one is never
 * overwritten). Without `--public` it is the operator's copy of everything, drafts and account emails
 * included; with it, only what the public site shows. `npm run data:import` reads it back.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { exportDocument, ExportRefused, serializeExport } from '~/data/export.server'
import { openDatabaseBesideRunningServer } from '~/db/tooling/database.server'
import { MigrationError, requireMigrated } from '~/db/tooling/migrate.server'
import { createPrismaClient } from '~/db/prisma.server'
import { startScript } from './lib/start-script'

const config = startScript()
const { values } = parseArgs({
	options: {
		platform: { type: 'string' },
		public: { type: 'boolean', default: false },
		out: { type: 'string', short: 'o' },
	},
})

const startedAt = performance.now()
const database = await openDatabaseBesideRunningServer(config)
const prisma = createPrismaClient(database.url)
try {
	await requireMigrated(database.url)
	const document = await exportDocument(prisma, {
		platform: values.platform,
		audience: values.public ? 'public' : 'full',
	})
	const text = serializeExport(document)
	if (values.out) {
		const file = path.resolve(values.out)
		// A full export names staff by email: readable by this user only.
		await writeFile(file, text, { flag: 'wx', mode: values.public ? 0o644 : 0o600 })
		// The summary goes to stderr, so that stdout stays the document alone when no file is given.
		console.error(
			`Exported ${document.platforms.length} platforms, ${document.pledges.length} pledges, ` +
				`${document.evidence.length} evidence items and ${document.statusUpdates.length} status entries ` +
				`(${values.public ? 'public' : 'full'}) to ${values.out} in ${Math.round(performance.now() - startedAt)} ms.`,
		)
	} else process.stdout.write(text)
} catch (error) {
	if (error instanceof ExportRefused || error instanceof MigrationError) {
		console.error(`[uade] ${error.message}`)
		process.exitCode = 1
	} else if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
		console.error(`[uade] ${values.out} exists already: an export never overwrites a file.`)
		process.exitCode = 1
	} else throw error
} finally {
	await prisma.$disconnect()
	await database.stop()
}
