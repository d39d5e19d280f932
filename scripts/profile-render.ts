/**
 * `npm run profile:render`: where a render of the pledge page spends its CPU. It builds nothing: it loads
 * the production build that `npm run build` left in UADE_BUILD_DIR (and says so if there is none, or if
 * the sources changed since), fills a throw-away database with the seed (`--large`: and the benchmark's
 * generated data, scripts/lib/benchmark-data.ts), then renders the pledge page through Remix's own request
 * handler in this process, every time with its loaders and React (no page cache), first `--warmup` times,
 * then `--renders` times under V8's CPU profiler (node:inspector, the profiler `node --cpu-prof` starts).
 *
 * It prints renders per second, CPU milliseconds per render, and the functions and the files (a package's
 * files as the package) with the most self time; `--out <file>` writes the .cpuprofile for Chrome DevTools.
 * `--html <file>` writes one render's HTML (to compare two builds' pages).
 * Options: --renders <n> (default 400), --warmup <n> (default 100), --concurrency <n> (renders in flight,
 * default 4), --path <address> (default the seed's quantitative pledge, or the large dataset's pledge the
 * benchmark loads), --top <n> (default 25).
 */
import { existsSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { Session, type Profiler } from 'node:inspector/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { randomBytes } from 'node:crypto'

const { values: options } = parseArgs({
	options: {
		renders: { type: 'string', default: '400' },
		warmup: { type: 'string', default: '100' },
		concurrency: { type: 'string', default: '4' },
		path: { type: 'string' },
		top: { type: 'string', default: '25' },
		out: { type: 'string' },
		html: { type: 'string' },
		large: { type: 'boolean', default: false },
	},
})
const count = (value: string | undefined, fallback: number, max: number) =>
	Math.min(Math.max(Math.floor(Number(value)) || fallback, 1), max)
const renders = count(options.renders, 400, 100_000)
const warmup = count(options.warmup, 100, 100_000)
const concurrency = count(options.concurrency, 4, 64)
const top = count(options.top, 25, 500)

// React and the build read NODE_ENV when first loaded: production, as `npm start` runs them. Every app
// module is imported below, after this.
process.env.NODE_ENV = 'production'
process.env.SESSION_SECRET ??= randomBytes(48).toString('base64')
process.env.UADE_PUBLIC_URL ??= 'http://127.0.0.1'
delete process.env.DATABASE_URL

const { startScript } = await import('./lib/start-script')
const environment = startScript()
const serverBuildFile = path.join(environment.UADE_BUILD_DIR, 'server', 'index.js')
if (!existsSync(serverBuildFile)) {
	console.error(`[uade] No production build in ${environment.UADE_BUILD_DIR}: run \`npm run build\` first.`)
	process.exit(1)
}
const { fingerprintFile, sourceFingerprint } = await import('./lib/build-fingerprint')
const recorded = existsSync(fingerprintFile()) ? readFileSync(fingerprintFile(), 'utf8') : null
if (recorded !== (await sourceFingerprint())) {
	console.warn(
		'[uade] The sources changed since the last build: this profiles the old build (`npm run build`).',
	)
}

const pg = (await import('pg')).default
const { openScratchServer } = await import('./lib/scratch-postgres')
const { migrate } = await import('~/db/tooling/migrate.server')
const { createPrismaClient } = await import('~/db/prisma.server')
const { seed } = await import('~/db/tooling/seed.server')
const { generateBenchmarkData, largeBenchmark } = await import('./lib/benchmark-data')

const log = (line: string) => console.log(line)
const server = await openScratchServer()
const databaseName = `uade_profile_${process.pid}`
const admin = async (sql: string) => {
	const client = new pg.Client({ connectionString: `${server.serverUrl}/postgres` })
	await client.connect()
	try {
		await client.query(sql)
	} finally {
		await client.end()
	}
}

try {
	await admin(`CREATE DATABASE ${pg.escapeIdentifier(databaseName)} TEMPLATE template0 ENCODING 'UTF8'`)
	const databaseUrl = `${server.serverUrl}/${databaseName}`
	try {
		log(`Preparing the database (seed${options.large ? ' and the large benchmark data' : ''})…`)
		await migrate(databaseUrl)
		const seeding = createPrismaClient(databaseUrl)
		try {
			await seed(seeding)
		} finally {
			await seeding.$disconnect()
		}
		if (options.large) {
			const client = new pg.Client({ connectionString: databaseUrl })
			await client.connect()
			try {
				await generateBenchmarkData(client, largeBenchmark)
			} finally {
				await client.end()
			}
		}
		process.env.DATABASE_URL = databaseUrl
		await profile(
			options.path ??
				(options.large
					? '/en/platforms/bench-platform-20/pledges/bench-pledge-3'
					: '/en/platforms/fair-kazakhstan-2022/pledges/it-jobs'),
		)
	} finally {
		await globalThis.uadePrisma?.$disconnect()
		await admin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(databaseName)} WITH (FORCE)`)
	}
} finally {
	await server.stop()
}

async function profile(address: string) {
	const { createRequestHandler } = await import('@remix-run/node')
	const build: unknown = await import(pathToFileURL(serverBuildFile).href)
	const handle = createRequestHandler(build as Parameters<typeof createRequestHandler>[0], 'production')
	const url = new URL(address, environment.UADE_PUBLIC_URL ?? 'http://127.0.0.1').href
	let html = ''
	async function renderOnce() {
		const request = new Request(url, {
			headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', accept: 'text/html' },
		})
		const response = await handle(request, {
			cspNonce: randomBytes(16).toString('base64'),
			clientIp: '127.0.0.1',
		})
		const body = await response.text()
		if (response.status !== 200) throw new Error(`${address} answered ${response.status}`)
		html = body
	}
	async function run(total: number) {
		let started = 0
		await Promise.all(
			Array.from({ length: Math.min(concurrency, total) }, async () => {
				while (started < total) {
					started += 1
					await renderOnce()
				}
			}),
		)
	}

	log(`Warming up: ${warmup} renders of ${address}…`)
	await run(warmup)
	const session = new Session()
	session.connect()
	await session.post('Profiler.enable')
	await session.post('Profiler.setSamplingInterval', { interval: 100 })
	await session.post('Profiler.start')
	const cpuBefore = process.cpuUsage()
	const started = performance.now()
	await run(renders)
	const seconds = (performance.now() - started) / 1000
	const cpu = process.cpuUsage(cpuBefore)
	const { profile: cpuProfile } = await session.post('Profiler.stop')
	session.disconnect()

	log('')
	log(
		`${renders} renders of ${address} (${concurrency} in flight, ${Math.round(html.length / 1024)} KiB of HTML each)`,
	)
	log(`Node ${process.version}, production build, PostgreSQL in its own process on the same machine`)
	log(
		`${(renders / seconds).toFixed(1)} renders/s, ${((cpu.user + cpu.system) / 1000 / renders).toFixed(2)} ms of this process's CPU per render`,
	)
	const { byFunction, byFile, total } = selfTimes(cpuProfile)
	const share = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`
	log('')
	log(`Self time by function (top ${top}):`)
	for (const [name, micros] of byFunction.slice(0, top)) log(`${share(micros)}  ${name}`)
	log('')
	log(`Self time by file or package (top ${top}):`)
	for (const [name, micros] of byFile.slice(0, top)) log(`${share(micros)}  ${name}`)
	if (options.html) {
		await writeFile(options.html, html)
		log(`One render's HTML: ${options.html}`)
	}
	if (options.out) {
		await writeFile(options.out, JSON.stringify(cpuProfile))
		log(`\nThe profile: ${options.out} (open it in Chrome DevTools, Performance).`)
	}
}

