/**
 * `npm run test:faults`: the production server through a database outage and a shutdown, under load, with
 * the figures printed as a table. It exits with code 1 when a figure that must hold does not.
 *
 * It builds if the build is stale, starts `scripts/start.ts` on the embedded PostgreSQL (its own data
 * folder in a temporary folder, its own ports, short database timeouts: connect 1 s, statement 2 s), warms
 * the page cache, then runs 16 concurrent requests against 127.0.0.1 (each on a connection of its own, so
 * a refused connection is told apart from a request lost midway) through:
 *   (a) PostgreSQL killed (SIGKILL of the postmaster): cached pages must stay 200, everything else a 503
 *       with Retry-After, no 500, and the supervisor must have it back with no restart of the app;
 *   (b) PostgreSQL frozen (SIGSTOP of its processes) for longer than the timeouts: every request answered
 *       (503 or a cached 200) within the bound rather than hanging; then SIGCONT and recovery;
 *   (c) SIGTERM under load: no request in flight lost, the process exits, no PostgreSQL process is left.
 * Nothing outlives the run.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, readlink, realpath, rm } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { findFreePort } from '~/db/tooling/embedded-postgres.server'
import { buildIfStale } from './lib/build'
import { startScript } from './lib/start-script'

startScript()
const log = (line: string) => console.log(`[faults] ${line}`)
const concurrency = 16
const connectTimeoutMs = 1_000
const statementTimeoutMs = 2_000
// The longest a request may wait on a database that does not answer: a new connection's timeout, or a
// pooled connection's statement timeout and the client's 2 s grace (app/db/prisma.server.ts), plus slack
// for a loaded machine.
const answerBoundMs = connectTimeoutMs + statementTimeoutMs + 2_000 + 1_500

await buildIfStale(log)

const dataRoot = await realpath(await mkdtemp(path.join(os.tmpdir(), 'uade-faults-')))
const dataDir = path.join(dataRoot, 'postgres')
const port = await findFreePort()
let databasePort = await findFreePort()
while (databasePort === port) databasePort = await findFreePort()
const origin = `http://127.0.0.1:${port}`

const environment: NodeJS.ProcessEnv = {
	...process.env,
	NODE_ENV: 'production',
	PORT: String(port),
	UADE_DATA_DIR: dataDir,
	UADE_DB_PORT: String(databasePort),
	UADE_DB_CONNECT_TIMEOUT_MS: String(connectTimeoutMs),
	UADE_DB_STATEMENT_TIMEOUT_MS: String(statementTimeoutMs),
	SESSION_SECRET: randomBytes(48).toString('base64'),
}
delete environment.DATABASE_URL

const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
	env: environment,
	stdio: ['ignore', 'pipe', 'pipe'],
})
let output = ''
app.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
app.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
const appExited = new Promise<number | null>((resolve) => app.once('exit', (code) => resolve(code)))

type Answer = {
	path: string
	kind: 'cached' | 'other'
	startedAt: number
	endedAt: number
	status: number
	retryAfter: string | undefined
	/** Why no whole answer came: a refused connection (never taken) or one lost midway. */
	failure?: 'refused' | 'lost'
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One request on a connection of its own; the body read to its end. */
function request(
	pathName: string,
	kind: Answer['kind'],
	{ method = 'GET', body }: { method?: string; body?: string } = {},
): Promise<Answer> {
	const startedAt = performance.now()
	return new Promise((resolve) => {
		const done = (answer: Omit<Answer, 'path' | 'kind' | 'startedAt' | 'endedAt'>) =>
			resolve({ path: pathName, kind, startedAt, endedAt: performance.now(), ...answer })
		const headers: Record<string, string> = { 'Accept-Encoding': 'gzip' }
		if (body !== undefined) {
			headers['Content-Type'] = 'application/x-www-form-urlencoded'
			headers['Content-Length'] = String(Buffer.byteLength(body))
			headers.Origin = origin
		}
		const outgoing = http.request(
			{ host: '127.0.0.1', port, path: pathName, method, headers, agent: false, timeout: 60_000 },
			(response) => {
				const status = response.statusCode ?? 0
				const retryAfter = response.headers['retry-after']
				response.on('data', () => {})
				response.on('end', () => done({ status, retryAfter }))
				response.on('error', () => done({ status: 0, retryAfter, failure: 'lost' }))
				response.on('aborted', () => done({ status: 0, retryAfter, failure: 'lost' }))
			},
		)
		outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')))
		outgoing.on('error', (error: NodeJS.ErrnoException) =>
			done({ status: 0, retryAfter: undefined, failure: error.code === 'ECONNREFUSED' ? 'refused' : 'lost' }),
		)
		outgoing.end(body)
	})
}

/** `concurrency` workers asking for `next()` until `until()` says stop; every answer kept. */
async function load(next: (n: number) => { path: string; kind: Answer['kind'] }, until: () => boolean) {
	const answers: Answer[] = []
	let counter = 0
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (!until()) {
				const target = next(counter++)
				const answer = await request(target.path, target.kind)
				answers.push(answer)
				// A server that stopped taking connections: this worker is done.
				if (answer.failure === 'refused') return
			}
		}),
	)
	return answers
}

