import { AsyncLocalStorage } from 'node:async_hooks'
import type { Prisma, PrismaClient } from '~/.server/prisma/client'

/**
 * One transaction around many model calls. A model function writes in a transaction of its own
 * (`inTransaction`); inside `withinTransaction(tx, …)` it writes in `tx` instead, so that a caller who makes
 * many changes (the import, app/data/import.server.ts) gets every model's rules and audit entries and still
 * commits all of it or nothing. Prisma cannot nest interactive transactions; this lends the outer one.
 */
const ambient = new AsyncLocalStorage<Prisma.TransactionClient>()

/** Runs `work` so that every `inTransaction` under it joins `tx`. */
export function withinTransaction<T>(tx: Prisma.TransactionClient, work: () => Promise<T>): Promise<T> {
	return ambient.run(tx, work)
}

/**
 * `prisma.$transaction(work)`, or `work` in the caller's transaction under `withinTransaction` (then the
 * client is not even asked for: a script holding its own client needs no DATABASE_URL for the default one).
 */
export function inTransaction<T>(
	prisma: PrismaClient | (() => PrismaClient),
	work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
	const outer = ambient.getStore()
	if (outer) return work(outer)
	return (typeof prisma === 'function' ? prisma() : prisma).$transaction(work)
}
