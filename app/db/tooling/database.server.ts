import { realpathSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { env, type Environment } from '~/env.server'
import { embeddedServerUrl, startEmbeddedPostgres, type Supervision } from './embedded-postgres.server'

export type Database = {
	url: string
	/** True when this process started the server (and so must stop it). */
	embedded: boolean
	stop: () => Promise<void>
}

/**
 * The database the app uses: the server named by DATABASE_URL when it is set, otherwise an embedded
 * PostgreSQL whose data lives in UADE_DATA_DIR (default `.data/postgres`) and survives restarts. With
 * `supervise`, an embedded server that dies is started again (a server named by DATABASE_URL is its
 * operator's to keep up).
 */
export async function openDatabase(
	config: Environment = env(),
	{ supervise }: { supervise?: Supervision } = {},
): Promise<Database> {
	if (config.DATABASE_URL) {
		return { url: config.DATABASE_URL, embedded: false, stop: async () => {} }
	}
	const running = await startEmbeddedPostgres({
		dataDir: config.UADE_DATA_DIR,
		port: config.UADE_DB_PORT,
		database: 'uade',
		persistent: true,
		supervise,
		log: config.UADE_DB_LOG ? (message) => process.stderr.write(`[postgres] ${message}`) : undefined,
	})
	return { url: running.url, embedded: true, stop: running.stop }
}

/**
 * For scripts that may run beside `npm start` (user:create, db:backup, db:restore): DATABASE_URL's database;
 * or the embedded server `npm start` is running, when it is on UADE_DB_PORT with its data in UADE_DATA_DIR;
 * or a fresh start of the embedded one.
 */
export async function openDatabaseBesideRunningServer(config: Environment = env()): Promise<Database> {
	if (!config.DATABASE_URL) {
		const running = `${embeddedServerUrl(config.UADE_DB_PORT)}/uade`
		if (await keepsDataIn(running, config.UADE_DATA_DIR)) {
			return { url: running, embedded: false, stop: async () => {} }
		}
	}
	return openDatabase(config)
}

/** Whether the server at `url` answers and is the one whose data is in `dataDir` (not another checkout's). */
async function keepsDataIn(url: string, dataDir: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 })
	try {
		await client.connect()
		const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory')
		return rows[0] !== undefined && realPath(rows[0].data_directory) === realPath(dataDir)
	} catch {
		return false
	} finally {
		await client.end().catch(() => {})
	}
}

function realPath(folder: string): string {
	try {
		return realpathSync(folder)
	} catch {
		return path.resolve(folder)
	}
}
