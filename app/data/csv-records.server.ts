import { Transform } from 'node:stream'

/**
 * PostgreSQL's CSV (COPY … WITH (FORMAT csv)) as RFC 4180 has it: PostgreSQL ends each record with LF,
 * RFC 4180 with CRLF. Only the record separators change: a line break inside a field stays as it is, and
 * such a field is always quoted (PostgreSQL quotes any field holding a quote, a comma, CR or LF), so a LF
 * outside quotes is a record's end. Inside a quoted field a quote is doubled (`""`), which toggles the state
 * twice and leaves it right. Bytes, not characters: in UTF-8 no byte of a multi-byte character is a quote
 * or a LF, so a chunk may end anywhere, even inside a character.
 */
export type CsvState = { quoted: boolean }

const quote = 0x22
const lineFeed = 0x0a
const crlf = Buffer.from('\r\n')

/** One chunk with its record separators as CRLF, carrying the quote state over to the next chunk. */
export function toCrlfRecords(chunk: Buffer, state: CsvState): Buffer {
	const parts: Buffer[] = []
	let start = 0
	for (let index = 0; index < chunk.length; index++) {
		const byte = chunk[index]
		if (byte === quote) state.quoted = !state.quoted
		else if (byte === lineFeed && !state.quoted) {
			parts.push(chunk.subarray(start, index), crlf)
			start = index + 1
		}
	}
	if (start === 0) return chunk
	parts.push(chunk.subarray(start))
	return Buffer.concat(parts)
}

/** UTF-8's byte order mark: spreadsheet programs (Excel) read a CSV file as UTF-8 only when it starts with it. */
export const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf])

/** A stream of PostgreSQL CSV in, RFC 4180 out: the BOM first, then every record ended by CRLF. */
export function rfc4180Csv(): Transform {
	const state: CsvState = { quoted: false }
	let started = false
	return new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			const converted = toCrlfRecords(chunk, state)
			if (!started) {
				started = true
				callback(null, Buffer.concat([utf8Bom, converted]))
			} else callback(null, converted)
		},
		flush(callback) {
			callback(null, started ? undefined : utf8Bom)
		},
	})
}
