/**
 * `npm run bench:public`: load-tests the public pages of the production build at the seed's size and at a
 * large size, and prints requests per second and p50/p99 latency side by side.
 *
 * It builds if the build is stale (UADE_BUILD_DIR picks the folder), starts a throw-away PostgreSQL (an
 * embedded one in a temporary folder on a free port, or temporary databases on DATABASE_URL's server),
 * fills one database with the seed and another with the seed plus generated benchmark data (20 platforms,
 * 2,000 pledges, 200,000 evidence items, 50,000 ledger entries: scripts/lib/benchmark-data.ts), then, for
 * each, runs the production server (`scripts/start.ts`) on a free port and autocannon against 127.0.0.1
 * only: 32 connections, 10 seconds per page after a 3-second warm-up. Nothing outlives the run.
 *
 * Beside them, in the same run: a plain Node `http` server answering the pledge page's same bytes from
 * memory (the anchor: Uade's cached figure is printed as a share of it); the pledge page read alone and
 * then with 4 public writes a second (read throughput and p99 against the read-only run, failed reads,
 * every write counted and found); and the server processes' memory through a run of distinct search
 * addresses against the page cache's budget.
 *
 * Options: --duration <seconds> (default 10), --connections <n> (default 32), --workers <n> (the server
 * processes, default one per core as npm start runs), --memory-seconds <seconds> (default 60).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import pg from 'pg'
import { findFreePort } from '~/db/tooling/embedded-postgres.server'
import { migrate } from '~/db/tooling/migrate.server'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { generateBenchmarkData, largeBenchmark } from './lib/benchmark-data'
import { buildIfStale } from './lib/build'
import { openScratchServer } from './lib/scratch-postgres'
import { startScript } from './lib/start-script'

startScript()
const { values: options } = parseArgs({
	options: {
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '32' },
		workers: { type: 'string', default: String(os.availableParallelism()) },
		'memory-seconds': { type: 'string', default: '60' },
	},
})
const duration = Math.min(Math.max(Number(options.duration) || 10, 1), 120)
const connections = Math.min(Math.max(Number(options.connections) || 32, 1), 256)
const workers = Math.min(Math.max(Number(options.workers) || 1, 1), 64)
const memorySeconds = Math.min(Math.max(Number(options['memory-seconds']) || 60, 5), 300)
// Public writes a second during the mixed run, as editors approving evidence would make them.
const writesPerSecond = 4
// The app's page cache budget (RenderedPageCache's default), for the memory figure.
const cacheBudgetBytes = 64 * 2 ** 20
const warmupSeconds = 3
const log = (line: string) => console.log(`[bench] ${line}`)

type Target = { page: string; path: string }
type Measurement = { requestsPerSecond: number; p50: number; p99: number; failures: number }
type Dataset = { name: string; url: string; targets: Target[]; summary: string }

/** The pages to measure, on the platform the home page shows and one of its quantitative pledges. */
async function targetsOf(url: string, principle: string, pledge: string): Promise<Target[]> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const { rows } = await client.query<{ slug: string }>(
			`SELECT slug FROM "Platform" WHERE "publishedAt" IS NOT NULL
			 ORDER BY "featuredAt" DESC NULLS LAST, "electionDate" DESC, "createdAt" DESC LIMIT 1`,
		)
		const platform = rows[0]?.slug
		if (!platform) throw new Error('the database holds no platform')
		return [
			{ page: 'home', path: '/en' },
			{
				page: 'filtered list',
				path: `/en/platforms/${platform}/pledges?principle=${principle}&kind=quantitative&sort=deadline`,
			},
			{ page: 'search', path: `/ru/platforms/${platform}/pledges?q=${encodeURIComponent('вода')}` },
			{ page: 'pledge page', path: `/en/platforms/${platform}/pledges/${pledge}` },
		]
	} finally {
		await client.end()
	}
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

async function createDatabase(serverUrl: string, name: string): Promise<string> {
	const client = new pg.Client({ connectionString: `${serverUrl}/postgres` })
	await client.connect()
	try {
		await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
		await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8'`)
	} finally {
		await client.end()
	}
	return `${serverUrl}/${name}`
}

