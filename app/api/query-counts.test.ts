import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { createEvidence, createFactChecker, pledgeIdOf, recordStatus } from '~/test/ledger-fixtures'
import { createQueryLoggingPrisma } from '~/test/query-log'
import { getPledge, listCorrections, listPlatforms, listPledges, listPoliticians } from './records.server'

// The API's reads run a fixed number of SQL statements, whatever the size of a page or of a pledge's
// history (Prisma sends one statement per relation it reads, for all rows at once): a query per pledge, entry or evidence item (N+1) would make these counts differ.

let database: TestDatabase
let prisma: PrismaClient
let recordQueries: ReturnType<typeof createQueryLoggingPrisma>['recordQueries']
const origin = 'http://uade.test'
const platform = 'fair-kazakhstan-2022'

beforeAll(async () => {
	database = await createTestDatabase()
	;({ prisma, recordQueries } = createQueryLoggingPrisma(database.url))
	await seed(prisma)
	const { id: userId } = await createFactChecker(prisma, 'editor@example.org')
	// it-jobs gets a long history; food-security keeps none.
	const pledgeId = await pledgeIdOf(prisma, 'it-jobs')
	const evidence = []
	for (let index = 0; index < 12; index++) {
		evidence.push(
			await createEvidence(prisma, {
				pledgeId,
				userId,
				title: `Report ${index}`,
				publishedOn: `2024-0${1 + (index % 9)}-01`,
			}),
		)
	}
	let previous: string | undefined
	for (let index = 0; index < 8; index++) {
		const entry = await recordStatus(prisma, {
			pledgeId,
			userId,
			status: index % 2 === 0 ? 'IN_PROGRESS' : 'STALLED',
			effectiveDate: `2024-0${1 + index}-15`,
			rationale: `Entry ${index}`,
			evidenceIds: evidence.slice(0, 1 + (index % 4)).map((item) => item.id),
			...(previous && index % 2 === 1 ? { correctsId: previous } : {}),
		})
		previous = entry.id
	}
}, 120_000)

afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

async function queriesOf(work: () => Promise<unknown>) {
	return (await recordQueries(work)).queries.length
}

const request = (path: string) => new Request(`${origin}${path}`)
const context = () => ({ origin, prisma })

describe('a fixed number of queries', () => {
	test('a page of pledges: one pledge or all of them, in one language or all three', async () => {
		const path = `/api/v1/platforms/${platform}/pledges`
		const one = await queriesOf(() => listPledges(request(`${path}?limit=1`), platform, context()))
		const all = await queriesOf(() => listPledges(request(`${path}?limit=100`), platform, context()))
		const translated = await queriesOf(() =>
			listPledges(request(`${path}?limit=100&lang=kk&q=jobs`), platform, context()),
		)
		expect(all).toBe(one)
		expect(translated).toBe(one)
	})

	test('a pledge with a long ledger and many sources, and one with none', async () => {
		const read = (pledgeSlug: string) =>
			queriesOf(() =>
				getPledge(
					request(`/api/v1/platforms/${platform}/pledges/${pledgeSlug}`),
					{ platformSlug: platform, pledgeSlug },
					context(),
				),
			)
		const busy = await read('it-jobs')
		expect(await read('food-security')).toBe(busy)
	})

	test('a page of corrections, the platforms and the politicians', async () => {
		const one = await queriesOf(() => listCorrections(request('/api/v1/corrections?limit=1'), context()))
		const many = await queriesOf(() => listCorrections(request('/api/v1/corrections?limit=100'), context()))
		expect(many).toBe(one)
		// Prisma reads each nested relation with a statement of its own, once for all the rows.
		const platforms = await queriesOf(() => listPlatforms(request('/api/v1/platforms?lang=ru'), context()))
		expect(platforms).toBeLessThanOrEqual(8)
		expect(
			await queriesOf(() => listPoliticians(request('/api/v1/politicians'), context())),
		).toBeLessThanOrEqual(3)
	})
})
