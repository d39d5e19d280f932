import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/.server/prisma/client'

export type LoggedQuery = { sql: string; params: string; durationMs: number }

/**
 * A Prisma client that records every SQL statement it sends (Prisma's own query events, so raw queries,
 * transactions and the statements of nested reads all count), for tests that assert how many queries a
 * page runs.
 */
export function createQueryLoggingPrisma(url: string) {
	const prisma = new PrismaClient({
		adapter: new PrismaPg({ connectionString: url }),
		log: [{ emit: 'event', level: 'query' }],
	})
	const log: LoggedQuery[] = []
	prisma.$on('query', (event) =>
		log.push({ sql: event.query, params: event.params, durationMs: event.duration }),
	)

	/** Runs `work` and returns what it returned with the statements it sent. Run one at a time. */
	async function recordQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: LoggedQuery[] }> {
		const start = log.length
		const result = await work()
		// Query events are emitted as each statement completes; let any still queued arrive.
		await new Promise((resolve) => setImmediate(resolve))
		return { result, queries: log.slice(start) }
	}

	return { prisma, recordQueries }
}
