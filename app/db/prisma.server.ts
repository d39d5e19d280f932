import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/.server/prisma/client'
import { env } from '~/env.server'
import { withReadReplicas } from './read-replicas.server'

/** How long the app waits on PostgreSQL before it gives up on a connection or a statement. */
export type DatabaseTimeouts = {
	/** Opening a connection (a refused one fails at once; a server that does not answer, after this). */
	connectMs: number
	/** One statement, cancelled by PostgreSQL itself past this. */
	statementMs: number
}

export function databaseTimeouts(): DatabaseTimeouts {
	const { UADE_DB_CONNECT_TIMEOUT_MS, UADE_DB_STATEMENT_TIMEOUT_MS } = env()
	return { connectMs: UADE_DB_CONNECT_TIMEOUT_MS, statementMs: UADE_DB_STATEMENT_TIMEOUT_MS }
}

// A server that is frozen (stopped, swapping, cut off by the network) cancels nothing: the client gives
// up on its own this long after the statement timeout would have.
const clientGraceMs = 2_000

/**
 * A Prisma client on its own connection pool, whose every wait on PostgreSQL is bounded: a request ends in
 * an error within about `statementMs` (plus `connectMs` for a new connection) rather than hanging for as
 * long as the database does.
 */
export function createPrismaClient(
	url: string,
	timeouts: DatabaseTimeouts = databaseTimeouts(),
): PrismaClient {
	const adapter = new PrismaPg({
		connectionString: url,
		connectionTimeoutMillis: timeouts.connectMs,
		statement_timeout: timeouts.statementMs,
		query_timeout: timeouts.statementMs + clientGraceMs,
		// A transaction left open (a request that died midway) would hold its row locks for good.
		idle_in_transaction_session_timeout: timeouts.statementMs,
		// Notices a dead peer on an idle connection (a pulled cable, a killed VM) instead of waiting on it.
		keepAlive: true,
	})
	return new PrismaClient({ adapter })
}

declare global {
	var uadePrisma: PrismaClient | undefined
	/** The replicas' clients behind `uadePrisma`, when DATABASE_REPLICA_URLS names any. */
	var uadeReplicaPrismas: PrismaClient[] | undefined
}

/**
 * The process's one Prisma client, created on first use from DATABASE_URL (set by scripts/start.ts
 * when it starts the embedded database). Kept on globalThis so Vite's dev reloads reuse it.
 * With DATABASE_REPLICA_URLS, the same client sends the reads of public requests to the replicas
 * (app/db/read-replicas.server.ts); without, it is a plain client on the primary.
 */
export function getPrisma(): PrismaClient {
	if (!globalThis.uadePrisma) {
		const { DATABASE_URL: url, DATABASE_REPLICA_URLS: replicaUrls = [] } = env()
		if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start` or `npm run dev`')
		const primary = createPrismaClient(url)
		const replicas = replicaUrls.map((replicaUrl) => createPrismaClient(replicaUrl))
		globalThis.uadeReplicaPrismas = replicas
		globalThis.uadePrisma = replicas.length > 0 ? withReadReplicas(primary, replicas) : primary
	}
	return globalThis.uadePrisma
}

/** The replicas' own clients (empty without DATABASE_REPLICA_URLS): the page cache asks them their version. */
export function getReplicaPrismas(): PrismaClient[] {
	getPrisma()
	return globalThis.uadeReplicaPrismas ?? []
}
