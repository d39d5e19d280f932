/**
 * `npm run data:import -- FILE [--dry-run] [--as EMAIL]`: imports a document of the import format
 * (docs/import-format.md; a .json file, or a pledges or evidence .csv file) into the app's database
 * (DATABASE_URL's, or the embedded one, beside a running `npm start` or not). Everything is checked first
 * and every problem listed with its place; then all of it is written in one transaction, or nothing.
 * `--dry-run` lists what would be created, changed or left as it is, and writes nothing. The import is
 * made by an admin account, `--as EMAIL`, or the only active admin when there is one; its audit entries
 * name that account.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { importFile } from '~/data/import-source.server'
import { countChanges, importLimits, recordKinds } from '~/data/import.server'
import { openDatabaseBesideRunningServer } from '~/db/tooling/database.server'
import { MigrationError, requireMigrated } from '~/db/tooling/migrate.server'
import { createPrismaClient } from '~/db/prisma.server'
import { startScript } from './lib/start-script'

/** A refusal of the command itself (who imports), said in one line. */
class Refused extends Error {}

const config = startScript()
const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { 'dry-run': { type: 'boolean', default: false }, as: { type: 'string' } },
})
const [file, ...extra] = positionals
if (!file || extra.length > 0) {
	console.error('Usage: npm run data:import -- FILE [--dry-run] [--as EMAIL]')
	process.exit(2)
}

const name = path.basename(file)
let bytes: Uint8Array
try {
	bytes = await readFile(file)
} catch (error) {
	console.error(`[uade] Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
	process.exit(1)
}
if (bytes.byteLength > importLimits.bytes) {
	// Said before the database is opened: nothing in a file this size is read.
	console.error(
		`[uade] ${name}: the file is larger than the import's limit of 20 MB. Split it, one platform a file.`,
	)
	process.exit(1)
}

const database = await openDatabaseBesideRunningServer(config)
const prisma = createPrismaClient(database.url)
try {
	await requireMigrated(database.url)
	const admins = await prisma.user.findMany({
		where: values.as
			? { email: { equals: values.as, mode: 'insensitive' } }
			: { role: 'ADMIN', disabled: false },
		select: { id: true, email: true, role: true, disabled: true },
		take: 2,
	})
	const actor = admins[0]
	if (values.as && (!actor || actor.role !== 'ADMIN' || actor.disabled)) {
		throw new Refused(`${values.as} is not an active admin account: only an admin imports.`)
	}
	if (!actor || admins.length > 1) {
		throw new Refused(
			actor
				? 'There is more than one admin: say who imports with --as EMAIL (the audit log names them).'
				: 'There is no active admin: create one with `npm run user:create`, then import with --as EMAIL.',
		)
	}
	const result = await importFile(prisma, bytes, name, {
		actor: { id: actor.id, role: actor.role, ipAddress: null },
		dryRun: values['dry-run'],
	})
	if (result.status === 'refused') {
		report(result.problems)
		process.exitCode = 1
	} else {
		const counts = countChanges(result.changes)
		for (const change of result.changes.filter((each) => each.action !== 'unchanged'))
			console.log(`  ${change.action === 'create' ? 'create' : 'change'}  ${change.kind} ${change.key}`)
		for (const kind of recordKinds) {
			const { create, change, unchanged } = counts[kind]
			if (create + change + unchanged > 0)
				console.log(
					result.status === 'checked'
						? `${kind}: ${create} to create, ${change} to change, ${unchanged} unchanged`
						: `${kind}: ${create} created, ${change} changed, ${unchanged} unchanged`,
				)
		}
		console.log(
			result.status === 'checked'
				? `Dry run of ${name}: every record passed; nothing was written.`
				: `Imported ${name} as ${actor.email}.`,
		)
	}
} catch (error) {
	if (error instanceof Refused || error instanceof MigrationError) {
		console.error(`[uade] ${error.message}`)
		process.exitCode = 1
	} else throw error
} finally {
	await prisma.$disconnect()
	await database.stop()
}

function report(problems: ReadonlyArray<{ where: string; message: string }>) {
	console.error(
		`${name}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported.`,
	)
	for (const problem of problems) console.error(`  ${problem.where}: ${problem.message}`)
}
