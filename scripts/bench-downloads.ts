/**
 * `npm run bench:downloads`: downloads every file of /data in full, over HTTP, from the production server
 * on the large benchmark dataset (20 platforms, 2,000 pledges, 200,000 evidence items, 50,000 ledger
 * entries: scripts/lib/benchmark-data.ts), and prints for each its bytes, seconds and the server process's
 * memory (RSS) before, at its peak during and after, and the peak of its child processes' (uade.json's
 * builder). Beside them, the anchor: the largest file's same bytes streamed from disk by a plain Node
 * `http` server, measured the same way.
 *
 * It builds if the build is stale, starts a throw-away PostgreSQL (embedded in a temporary folder on a free
 * port, or a temporary database on DATABASE_URL's server), runs one server process (UADE_WORKERS=1) on a
 * free port, and reads every answer without compression (no Accept-Encoding), as fast as it comes, over
 * 127.0.0.1 only. RSS is sampled every 20 ms from /proc/<pid>/status. Nothing outlives the run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { csvDownloads, downloadPath } from '~/data/download-files'
import { findFreePort } from '~/db/tooling/embedded-postgres.server'
import { migrate } from '~/db/tooling/migrate.server'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { generateBenchmarkData, largeBenchmark } from './lib/benchmark-data'
import { buildIfStale } from './lib/build'
import { openScratchServer } from './lib/scratch-postgres'
import { startScript } from './lib/start-script'

startScript()
const log = (line: string) => console.log(`[bench] ${line}`)
const databaseName = 'uade_bench_downloads'

type Server = { baseUrl: string; pid: number; stop: () => Promise<void> }

async function rssOf(pid: number): Promise<number> {
	const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
	return Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? 0) * 1024
}

/** The RSS of `pid`'s descendants, together (uade.json's builder, a child of the server, while it runs). */
async function descendantsRss(pid: number): Promise<number> {
	const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')
	const pids = children.split(/\s+/).filter(Boolean).map(Number)
	const sizes = await Promise.all(
		pids.map(async (child) => (await rssOf(child)) + (await descendantsRss(child))),
	)
	return sizes.reduce((sum, size) => sum + size, 0)
}

/** The process that answers: with UADE_WORKERS=1, npm start's only worker (or the primary itself). */
async function serverPid(primary: number): Promise<number> {
	const children = await readFile(`/proc/${primary}/task/${primary}/children`, 'utf8').catch(() => '')
	return children.split(/\s+/).filter(Boolean).map(Number)[0] ?? primary
}

async function startApp(databaseUrl: string): Promise<Server> {
	const port = await findFreePort()
	const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			DATABASE_URL: databaseUrl,
			PORT: String(port),
			SESSION_SECRET: randomBytes(48).toString('base64'),
			UADE_PUBLIC_URL: `http://127.0.0.1:${port}`,
			UADE_WORKERS: '1',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return
		const exited = new Promise((resolve) => child.once('exit', resolve))
		child.kill('SIGTERM')
		await exited
	}
	const baseUrl = `http://127.0.0.1:${port}`
	const deadline = Date.now() + 120_000
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`The server exited before it was ready:\n${output}`)
		const ready = await fetch(`${baseUrl}/en`).then(
			(response) => response.ok,
			() => false,
		)
		if (ready) return { baseUrl, pid: await serverPid(child.pid ?? 0), stop }
		await new Promise((resolve) => setTimeout(resolve, 250))
	}
	await stop()
	throw new Error(`The server did not answer within 120 s:\n${output}`)
}

/** A plain Node server streaming one file from disk: what serving these bytes costs with nothing else. */
async function startAnchor(file: string): Promise<Server> {
	const port = await findFreePort()
	const code = `
		const fs = require('node:fs')
		const size = fs.statSync(${JSON.stringify(file)}).size
		require('node:http').createServer((req, res) => {
			res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': size })
			fs.createReadStream(${JSON.stringify(file)}).pipe(res)
		}).listen(${port}, '127.0.0.1', () => console.log('ready'))`
	const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
	await new Promise<void>((resolve, reject) => {
		child.stdout?.once('data', () => resolve())
		child.once('exit', (exitCode) => reject(new Error(`the anchor server exited (${exitCode})`)))
	})
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		pid: child.pid ?? 0,
		stop: async () => {
			const exited = new Promise((resolve) => child.once('exit', resolve))
			child.kill('SIGTERM')
			await exited
		},
	}
}

type Result = {
	name: string
	status: number
	bytes: number
	seconds: number
	before: number
	peak: number
	after: number
	/** The server's child processes' RSS at its highest, together. */
	childrenPeak: number
}

