import type { PrismaClient } from '~/.server/prisma/client'
import { getPrisma } from '~/db/prisma.server'
import type { Actor } from '~/models/save.server'
import { readCsvFile } from './csv.server'
import {
	readImportFile,
	runImport,
	type ImportDocument,
	type ImportProblem,
	type ImportResult,
} from './import.server'

type SourceRead =
	| { status: 'read'; document: ImportDocument; placeOf: (pointer: string) => string }
	| { status: 'refused'; problems: ImportProblem[] }

/**
 * A file as the import reads it, whichever of its forms it is: a CSV file of pledges or of evidence (by its
 * name's .csv), else a JSON document of the format. `placeOf` turns the import's JSON pointers into places
 * of the file itself ("evidence.csv line 4, column sourceUrl").
 */
export function readImportSource(bytes: Uint8Array, name: string): SourceRead {
	if (/\.csv$/i.test(name)) return readCsvFile(bytes, name)
	const read = readImportFile(bytes, name)
	return read.status === 'read' ? { ...read, placeOf: (pointer) => pointer } : read
}

/** A file read, checked and (unless `dryRun`) imported by `actor`, its problems placed in the file. */
export async function importFile(
	prisma: PrismaClient,
	bytes: Uint8Array,
	name: string,
	options: { actor: Actor; dryRun: boolean },
): Promise<ImportResult> {
	const read = readImportSource(bytes, name)
	if (read.status === 'refused') return read
	const result = await runImport(prisma, read.document, options)
	if (result.status !== 'refused') return result
	return {
		status: 'refused',
		problems: result.problems.map((problem) => ({ ...problem, where: read.placeOf(problem.where) })),
	}
}

/** An uploaded file (/admin/import), by the signed-in admin. */
export function importUpload(bytes: Uint8Array, name: string, options: { actor: Actor; dryRun: boolean }) {
	return importFile(getPrisma(), bytes, name, options)
}