async function dropDatabase(serverUrl: string, name: string) {
	const client = new pg.Client({ connectionString: `${serverUrl}/postgres` })
	await client.connect()
	try {
		await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
	} finally {
		await client.end()
	}
}

async function prepare(url: string, large: boolean) {
	await migrate(url)
	const prisma = createPrismaClient(url)
	try {
		await seed(prisma)
	} finally {
		await prisma.$disconnect()
	}
	if (!large) return
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		await generateBenchmarkData(client, largeBenchmark)
	} finally {
		await client.end()
	}
}

type App = { baseUrl: string; pid: number; stop: () => Promise<void> }

async function startApp(databaseUrl: string, pageCache: boolean): Promise<App> {
	const port = await findFreePort()
	const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			DATABASE_URL: databaseUrl,
			PORT: String(port),
			SESSION_SECRET: randomBytes(48).toString('base64'),
			// Required in production with DATABASE_URL; the address autocannon asks.
			UADE_PUBLIC_URL: `http://127.0.0.1:${port}`,
			UADE_PAGE_CACHE: pageCache ? 'on' : 'off',
			UADE_WORKERS: String(workers),
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
		if (ready) return { baseUrl, pid: child.pid ?? 0, stop }
		await new Promise((resolve) => setTimeout(resolve, 250))
	}
	await stop()
	throw new Error(`The server did not answer within 120 s:\n${output}`)
}

async function load(url: string, seconds: number, requests?: autocannon.Request[]): Promise<Measurement> {
	// As a browser asks: compressed.
	const result = await autocannon({
		url,
		connections,
		duration: seconds,
		timeout: 10,
		headers: { 'accept-encoding': 'gzip' },
		...(requests ? { requests } : {}),
	})
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		failures: result.non2xx + result.errors + result.timeouts,
	}
}

async function measure(dataset: Dataset, pageCache: boolean): Promise<Map<string, Measurement>> {
	const app = await startApp(dataset.url, pageCache)
	const results = new Map<string, Measurement>()
	try {
		for (const target of dataset.targets) {
			const url = `${app.baseUrl}${target.path}`
			const check = await fetch(url)
			if (!check.ok) throw new Error(`${target.path} answered ${check.status} on the ${dataset.name} data`)
			await load(url, warmupSeconds)
			const measurement = await load(url, duration)
			log(
				`${dataset.name}${pageCache ? '' : ' (rendered)'} ${target.page}: ${measurement.requestsPerSecond.toFixed(0)} req/s, ` +
					`p50 ${measurement.p50} ms, p99 ${measurement.p99} ms`,
			)
			results.set(target.page, measurement)
		}
	} finally {
		await app.stop()
	}
	return results
}

/** The pledge page's bytes as Uade sends them to a browser (gzip), with the headers that describe them. */
function rawAnswer(url: string): Promise<{ body: Buffer; headers: Record<string, string> }> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
				const chunks: Buffer[] = []
				response.on('data', (chunk: Buffer) => chunks.push(chunk))
				response.on('end', () => {
					const headers: Record<string, string> = {}
					for (const name of ['content-type', 'content-encoding', 'cache-control', 'etag', 'vary']) {
						const value = response.headers[name]
						if (typeof value === 'string') headers[name] = value
					}
					resolve({ body: Buffer.concat(chunks), headers })
				})
			})
			.on('error', reject)
	})
}

/**
 * The anchor: a plain Node `http` server in a process of its own, answering every request with the same
 * bytes and headers from memory, as fast as Node serves anything.
 */
async function startAnchor(answer: { body: Buffer; headers: Record<string, string> }): Promise<App> {
	const folder = await mkdtemp(path.join(os.tmpdir(), 'uade-anchor-'))
	const file = path.join(folder, 'page')
	await writeFile(file, answer.body)
	const port = await findFreePort()
	const code = `
		const body = require('node:fs').readFileSync(${JSON.stringify(file)})
		const headers = { ...${JSON.stringify(answer.headers)}, 'content-length': body.length }
		require('node:http').createServer((req, res) => { res.writeHead(200, headers); res.end(body) })
			.listen(${port}, '127.0.0.1', () => console.log('ready'))`
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
			await rm(folder, { recursive: true, force: true })
		},
	}
}