/** GETs `url` in full (to `saveTo` if given), sampling the server's RSS meanwhile. */
async function measure(name: string, url: string, pid: number, saveTo?: string): Promise<Result> {
	const before = await rssOf(pid)
	let peak = before
	let childrenPeak = 0
	let sampling = true
	const sampler = (async () => {
		while (sampling) {
			peak = Math.max(peak, await rssOf(pid))
			childrenPeak = Math.max(childrenPeak, await descendantsRss(pid))
			await new Promise((resolve) => setTimeout(resolve, 20))
		}
	})()
	const startedAt = performance.now()
	const { status, bytes } = await new Promise<{ status: number; bytes: number }>((resolve, reject) => {
		http
			.get(url, (response) => {
				let bytes = 0
				const sink = saveTo ? createWriteStream(saveTo) : null
				response.on('data', (chunk: Buffer) => {
					bytes += chunk.length
					if (sink && !sink.write(chunk)) {
						response.pause()
						sink.once('drain', () => response.resume())
					}
				})
				response.on('end', () => {
					if (sink) sink.end(() => resolve({ status: response.statusCode ?? 0, bytes }))
					else resolve({ status: response.statusCode ?? 0, bytes })
				})
				response.on('error', reject)
			})
			.on('error', reject)
	})
	const seconds = (performance.now() - startedAt) / 1000
	sampling = false
	await sampler
	const after = await rssOf(pid)
	peak = Math.max(peak, after)
	return { name, status, bytes, seconds, before, peak, after, childrenPeak }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`

function table(results: Result[]): string {
	const header = [
		'file',
		'status',
		'bytes',
		'size',
		'seconds',
		'RSS before',
		'RSS peak',
		'RSS after',
		'children RSS peak',
	]
	const rows = results.map((result) => [
		result.name,
		String(result.status),
		String(result.bytes),
		mb(result.bytes),
		result.seconds.toFixed(2),
		mb(result.before),
		mb(result.peak),
		mb(result.after),
		mb(result.childrenPeak),
	])
	const widths = header.map((cell, index) =>
		Math.max(cell.length, ...rows.map((row) => row[index]?.length ?? 0)),
	)
	const line = (cells: string[]) =>
		`| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ')} |`
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

async function describeData(url: string): Promise<string> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const tables = ['Platform', 'Pledge', 'Evidence', 'StatusUpdate', 'Measurement']
		const counts = await Promise.all(
			tables.map(async (table) => {
				const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "${table}"`)
				return `${Number(rows[0]?.count).toLocaleString('en')} ${table}`
			}),
		)
		return counts.join(', ')
	} finally {
		await client.end()
	}
}

await buildIfStale(log)
const scratch = await openScratchServer()
const folder = await mkdtemp(path.join(os.tmpdir(), 'uade-bench-downloads-'))
const admin = new pg.Client({ connectionString: `${scratch.serverUrl}/postgres` })
try {
	await admin.connect()
	await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
	await admin.query(`CREATE DATABASE ${databaseName} TEMPLATE template0 ENCODING 'UTF8'`)
	const url = `${scratch.serverUrl}/${databaseName}`
	log('Preparing the large benchmark dataset…')
	await migrate(url)
	const prisma = createPrismaClient(url)
	await seed(prisma).finally(() => prisma.$disconnect())
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	await generateBenchmarkData(client, largeBenchmark).finally(() => client.end())
	log(await describeData(url))

	const app = await startApp(url)
	const results: Result[] = []
	try {
		const platform = await (async () => {
			const reader = new pg.Client({ connectionString: url })
			await reader.connect()
			try {
				const { rows } = await reader.query<{ slug: string }>(
					`SELECT pl.slug FROM "Platform" pl JOIN "Pledge" p ON p."platformId" = pl.id
					 JOIN "Evidence" e ON e."pledgeId" = p.id
					 WHERE pl."publishedAt" IS NOT NULL GROUP BY pl.slug ORDER BY count(*) DESC, pl.slug LIMIT 1`,
				)
				return rows[0]?.slug ?? ''
			} finally {
				await reader.end()
			}
		})()
		for (const download of csvDownloads) {
			const save = download.name === 'evidence' ? path.join(folder, 'evidence.csv') : undefined
			const result = await measure(
				download.fileName,
				`${app.baseUrl}${downloadPath(download.fileName)}`,
				app.pid,
				save,
			)
			results.push(result)
			log(`${result.name}: ${mb(result.bytes)} in ${result.seconds.toFixed(2)} s`)
		}
		results.push(
			await measure(
				`${platform}/evidence.csv`,
				`${app.baseUrl}${downloadPath('evidence.csv', platform)}`,
				app.pid,
			),
		)
		// The first request writes the version's file (the export reads the dataset into memory once, in a
		// child process of the server's: its last column); the second streams the file.
		results.push(
			await measure('uade.json (first: written)', `${app.baseUrl}${downloadPath('uade.json')}`, app.pid),
		)
		results.push(
			await measure('uade.json (again: from file)', `${app.baseUrl}${downloadPath('uade.json')}`, app.pid),
		)
	} finally {
		await app.stop()
	}
	const anchor = await startAnchor(path.join(folder, 'evidence.csv'))
	try {
		results.push(await measure('anchor: evidence.csv from disk (node http)', anchor.baseUrl, anchor.pid))
	} finally {
		await anchor.stop()
	}
	console.log('')
	console.log(table(results))
} finally {
	await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => {})
	await admin.end().catch(() => {})
	await scratch.stop()
	await rm(folder, { recursive: true, force: true })
}
