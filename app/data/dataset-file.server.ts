import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient, databaseTimeouts, getPrisma } from '~/db/prisma.server'
import { env } from '~/env.server'
import { exportDocument, serializeExportChunks } from './export.server'

/**
 * `/data/uade.json`: the whole published dataset in the import format (app/data/export.server.ts, public
 * audience), written to a file once per public data version and streamed from it
 * (docs/decisions/019-downloads-streamed-by-copy.md). The export reads the dataset in one snapshot into
 * memory (its lists are sorted by natural keys across tables), so it runs once per version and process,
 * not once per request; the file is written a list item at a time, never as one string.
 */

/**
 * The export's one transaction: on the large benchmark dataset it takes about 25 s, past Prisma's 5 s
 * default and past the app's statement and idle-in-transaction timeouts (15 s: the app's client would be
 * cut off while the export sorts what it read), so it runs on a client of its own with these bounds.
 */
const exportTimeoutMs = 10 * 60_000

const directory = () => path.join(os.tmpdir(), `uade-datasets-${os.userInfo().uid}`)

/** The database's identity and its public data version: a file is valid for these only. */
async function versionKey(prisma: PrismaClient): Promise<{ prefix: string; key: string }> {
	const rows = await prisma.$queryRaw<Array<{ identity: string; version: string }>>`
		SELECT concat_ws(' ', inet_server_addr(), inet_server_port(), current_database(),
			(SELECT oid FROM pg_database WHERE datname = current_database()), pg_postmaster_start_time()) AS identity,
			(SELECT version::text FROM "PublicDataVersion" WHERE id = 1) AS version`
	const row = rows[0]
	const prefix = createHash('sha256')
		.update(row?.identity ?? '')
		.digest('hex')
		.slice(0, 16)
	return { prefix, key: `${prefix}-${row?.version ?? 'none'}` }
}

const building = new Map<string, Promise<string>>()

async function exists(file: string): Promise<boolean> {
	return stat(file).then(
		() => true,
		() => false,
	)
}

async function build(prisma: PrismaClient, prefix: string, key: string): Promise<string> {
	const folder = directory()
	await mkdir(folder, { recursive: true, mode: 0o700 })
	const file = path.join(folder, `${key}.json`)
	if (await exists(file)) return file
	const url = env().DATABASE_URL
	const exporter = url
		? createPrismaClient(url, { connectMs: databaseTimeouts().connectMs, statementMs: exportTimeoutMs })
		: prisma
	const document = await exportDocument(exporter, { audience: 'public', timeoutMs: exportTimeoutMs }).finally(
		() => (exporter === prisma ? undefined : exporter.$disconnect()),
	)
	const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`
	try {
		await pipeline(
			Readable.from(serializeExportChunks(document)),
			createWriteStream(partial, { mode: 0o600 }),
		)
		await rename(partial, file)
	} catch (error) {
		await rm(partial, { force: true })
		throw error
	}
	// Older versions' files of this database are of no more use.
	for (const name of await readdir(folder)) {
		if (name.startsWith(`${prefix}-`) && name !== `${key}.json` && name.endsWith('.json'))
			await rm(path.join(folder, name), { force: true })
	}
	return file
}

/** The file holding the current public dataset, written first if this version has none yet. */
export async function publicDatasetFile(prisma: PrismaClient = getPrisma()): Promise<string> {
	const { prefix, key } = await versionKey(prisma)
	const underway = building.get(key)
	if (underway) return underway
	const made = build(prisma, prefix, key).finally(() => building.delete(key))
	building.set(key, made)
	return made
}

/**
 * The current public dataset, opened: a file of an older version may be deleted as soon as a newer one is
 * written, but not from under a reader who has it open. Tried twice, for a file deleted between the two.
 */
export async function openPublicDataset(
	prisma: PrismaClient = getPrisma(),
): Promise<{ handle: FileHandle; size: number }> {
	for (let attempt = 1; ; attempt++) {
		const file = await publicDatasetFile(prisma)
		try {
			const handle = await open(file, 'r')
			return { handle, size: (await handle.stat()).size }
		} catch (error) {
			if (attempt >= 2 || !(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error
		}
	}
}
