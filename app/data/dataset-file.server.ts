import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PrismaClient } from '~/.server/prisma/client'
import { databaseTimeouts, getPrisma } from '~/db/prisma.server'
import { env } from '~/env.server'
import { exportDocument, serializeExportChunks } from './export.server'

/**
 * `/data/uade.json`: the whole published dataset in the import format (app/data/export.server.ts, public
 * audience), written to a file once per public data version and streamed from it
 * (docs/decisions/019-downloads-streamed-by-copy.md). The export reads the dataset in one snapshot into
 * memory (its lists are sorted by natural keys across tables), so it runs once per version and process,
 * not once per request, and in a child process of its own (scripts/lib/write-public-dataset.ts): the
 * server's memory stays flat while the child's grows and is given back when it exits. Concurrent requests
 * share one build; a failed one rejects every request waiting on it (`DatasetBuildFailed`).
 */

/**
 * The export's one transaction: on the large benchmark dataset it takes 25 to 40 s, past Prisma's 5 s
 * default and past the app's statement and idle-in-transaction timeouts (15 s: the app's client would be
 * cut off while the export sorts what it read), so the child runs it on a client with these bounds.
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

async function exists(file: string): Promise<boolean> {
	return stat(file).then(
		() => true,
		() => false,
	)
}

declare global {
	/**
	 * The builders running now, each a child process: ended by `stopDatasetBuilds` at the server's stop. On
	 * globalThis, so that scripts/lib/serve.ts's copy of this module sees the server build's.
	 */
	var uadeDatasetBuilders: Set<ChildProcess> | undefined
}

const runningBuilders = () => (globalThis.uadeDatasetBuilders ??= new Set())

/** Why the file could not be written: a reader is told the dataset is unavailable for now (a 503). */
export class DatasetBuildFailed extends Error {
	override name = 'DatasetBuildFailed'
}

/** The builder's script: run by the Node running the server, with tsx (as `npm start` runs the server). */
const builderScript = () => path.join(process.cwd(), 'scripts', 'lib', 'write-public-dataset.ts')

/**
 * Writes the export to `partial` in a child process, so that the whole document (over 1 GB on the large
 * benchmark dataset) lives and dies in the child's memory, never in the server's.
 */
async function writeInChild(databaseUrl: string, partial: string): Promise<void> {
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			builderScript(),
			partial,
			String(databaseTimeouts().connectMs),
			String(exportTimeoutMs),
		],
		{
			cwd: process.cwd(),
			env: { ...process.env, DATABASE_URL: databaseUrl },
			// Its stdin is how it knows the server is still there: it ends when the pipe closes.
			stdio: ['pipe', 'ignore', 'pipe'],
		},
	)
	runningBuilders().add(child)
	let errors = ''
	child.stderr?.setEncoding('utf8')
	child.stderr?.on('data', (text: string) => {
		if (errors.length < 8_000) errors += text
	})
	// A broken pipe once the child has gone is no error of ours: its exit says what happened.
	child.stdin?.on('error', () => undefined)
	try {
		await new Promise<void>((resolve, reject) => {
			child.once('error', (error) =>
				reject(new DatasetBuildFailed(`The dataset's builder did not start: ${error.message}`)),
			)
			child.once('close', (code, signal) => {
				if (code === 0) resolve()
				else
					reject(
						new DatasetBuildFailed(
							`The dataset's builder ended with ${signal ?? `exit code ${code}`}: ${errors.trim().slice(-2_000)}`,
						),
					)
			})
		})
	} finally {
		runningBuilders().delete(child)
	}
}

async function build(
	prisma: PrismaClient,
	prefix: string,
	key: string,
	databaseUrl?: string,
): Promise<string> {
	const folder = directory()
	await mkdir(folder, { recursive: true, mode: 0o700 })
	const file = path.join(folder, `${key}.json`)
	if (await exists(file)) return file
	const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`
	const url = databaseUrl ?? env().DATABASE_URL
	try {
		if (url) await writeInChild(url, partial)
		else {
			// No address to give a child (a test's own client): the export runs here, as small datasets allow.
			const document = await exportDocument(prisma, { audience: 'public', timeoutMs: exportTimeoutMs })
			await pipeline(
				Readable.from(serializeExportChunks(document)),
				createWriteStream(partial, { mode: 0o600 }),
			)
		}
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

/** Ends the builders still running (the server's stop): their files would be read by nobody. */
export async function stopDatasetBuilds(): Promise<void> {
	await Promise.all(
		[...runningBuilders()].map(
			(child) =>
				new Promise<void>((resolve) => {
					if (child.exitCode !== null || child.signalCode !== null) return resolve()
					child.once('close', () => resolve())
					child.kill('SIGTERM')
				}),
		),
	)
}

/**
 * Builds run one at a time per process (each holds the dataset in a child's memory: about 1.3 GB on the
 * large benchmark dataset): one under way, and at most one queued behind it, which builds whatever version
 * is current when it starts. While editors write a few times a second, a reader of uade.json may get a
 * version newer than the one it asked under, never an older one, and no pile of builds.
 */
let running: { key: string; made: Promise<string> } | undefined
let queued: Promise<string> | undefined

/** The file holding the current public dataset, written first if this version has none yet. */
export async function publicDatasetFile(
	prisma: PrismaClient = getPrisma(),
	databaseUrl?: string,
): Promise<string> {
	const { prefix, key } = await versionKey(prisma)
	const file = path.join(directory(), `${key}.json`)
	if (await exists(file)) return file
	if (running?.key === key) return running.made
	if (queued) return queued
	const start = (startPrefix: string, startKey: string): Promise<string> => {
		const made = build(prisma, startPrefix, startKey, databaseUrl).finally(() => {
			if (running?.made === made) running = undefined
		})
		running = { key: startKey, made }
		return made
	}
	if (!running) return start(prefix, key)
	const before = running.made
	const next = before
		.catch(() => undefined)
		.then(async () => {
			queued = undefined
			// The version now: newer than the one asked under, if editors wrote meanwhile.
			const now = await versionKey(prisma)
			return start(now.prefix, now.key)
		})
	queued = next
	return next
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
