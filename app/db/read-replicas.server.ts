/**
 * Reads that tolerate lag, served by PostgreSQL streaming replicas (DATABASE_REPLICA_URLS), through
 * `@prisma/extension-read-replicas`; see docs/decisions/020-more-than-one-machine.md.
 *
 * Every request runs in a routing context of its own (AsyncLocalStorage), on the primary by default. Only the
 * public page cache (app/server/http-cache.server.ts) turns a request over to the replicas: an anonymous
 * GET or HEAD of a public address, once it has checked that every replica has replayed the public data
 * version the page will be filed under. From then on the request's reads (model reads and raw reads outside
 * a transaction) go to a replica; its writes, its transactions and every statement after its first write go
 * to the primary. Code outside a request (scripts, the seed, tests) always uses the primary.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { readReplicas } from '@prisma/extension-read-replicas'
import type { PrismaClient } from '~/.server/prisma/client'

type Routing = { replicas: boolean; wrote: boolean }

const routing = new AsyncLocalStorage<Routing>()

/** Runs `work` (a request) in a routing context of its own: on the primary until told otherwise. */
export function withDatabaseRouting<T>(work: () => T): T {
	return routing.run({ replicas: false, wrote: false }, work)
}

/**
 * Sends the current request's reads to the replicas, unless it has already written (it then reads what it
 * wrote, on the primary). Outside a routing context it does nothing.
 */
export function readFromReplicas(): void {
	const current = routing.getStore()
	if (current && !current.wrote) current.replicas = true
}

type Failover = {
	/** Whether a replica's error says the replica is away or cannot serve (not that the query is wrong). */
	isReplicaFailure: (error: unknown) => boolean
	/** Told of each such failure (the page cache then leaves the replicas alone for a moment). */
	onFailure: (error: unknown) => void
}

let failover: Failover | undefined

/**
 * What happens when a replica fails a read: by default nothing (the error is the request's); with this, a
 * read that failed for `isReplicaFailure`'s reasons runs again on the primary, as does the rest of its
 * request. Set by the HTTP app (app/server/replica-versions.server.ts), which knows the database's errors.
 */
export function setReplicaFailover(handling: Failover | undefined): void {
	failover = handling
}

/** `read` on a replica; on a replica's failure, the same on the primary, and the rest of the request too. */
async function onReplica(read: () => Promise<unknown>, onPrimary: () => Promise<unknown>) {
	try {
		return await read()
	} catch (error) {
		if (!failover?.isReplicaFailure(error)) throw error
		failover.onFailure(error)
		const current = routing.getStore()
		if (current) current.replicas = false
		return onPrimary()
	}
}

// The extension's own list of reads, and raw reads: every `$queryRaw` of this code base outside a
// transaction is a SELECT, and a replica refuses any write (a read-only transaction), loudly.
const modelReads = new Set([
	'findFirst',
	'findFirstOrThrow',
	'findMany',
	'findUnique',
	'findUniqueOrThrow',
	'groupBy',
	'aggregate',
	'count',
	'findRaw',
	'aggregateRaw',
])
const rawReads = new Set(['$queryRaw', '$queryRawUnsafe'])

type AnyOperation = (args: unknown) => Promise<unknown>

/**
 * The app's client with replicas: `primary` for writes and for every request not turned over to the
 * replicas, `replicas` (clients of createPrismaClient, one per DATABASE_REPLICA_URLS entry) for the reads
 * of requests that are. The extension picks a replica at random for each read.
 */
export function withReadReplicas(primary: PrismaClient, replicas: PrismaClient[]): PrismaClient {
	// Prisma runs query extensions in the order they were added: this one decides first, and `query` hands a
	// read on to the replicas' extension (which sends it to a replica) or a write on to the primary.
	const client = primary.$extends({
		query: {
			$allOperations({ model, operation, args, query, ...rest }) {
				const inTransaction = Boolean(
					(rest as { __internalParams?: { transaction?: unknown } }).__internalParams?.transaction,
				)
				const current = routing.getStore()
				const read = modelReads.has(operation) || rawReads.has(operation)
				if (!read && current) current.wrote = true
				if (!read || inTransaction) return query(args)
				const toReplica = Boolean(current?.replicas && !current.wrote)
				if (model) {
					const delegate = (primary as unknown as Record<string, Record<string, AnyOperation>>)[model]
					const run = delegate?.[operation]
					if (!run) throw new Error(`No ${model}.${operation} on the primary client`)
					const onPrimary = () => run.call(delegate, args)
					return toReplica ? onReplica(() => query(args), onPrimary) : onPrimary()
				}
				// Raw reads: the replicas' extension leaves them on the primary; a replica's turn picks one here.
				if (!toReplica) return query(args)
				const replica = replicas[Math.floor(Math.random() * replicas.length)] as unknown as Record<
					string,
					AnyOperation
				>
				const run = replica[operation]
				if (!run) throw new Error(`No ${operation} on the replica client`)
				return onReplica(
					() => run.call(replica, args),
					() => query(args),
				)
			},
		},
	})
	return client.$extends(readReplicas({ replicas })) as unknown as PrismaClient
}
