import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { rfc4180Csv, toCrlfRecords, utf8Bom, type CsvState } from './csv-records.server'

// PostgreSQL's CSV as COPY writes it: LF after each record; quoted fields holding quotes, commas and line
// breaks (CRLF and LF), Kazakh and Russian text (multi-byte UTF-8).
const postgres = Buffer.from(
	'id,title,excerpt\n' +
		'1,"Жұмыс ""орындары""","First line\nsecond, line"\n' +
		'2,Реформа,"Windows\r\nline"\n' +
		'3,"""",\n',
)
const rfc4180 = Buffer.from(
	'id,title,excerpt\r\n' +
		'1,"Жұмыс ""орындары""","First line\nsecond, line"\r\n' +
		'2,Реформа,"Windows\r\nline"\r\n' +
		'3,"""",\r\n',
)

function convert(chunks: Buffer[]): Buffer {
	const state: CsvState = { quoted: false }
	return Buffer.concat(chunks.map((chunk) => toCrlfRecords(chunk, state)))
}

describe('PostgreSQL CSV as RFC 4180', () => {
	test('ends records with CRLF and leaves the line breaks inside fields alone', () => {
		expect(convert([postgres]).toString()).toBe(rfc4180.toString())
	})

	test('gives the same bytes whichever byte a chunk boundary falls on, even inside a character', () => {
		for (let first = 0; first <= postgres.length; first++) {
			expect(convert([postgres.subarray(0, first), postgres.subarray(first)])).toEqual(rfc4180)
		}
		// And one byte at a time.
		expect(convert([...postgres].map((byte) => Buffer.from([byte])))).toEqual(rfc4180)
	})

	test('as a stream: the BOM first, then records a CSV parser reads back field for field', async () => {
		const chunks = [postgres.subarray(0, 7), postgres.subarray(7, 40), postgres.subarray(40)]
		const out = await buffer(Readable.from(chunks).pipe(rfc4180Csv()))
		expect(out.subarray(0, 3)).toEqual(utf8Bom)
		expect(out.subarray(3)).toEqual(rfc4180)
		expect(parse(out, { bom: true, record_delimiter: '\r\n' })).toEqual([
			['id', 'title', 'excerpt'],
			['1', 'Жұмыс "орындары"', 'First line\nsecond, line'],
			['2', 'Реформа', 'Windows\r\nline'],
			['3', '"', ''],
		])
	})

	test('an empty COPY is the BOM alone', async () => {
		expect(await buffer(Readable.from([]).pipe(rfc4180Csv()))).toEqual(utf8Bom)
	})
})
