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
 * Options: --duration <seconds> (default 10), --connections <n> (default 32).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import os from 'node:os'
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
	options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } },
})
const duration = Math.min(Math.max(Number(options.duration) || 10, 1), 120)
const connections = Math.min(Math.max(Number(options.connections) || 32, 1), 256)
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

async function startApp(
	databaseUrl: string,
	pageCache: boolean,
): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
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
		if (ready) return { baseUrl, stop }
		await new Promise((resolve) => setTimeout(resolve, 250))
	}
	await stop()
	throw new Error(`The server did not answer within 120 s:\n${output}`)
}

async function load(url: string, seconds: number): Promise<Measurement> {
	// As a browser asks: compressed.
	const result = await autocannon({
		url,
		connections,
		duration: seconds,
		timeout: 10,
		headers: { 'accept-encoding': 'gzip' },
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
	for (const dataset of datasets) {
		rendered.push(await measure(dataset, false))
		cached.push(await measure(dataset, true))
	}

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
			`Total time ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
		].join('\n'),
	)
} finally {
	await Promise.all(Object.values(names).map((name) => dropDatabase(server.serverUrl, name).catch(() => {})))
	await server.stop()
}
