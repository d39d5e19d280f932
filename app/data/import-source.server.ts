import { readImportFile, type ReadResult } from './import.server'

/**
 * A file as the import reads it, whichever of its forms it is: a JSON document of the format. (CSV files of
 * pledges or of evidence join here with the CSV reader.)
 */
export function readImportSource(bytes: Uint8Array, name: string): ReadResult {
	return readImportFile(bytes, name)
}
