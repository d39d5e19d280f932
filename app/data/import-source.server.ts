import { getPrisma } from '~/db/prisma.server'
import type { Actor } from '~/models/save.server'
import { readImportFile, runImport, type ImportResult, type ReadResult } from './import.server'

/**
 * A file as the import reads it, whichever of its forms it is: a JSON document of the format. (CSV files of
 * pledges or of evidence join here with the CSV reader.)
 */
export function readImportSource(bytes: Uint8Array, name: string): ReadResult {
	return readImportFile(bytes, name)
}

/** An uploaded file (/admin/import), read and checked, then imported unless `dryRun`, by the signed-in admin. */
export async function importUpload(
	bytes: Uint8Array,
	name: string,
	options: { actor: Actor; dryRun: boolean },
): Promise<ImportResult> {
	const read = readImportSource(bytes, name)
	if (read.status === 'refused') return read
	return runImport(getPrisma(), read.document, options)
}