async function postmasterPid(): Promise<number> {
	const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0])
	if (!Number.isInteger(pid) || pid <= 0) throw new Error('no postmaster.pid')
	return pid
}

/** Every process whose working folder is the data folder: PostgreSQL's postmaster and backends all are. */
async function postgresProcesses(): Promise<number[]> {
	const pids: number[] = []
	for (const entry of await readdir('/proc')) {
		if (!/^\d+$/.test(entry)) continue
		if ((await readlink(`/proc/${entry}/cwd`).catch(() => null)) === dataDir) pids.push(Number(entry))
	}
	return pids
}

type Row = { scenario: string; figure: string; value: string; must?: boolean; holds?: boolean }
const rows: Row[] = []
const figure = (scenario: string, name: string, value: string, holds?: boolean) =>
	rows.push({ scenario, figure: name, value, must: holds !== undefined, holds })

const share = (part: number, whole: number) =>
	whole === 0 ? 'none' : `${part}/${whole} (${((100 * part) / whole).toFixed(1)} %)`
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const is503 = (answer: Answer) => answer.status === 503 && answer.retryAfter !== undefined

let exitCode = 0
try {
	// Ready: the first start initialises, migrates and seeds its database.
	const deadline = performance.now() + 120_000
	for (;;) {
		if (app.exitCode !== null) throw new Error(`The server exited before it was ready:\n${output}`)
		const ready = await request('/readyz', 'other')
		if (ready.status === 200) break
		if (performance.now() > deadline) throw new Error(`The server was not ready within 120 s:\n${output}`)
		await sleep(200)
	}

	// The pages kept in the cache, and addresses never kept (a query string of their own each time).
	const cachedPages = ['kk', 'ru', 'en'].flatMap((lang) =>
		['', '/about', '/methodology', '/corrections'].map((page) => `/${lang}${page}`),
	)
	for (const page of cachedPages) {
		for (let i = 0; i < 2; i++) {
			const warm = await request(page, 'cached')
			if (warm.status !== 200) throw new Error(`Warming ${page}: ${warm.status}`)
		}
	}
	const mixed = (n: number) =>
		n % 2 === 0
			? { path: cachedPages[(n / 2) % cachedPages.length] ?? '/en', kind: 'cached' as const }
			: { path: `${cachedPages[n % cachedPages.length] ?? '/en'}?n=${n}`, kind: 'other' as const }
	const appPid = app.pid

	// (a) PostgreSQL killed under load.
	{
		const scenario = '(a) PostgreSQL killed (SIGKILL)'
		let stop = false
		let killedAt = 0
		const running = load(mixed, () => stop)
		await sleep(1_000)
		process.kill(await postmasterPid(), 'SIGKILL')
		killedAt = performance.now()
		// Staff pages and form posts while it is down.
		await sleep(300)
		const staff = await Promise.all([
			request('/admin', 'other'),
			request('/evidence/new', 'other'),
			request('/sign-in', 'other', { method: 'POST', body: 'email=a%40b.example&password=wrong-password' }),
		])
		// Until an address that needs the database renders again, then one more second.
		let recoveredAt = 0
		const waitUntil = performance.now() + 30_000
		while (!recoveredAt && performance.now() < waitUntil) {
			const probe = await request(`/en/about?probe=${Math.random()}`, 'other')
			if (probe.status === 200) recoveredAt = probe.endedAt
			else await sleep(50)
		}
		await sleep(1_000)
		stop = true
		const answers = await running
		const during = answers.filter((a) => a.startedAt >= killedAt && a.endedAt <= (recoveredAt || Infinity))
		const cached = during.filter((a) => a.kind === 'cached')
		const other = during.filter((a) => a.kind === 'other')
		figure(scenario, 'requests under load (all)', String(answers.length))
		figure(
			scenario,
			'cached public pages answered 200 while down',
			share(cached.filter((a) => a.status === 200).length, cached.length),
			cached.length > 0 && cached.every((a) => a.status === 200),
		)
		figure(
			scenario,
			'other requests answered 503 + Retry-After while down',
			share(other.filter(is503).length, other.length),
			other.length > 0 && other.every((a) => is503(a) || a.status === 200),
		)
		figure(
			scenario,
			'staff pages and form posts answered 503 + Retry-After',
			share(staff.filter(is503).length, staff.length),
			staff.every(is503),
		)
		const fiveHundreds = answers.filter((a) => a.status >= 500 && a.status !== 503).length
		figure(scenario, '500s', String(fiveHundreds), fiveHundreds === 0)
		const lost = answers.filter((a) => a.failure).length
		figure(scenario, 'requests without an answer', String(lost), lost === 0)
		const back = output.match(/The embedded PostgreSQL is back \((\d+) ms\)/)
		figure(scenario, 'supervisor: PostgreSQL restarted in', back ? `${back[1]} ms` : 'never', Boolean(back))
		figure(
			scenario,
			'kill → requests succeed again (no app restart)',
			recoveredAt ? seconds(recoveredAt - killedAt) : 'never',
			Boolean(recoveredAt) && app.pid === appPid && app.exitCode === null,
		)
		const outageLines = output.match(/The database cannot be reached/g)?.length ?? 0
		figure(scenario, 'outage log lines (start)', String(outageLines), outageLines === 1)
	}

	// (b) PostgreSQL frozen for longer than the timeouts.
	{
		const scenario = '(b) PostgreSQL frozen (SIGSTOP)'
		const frozenMs = answerBoundMs + 3_000
		const postmaster = await postmasterPid()
		let stop = false
		const running = load(mixed, () => stop)
		await sleep(1_000)
		// The whole server: the postmaster leads its own process group, backends included.
		process.kill(-postmaster, 'SIGSTOP')
		const frozenAt = performance.now()
		await sleep(frozenMs)
		process.kill(-postmaster, 'SIGCONT')
		const thawedAt = performance.now()
		let recoveredAt = 0
		const waitUntil = performance.now() + 30_000
		while (!recoveredAt && performance.now() < waitUntil) {
			const probe = await request(`/en/about?probe=${Math.random()}`, 'other')
			if (probe.status === 200 && probe.startedAt >= thawedAt) recoveredAt = probe.endedAt
			else await sleep(50)
		}
		await sleep(500)
		stop = true
		const answers = await running
		const during = answers.filter((a) => a.startedAt >= frozenAt && a.startedAt < thawedAt)
		const slowest = Math.max(
			0,
			...answers.filter((a) => a.startedAt >= frozenAt).map((a) => a.endedAt - a.startedAt),
		)
		figure(scenario, 'frozen for', seconds(frozenMs))
		figure(scenario, 'requests started while frozen', String(during.length))
		const answered = during.filter((a) => a.status === 200 || is503(a))
		figure(
			scenario,
			'answered (cached 200 or 503 + Retry-After)',
			share(answered.length, during.length),
			during.length > 0 && answered.length === during.length,
		)
		figure(
			scenario,
			`slowest answer (bound ${seconds(answerBoundMs)})`,
			seconds(slowest),
			slowest <= answerBoundMs,
		)
		const fiveHundreds = answers.filter((a) => a.status >= 500 && a.status !== 503).length
		figure(scenario, '500s', String(fiveHundreds), fiveHundreds === 0)
		figure(
			scenario,
			'SIGCONT → requests succeed again',
			recoveredAt ? seconds(recoveredAt - thawedAt) : 'never',
			Boolean(recoveredAt),
		)
	}

	// (c) SIGTERM under load. Like a proxy that stops sending to a server it is shutting down, the load
	// starts no request once the signal is sent: every request counted was sent before it.
	{
		const scenario = '(c) SIGTERM under load'
		let terminating = false
		const running = load(mixed, () => terminating)
		await sleep(1_000)
		const before = await postgresProcesses()
		terminating = true
		app.kill('SIGTERM')
		const termAt = performance.now()
		const code = await appExited
		const exitedAt = performance.now()
		const answers = await running
		const inFlight = answers.filter((a) => a.startedAt < termAt && a.endedAt > termAt)
		const lost = answers.filter((a) => a.failure)
		figure(scenario, 'requests in flight at SIGTERM', String(inFlight.length))
		figure(
			scenario,
			'in-flight requests answered whole',
			share(inFlight.filter((a) => !a.failure).length, inFlight.length),
		)
		figure(
			scenario,
			'requests lost (refused, reset or cut short)',
			lost.length === 0
				? '0'
				: `${lost.length} (sent ${lost.map((a) => `${Math.round(termAt - a.startedAt)}`).join(', ')} ms before SIGTERM)`,
			lost.length === 0,
		)
		figure(scenario, 'time to exit', seconds(exitedAt - termAt), code === 0)
		figure(scenario, 'exit code', String(code), code === 0)
		await sleep(200)
		const left = await postgresProcesses()
		figure(
			scenario,
			'PostgreSQL processes left (before → after)',
			`${before.length} → ${left.length}`,
			before.length > 0 && left.length === 0,
		)
	}
} catch (error) {
	console.error(error)
	exitCode = 1
} finally {
	if (app.exitCode === null && app.signalCode === null) {
		app.kill('SIGTERM')
		await appExited
	}
	for (const pid of await postgresProcesses()) process.kill(pid, 'SIGKILL')
	await rm(dataRoot, { recursive: true, force: true })
}

const widths = [0, 0, 0]
const cells = rows.map((row) => [
	row.scenario,
	row.figure,
	row.must ? `${row.value} ${row.holds ? '✓' : '✗ MUST HOLD'}` : row.value,
])
for (const line of cells) line.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
const format = (line: string[]) => `| ${line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`
console.log(format(['scenario', 'figure', 'value']))
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
for (const line of cells) console.log(format(line))
const failed = rows.filter((row) => row.must && !row.holds)
if (failed.length > 0) {
	console.log(`\n${failed.length} figure(s) that must hold did not. The server's output:\n${output}`)
	exitCode = 1
}
process.exit(exitCode)
