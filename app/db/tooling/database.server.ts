import path from 'node:path'
import { startEmbeddedPostgres } from './embedded-postgres.server'

export type Database = {
	url: string
	/** True when this process started the server (and so must stop it). */
	embedded: boolean
	stop: () => Promise<void>
}

export const defaultEmbeddedPort = 54329

/**
 * The database the app uses: the server named by DATABASE_URL when it is set, otherwise an embedded
 * PostgreSQL whose data lives in UADE_DATA_DIR (default `.data/postgres`) and survives restarts.
 */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
	if (env.DATABASE_URL) {
		return { url: env.DATABASE_URL, embedded: false, stop: async () => {} }
	}
	const running = await startEmbeddedPostgres({
		dataDir: env.UADE_DATA_DIR ?? path.join(process.cwd(), '.data', 'postgres'),
		port: parsePort(env.UADE_DB_PORT) ?? defaultEmbeddedPort,
		database: 'uade',
		persistent: true,
		log: env.UADE_DB_LOG ? (message) => process.stderr.write(`[postgres] ${message}`) : undefined,
	})
	return { url: running.url, embedded: true, stop: running.stop }
}

function parsePort(value: string | undefined): number | undefined {
	if (!value) return undefined
	const port = Number(value)
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new Error(`UADE_DB_PORT must be a port number, not "${value}"`)
	}
	return port
}
