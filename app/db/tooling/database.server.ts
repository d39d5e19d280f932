import { env, type Environment } from '~/env.server'
import { startEmbeddedPostgres, type Supervision } from './embedded-postgres.server'

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