type Mixed = { readOnly: Measurement; mixed: Measurement; writes: number; writeErrors: number; found: number }

/**
 * Reads of the pledge page with the page cache on, alone and then with `writesPerSecond` public writes a
 * second (an approved evidence item on that very pledge, which moves the public data version and so makes
 * every process render the page again). Every write is counted and looked for afterwards.
 */
async function mixedLoad(dataset: Dataset): Promise<Mixed> {
	const target = dataset.targets.find((candidate) => candidate.page === 'pledge page')
	if (!target) throw new Error('no pledge page to load')
	const slug = target.path.split('/').at(-1) ?? ''
	const client = new pg.Client({ connectionString: dataset.url })
	await client.connect()
	const app = await startApp(dataset.url, true)
	try {
		const { rows } = await client.query<{ id: string }>('SELECT id FROM "Pledge" WHERE slug = $1 LIMIT 1', [
			slug,
		])
		const pledgeId = rows[0]?.id
		if (!pledgeId) throw new Error(`no pledge ${slug}`)
		const author = await client.query<{ id: string }>(
			`INSERT INTO "User" (id, email, "displayName", role, "updatedAt")
			 VALUES ('bench-writer-' || md5(random()::text), 'writer-' || md5(random()::text) || '@bench.invalid',
			         'Benchmark writer', 'ADMIN', now()) RETURNING id`,
		)
		const authorId = author.rows[0]?.id
		const url = `${app.baseUrl}${target.path}`
		await load(url, warmupSeconds)
		const readOnly = await load(url, duration)

		const marker = `Benchmark write ${randomBytes(4).toString('hex')}`
		let writes = 0
		let writeErrors = 0
		let writing = true
		const writer = (async () => {
			const startedAt = performance.now()
			while (writing) {
				const n = writes + writeErrors
				try {
					await client.query(
						`INSERT INTO "Evidence" (id, "pledgeId", type, "sourceUrl", title, publisher, "publishedOn",
						   excerpt, "submittedById", "reviewState", "reviewedById", "reviewedAt", "updatedAt")
						 VALUES ($1, $2, 'OFFICIAL_STATEMENT', 'https://bench.invalid/source', $3, 'Benchmark',
						   '2025-01-01', 'Written by the benchmark.', $4, 'APPROVED', $4, now(), now())`,
						[`bench-${randomBytes(8).toString('hex')}`, pledgeId, `${marker} ${n}`, authorId],
					)
					writes++
				} catch {
					writeErrors++
				}
				// On a fixed schedule, whatever each write took.
				const next = startedAt + ((n + 1) * 1000) / writesPerSecond
				await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())))
			}
		})()
		const mixed = await load(url, duration)
		writing = false
		await writer
		const found = await client.query<{ count: string }>(
			`SELECT count(*) FROM "Evidence" WHERE title LIKE $1`,
			[`${marker} %`],
		)
		return { readOnly, mixed, writes, writeErrors, found: Number(found.rows[0]?.count) }
	} finally {
		await app.stop()
		await client.end()
	}
}

/** Resident memory of a process, and its peak, in bytes (Linux). */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
	const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
	const kilobytes = (field: string) =>
		Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) * 1024
	return { rss: kilobytes('VmRSS'), peak: kilobytes('VmHWM') }
}

/** The server processes under `npm start`'s primary (its workers). */
async function workerPids(primary: number): Promise<number[]> {
	const children = await readFile(`/proc/${primary}/task/${primary}/children`, 'utf8').catch(() => '')
	return children.split(/\s+/).filter(Boolean).map(Number)
}

type MemoryRun = { pages: number; before: number; after: number; peak: number; failures: number }

/**
 * A search for a new word on every request, for `memorySeconds`, on the large data: each answer is a
 * different page kept in memory, so the page cache fills to its budget and must hold it.
 */