/** Each sample's time (to the next sample) counted for the function it was taken in, and for its file. */
function selfTimes(cpuProfile: Profiler.Profile) {
	const nodes = new Map(cpuProfile.nodes.map((node) => [node.id, node]))
	const byFunction = new Map<string, number>()
	const byFile = new Map<string, number>()
	let total = 0
	const samples = cpuProfile.samples ?? []
	const deltas = cpuProfile.timeDeltas ?? []
	for (const [index, id] of samples.entries()) {
		const micros = deltas[index + 1] ?? 0
		const node = nodes.get(id)
		if (!node) continue
		const { functionName, url, lineNumber } = node.callFrame
		const file = fileOf(url)
		const name = url
			? `${functionName || '(anonymous)'}  ${file}:${lineNumber + 1}`
			: functionName || '(anonymous)'
		byFunction.set(name, (byFunction.get(name) ?? 0) + micros)
		byFile.set(file || functionName, (byFile.get(file || functionName) ?? 0) + micros)
		total += micros
	}
	const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1])
	return { byFunction: sorted(byFunction), byFile: sorted(byFile), total: total || 1 }
}

/** A script's address as a path in the repository, or a package's files as `package <name>`. */
function fileOf(url: string): string {
	if (!url) return ''
	const file = url.startsWith('file://') ? new URL(url).pathname : url
	const inPackages = file.lastIndexOf('/node_modules/')
	if (inPackages >= 0) {
		const parts = file.slice(inPackages + '/node_modules/'.length).split('/')
		return `package ${parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`
	}
	return path.relative(process.cwd(), file) || file
}
