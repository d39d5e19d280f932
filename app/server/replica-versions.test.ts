import { describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { replicaVersions } from './replica-versions.server'

// Replicas as the page cache sees them: what each answers when asked its public data version. The real
// servers are in app/db/read-replicas.test.ts; here, the bookkeeping (when to ask, when not to wait).

type Answer = { resolve: (version: bigint | null) => void; reject: (error: unknown) => void }

function fakeReplicas(count: number) {
	const clients = Array.from({ length: count }, () => ({}) as PrismaClient)
	const asked: Array<{ replica: number } & Answer> = []
	const read = (replica: PrismaClient) =>
		new Promise<bigint | null>((resolve, reject) => {
			asked.push({ replica: clients.indexOf(replica), resolve, reject })
		})
	return { clients, asked, read }
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('replicaVersions', () => {
	test('asks each replica once, and again only for a version it is not known to have', async () => {
		const { clients, asked, read } = fakeReplicas(2)
		const versions = replicaVersions(clients, { read })
		const first = versions.caughtUp(5n)
		await settle()
		expect(asked.map((question) => question.replica)).toEqual([0, 1])
		asked[0]?.resolve(5n)
		asked[1]?.resolve(6n)
		expect(await first).toBe(true)
		// Known to have 5 (and 6): no question for 5 or older.
		expect(await versions.caughtUp(5n)).toBe(true)
		expect(await versions.caughtUp(4n)).toBe(true)
		expect(asked).toHaveLength(2)
		// 6: only the first replica is asked again.
		const second = versions.caughtUp(6n)
		await settle()
		expect(asked.slice(2).map((question) => question.replica)).toEqual([0])
		asked[2]?.resolve(5n)
		expect(await second).toBe(false)
	})

	test('a request does not wait for another request’s question, nor long for its own', async () => {
		const { clients, asked, read } = fakeReplicas(1)
		const versions = replicaVersions(clients, { read, waitMs: 20 })
		const started = performance.now()
		expect(await versions.caughtUp(1n)).toBe(false)
		expect(performance.now() - started).toBeGreaterThanOrEqual(15)
		// Still unanswered: the next request reads from the primary at once, without asking again.
		expect(await versions.caughtUp(1n)).toBe(false)
		expect(asked).toHaveLength(1)
		asked[0]?.resolve(1n)
		await settle()
		// The late answer counts.
		expect(await versions.caughtUp(1n)).toBe(true)
		expect(asked).toHaveLength(1)
	})

	test('after a replica fails (to answer, or a read), it is left alone for retryMs', async () => {
		let clock = 0
		const errors: unknown[] = []
		const { clients, asked, read } = fakeReplicas(1)
		const versions = replicaVersions(clients, {
			read,
			retryMs: 1_000,
			now: () => clock,
			log: (error) => errors.push(error),
		})
		const first = versions.caughtUp(1n)
		await settle()
		asked[0]?.reject(new Error('connection refused'))
		expect(await first).toBe(false)
		expect(errors).toEqual([new Error('connection refused')])
		clock = 999
		expect(await versions.caughtUp(1n)).toBe(false)
		expect(asked).toHaveLength(1)
		clock = 1_000
		const again = versions.caughtUp(1n)
		await settle()
		asked[1]?.resolve(1n)
		expect(await again).toBe(true)

		// A read that failed on it: the known version no longer sends requests there, for retryMs.
		versions.failed()
		expect(await versions.caughtUp(1n)).toBe(false)
		clock = 2_000
		expect(await versions.caughtUp(1n)).toBe(true)
		expect(asked).toHaveLength(2)
	})

	test('without replicas, nothing is read from one', async () => {
		expect(await replicaVersions([], { read: async () => 1n }).caughtUp(1n)).toBe(false)
	})
})
