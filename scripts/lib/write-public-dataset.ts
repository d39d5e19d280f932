/**
 * The child process that writes `/data/uade.json` (app/data/dataset-file.server.ts starts it): reads the
 * published dataset from DATABASE_URL with `exportDocument` (public audience) and writes it, a list item at
 * a time, to the file named by its first argument. The document lives in this process's memory, never in
 * the server's (docs/decisions/019-downloads-streamed-by-copy.md). Its other arguments are the connect and
 * statement timeouts in milliseconds. It ends as soon as its stdin closes: the server that started it has
 * stopped or died, and nobody would read the file.
 */
import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { exportDocument, serializeExportChunks } from '~/data/export.server'
import { createPrismaClient } from '~/db/prisma.server'

process.stdin.on('end', () => process.exit(2))
process.stdin.resume()

const [out, connectMs, statementMs] = process.argv.slice(2)
const url = process.env.DATABASE_URL
if (!out || !url || !Number(connectMs) || !Number(statementMs)) {
	console.error('usage: DATABASE_URL=… write-public-dataset.ts FILE CONNECT_MS STATEMENT_MS')
	process.exit(64)
}
const prisma = createPrismaClient(url, { connectMs: Number(connectMs), statementMs: Number(statementMs) })
try {
	const document = await exportDocument(prisma, { audience: 'public', timeoutMs: Number(statementMs) })
	await pipeline(Readable.from(serializeExportChunks(document)), createWriteStream(out, { mode: 0o600 }))
} catch (error) {
	console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
	process.exitCode = 1
} finally {
	await prisma.$disconnect()
}
process.exit()