async function memoryRun(dataset: Dataset): Promise<MemoryRun> {
	const list = dataset.targets.find((candidate) => candidate.page === 'search')
	if (!list) throw new Error('no search page')
	const base = list.path.split('?')[0] ?? ''
	const app = await startApp(dataset.url, true)
	try {
		const pids = await workerPids(app.pid)
		if (pids.length === 0) throw new Error('no server process found under npm start')
		const before = Math.max(...(await Promise.all(pids.map(memoryOf))).map((memory) => memory.rss))
		let counter = 0
		const result = await autocannon({
			url: app.baseUrl,
			connections,
			duration: memorySeconds,
			timeout: 10,
			headers: { 'accept-encoding': 'gzip' },
			requests: [
				{
					setupRequest: (request) => ({
						...request,
						path: `${base}?q=${encodeURIComponent(`вода ${(counter++).toString(36)}`)}`,
					}),
				},
			],
		})
		const after = await Promise.all(pids.map(memoryOf))
		return {
			pages: counter,
			before,
			after: Math.max(...after.map((memory) => memory.rss)),
			peak: Math.max(...after.map((memory) => memory.peak)),
			failures: result.non2xx + result.errors + result.timeouts,
		}
	} finally {
		await app.stop()
	}
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`
const ratio = (value: number, anchor: number) => `${((100 * value) / anchor).toFixed(1)} %`

async function measureAnchor(dataset: Dataset): Promise<Measurement> {
	const target = dataset.targets.find((candidate) => candidate.page === 'pledge page')
	if (!target) throw new Error('no pledge page')
	const app = await startApp(dataset.url, true)
	let answer: { body: Buffer; headers: Record<string, string> }
	try {
		answer = await rawAnswer(`${app.baseUrl}${target.path}`)
	} finally {
		await app.stop()
	}
	const anchor = await startAnchor(answer)
	try {
		const url = `${anchor.baseUrl}${target.path}`
		await load(url, warmupSeconds)
		const measurement = await load(url, duration)
		log(`${dataset.name} anchor (node http, same bytes): ${measurement.requestsPerSecond.toFixed(0)} req/s`)
		return measurement
	} finally {
		await anchor.stop()
	}
}

function table(datasets: Dataset[], results: Array<Map<string, Measurement>>): string {
	const header = ['page', ...datasets.flatMap((dataset) => [`${dataset.name} req/s`, 'p50 ms', 'p99 ms'])]
	const rows = (datasets[0]?.targets ?? []).map((target) => [
		target.page,
		...results.flatMap((result) => {
			const measurement = result.get(target.page)
			if (!measurement) return ['-', '-', '-']
			const flag = measurement.failures > 0 ? ` (${measurement.failures} failed)` : ''
			return [
				`${measurement.requestsPerSecond.toFixed(0)}${flag}`,
				String(measurement.p50),
				String(measurement.p99),
			]
		}),
	])
	const widths = header.map((cell, index) =>
		Math.max(cell.length, ...rows.map((row) => row[index]?.length ?? 0)),
	)
	const line = (cells: string[]) =>
		`| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ')} |`
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

const startedAt = Date.now()
await buildIfStale(log)
const server = await openScratchServer()
const names = { seed: 'uade_bench_seed', large: 'uade_bench_large' }
try {
	log('Preparing the seed database and the large one (generated benchmark data)…')
	const [seedUrl, largeUrl] = await Promise.all([
		createDatabase(server.serverUrl, names.seed),
		createDatabase(server.serverUrl, names.large),
	])
	await prepare(seedUrl, false)
	const generatingStartedAt = Date.now()
	await prepare(largeUrl, true)
	log(`Large data generated in ${((Date.now() - generatingStartedAt) / 1000).toFixed(1)} s`)

	const datasets: Dataset[] = [
		{
			name: 'seed',
			url: seedUrl,
			targets: await targetsOf(seedUrl, 'fair-economy', 'it-jobs'),
			summary: await describeData(seedUrl),
		},
		{
			name: 'large',
			url: largeUrl,
			targets: await targetsOf(largeUrl, 'principle-2', 'bench-pledge-3'),
			summary: await describeData(largeUrl),
		},
	]
	const rendered: Array<Map<string, Measurement>> = []
	const cached: Array<Map<string, Measurement>> = []
	const anchors: Measurement[] = []
	const mixed: Mixed[] = []
	for (const dataset of datasets) {
		rendered.push(await measure(dataset, false))
		cached.push(await measure(dataset, true))
		anchors.push(await measureAnchor(dataset))
		mixed.push(await mixedLoad(dataset))
		log(`${dataset.name} mixed: ${JSON.stringify(mixed.at(-1))}`)
	}
	const large = datasets[1]
	const memory = large ? await memoryRun(large) : undefined

	const postgresVersion = await (async () => {
		const client = new pg.Client({ connectionString: seedUrl })
		await client.connect()
		try {
			return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version
		} finally {
			await client.end()
		}
	})()
	const cpus = os.cpus()
	console.log(
		[
			'',
			`Public pages, ${connections} connections, ${duration} s per page after a ${warmupSeconds} s warm-up, ` +
				`production build, autocannon on the same machine`,
			`Machine: ${cpus[0]?.model.trim()} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
				`Node ${process.version}, PostgreSQL ${postgresVersion}, ${new Date().toISOString().slice(0, 10)}`,
			...datasets.map((dataset) => `${dataset.name}: ${dataset.summary}`),
			...datasets.map(
				(dataset) => `${dataset.name} pages: ${dataset.targets.map((target) => target.path).join('  ')}`,
			),
			'',
			'Every request rendered (UADE_PAGE_CACHE=off: loaders and React on every request):',
			table(datasets, rendered),
			'',
			'As served by default (the in-memory page cache answers while the ETag holds):',
			table(datasets, cached),
			'',
			'The pledge page against a plain Node http server answering its same bytes (gzip) from memory, one process:',
			...datasets.map((dataset, index) => {
				const anchor = anchors[index]
				const uade = cached[index]?.get('pledge page')
				if (!anchor || !uade) return `${dataset.name}: -`
				return (
					`${dataset.name}: node http ${anchor.requestsPerSecond.toFixed(0)} req/s (p99 ${anchor.p99} ms), ` +
					`Uade cached ${uade.requestsPerSecond.toFixed(0)} req/s (p99 ${uade.p99} ms): ` +
					`${ratio(uade.requestsPerSecond, anchor.requestsPerSecond)} of the static server`
				)
			}),
			'',
			`Render cost, the pledge page rendered on every request: large at ` +
				(() => {
					const seedPage = rendered[0]?.get('pledge page')?.requestsPerSecond ?? 0
					const largePage = rendered[1]?.get('pledge page')?.requestsPerSecond ?? 0
					return largePage ? `${(seedPage / largePage).toFixed(2)}× the seed's cost per request` : '-'
				})(),
			'',
			`Reads with ${writesPerSecond} public writes a second (approved evidence on the page's own pledge), page cache on:`,
			...datasets.map((dataset, index) => {
				const run = mixed[index]
				if (!run) return `${dataset.name}: -`
				return (
					`${dataset.name}: read-only ${run.readOnly.requestsPerSecond.toFixed(0)} req/s (p99 ${run.readOnly.p99} ms), ` +
					`with writes ${run.mixed.requestsPerSecond.toFixed(0)} req/s (p99 ${run.mixed.p99} ms): ` +
					`${ratio(run.mixed.requestsPerSecond, run.readOnly.requestsPerSecond)} of read-only; ` +
					`${run.mixed.failures} failed reads; ${run.writes} writes made, ${run.writeErrors} failed, ` +
					`${run.found} found afterwards`
				)
			}),
			'',
			memory
				? `Memory, ${memorySeconds} s of distinct search addresses on the large data (${memory.pages.toLocaleString('en')} ` +
					`requests, ${memory.failures} failed): the largest server process ${megabytes(memory.before)} before, ` +
					`${megabytes(memory.after)} after, peak ${megabytes(memory.peak)}; page cache budget ` +
					`${megabytes(cacheBudgetBytes)}, so the target is at most ${megabytes(memory.before + cacheBudgetBytes + 150 * 2 ** 20)}`
				: '',
			'',
			`Total time ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
		].join('\n'),
	)
} finally {
	await Promise.all(Object.values(names).map((name) => dropDatabase(server.serverUrl, name).catch(() => {})))
	await server.stop()
}
