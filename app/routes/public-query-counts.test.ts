import type { LoaderFunctionArgs } from '@remix-run/node'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { generateBenchmarkData } from '../../scripts/lib/benchmark-data'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import { searchPledges } from '~/models/pledge-search.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { createQueryLoggingPrisma, type LoggedQuery } from '~/test/query-log'

// Every public page runs the same number of SQL statements at the seed's size and after the same
// database has grown to thousands of pledges, evidence items, ledger entries and measurements, on the
// very platform and pledges the pages show. A query per row (N+1) would make the counts differ. The home
// page and the pledge page run no more than 5 (their read models: ADR 021).

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
type RouteModule = { loader: Loader }

const platformSlug = 'fair-kazakhstan-2022'

// Each page with the loaders a request for it runs: the root's, the language layout's, the page's own.
const pages: Array<{
	name: string
	url: string
	params: Record<string, string>
	modules: () => Promise<RouteModule[]>
}> = [
	{ name: 'home', url: '/en', params: { lang: 'en' }, modules: () => withLayouts(import('./$lang._index')) },
	{
		name: 'platform overview',
		url: `/ru/platforms/${platformSlug}`,
		params: { lang: 'ru', platform: platformSlug },
		modules: () => withLayouts(import('./$lang.platforms.$platform._index')),
	},
	{
		name: 'pledge list',
		url: `/kk/platforms/${platformSlug}/pledges`,
		params: { lang: 'kk', platform: platformSlug },
		modules: () => withLayouts(import('./$lang.platforms.$platform.pledges._index')),
	},
	{
		name: 'pledge list, filtered and searched',
		url: `/en/platforms/${platformSlug}/pledges?q=jobs&principle=fair-economy&status=in-progress&kind=quantitative&sort=deadline&page=1`,
		params: { lang: 'en', platform: platformSlug },
		modules: () => withLayouts(import('./$lang.platforms.$platform.pledges._index')),
	},
	{
		name: 'pledge page (quantitative, with ledger, evidence and measurements)',
		url: `/en/platforms/${platformSlug}/pledges/it-jobs`,
		params: { lang: 'en', platform: platformSlug, pledge: 'it-jobs' },
		modules: () => withLayouts(import('./$lang.platforms.$platform.pledges.$pledge')),
	},
	{
		name: 'pledge page (milestone)',
		url: `/kk/platforms/${platformSlug}/pledges/youth-policy-law`,
		params: { lang: 'kk', platform: platformSlug, pledge: 'youth-policy-law' },
		modules: () => withLayouts(import('./$lang.platforms.$platform.pledges.$pledge')),
	},
	{
		name: 'platform index',
		url: '/en/platforms',
		params: { lang: 'en' },
		modules: () => withLayouts(import('./$lang.platforms._index')),
	},
	{
		name: 'politician page',
		url: '/kk/politicians/kassym-jomart-tokayev',
		params: { lang: 'kk', politician: 'kassym-jomart-tokayev' },
		modules: () => withLayouts(import('./$lang.politicians.$politician')),
	},
	{
		name: 'methodology',
		url: '/en/methodology',
		params: { lang: 'en' },
		modules: () => withLayouts(import('./$lang.methodology')),
	},
	{
		name: 'about',
		url: '/ru/about',
		params: { lang: 'ru' },
		modules: () => withLayouts(import('./$lang.about')),
	},
	{
		name: 'corrections',
		url: '/en/corrections',
		params: { lang: 'en' },
		modules: () => withLayouts(import('./$lang.corrections')),
	},
	{
		name: 'open data',
		url: '/kk/data',
		params: { lang: 'kk' },
		modules: () => withLayouts(import('./$lang.data')),
	},
	{
		name: 'sitemap.xml',
		url: '/sitemap.xml',
		params: {},
		modules: async () => [await import('./sitemap[.]xml')],
	},
	{
		name: 'robots.txt',
		url: '/robots.txt',
		params: {},
		modules: async () => [await import('./robots[.]txt')],
	},
]

async function withLayouts(page: Promise<RouteModule>): Promise<RouteModule[]> {
	return [await import('~/root'), await import('./$lang'), await page]
}

let database: TestDatabase
let prisma: PrismaClient
let recordQueries: ReturnType<typeof createQueryLoggingPrisma>['recordQueries']
const counts = new Map<string, { seed: number; large: number; largeQueries: LoggedQuery[] }>()

async function runPage(page: (typeof pages)[number]) {
	const modules = await page.modules()
	const request = new Request(`http://localhost${page.url}`)
	return recordQueries(async () => {
		// As Remix runs a document request's loaders: all at once.
		await Promise.all(
			modules.map(async (module) => {
				const response = await module
					.loader({ request, params: page.params, context: { cspNonce: '', clientIp: null } })
					.catch((error: unknown) => error)
				if (response instanceof Response && response.status >= 400) {
					throw new Error(`${page.url}: the loader answered ${response.status}`)
				}
				if (response instanceof Error) throw response
			}),
		)
	})
}

beforeAll(async () => {
	database = await createTestDatabase()
	;({ prisma, recordQueries } = createQueryLoggingPrisma(database.url))
	await globalThis.uadePrisma?.$disconnect()
	globalThis.uadePrisma = prisma
	process.env.DATABASE_URL = database.url
	await seed(prisma)

	for (const page of pages) {
		counts.set(page.name, { seed: (await runPage(page)).queries.length, large: 0, largeQueries: [] })
	}

	const client = new pg.Client({ connectionString: database.url })
	await client.connect()
	try {
		const { id } = await prisma.platform.findUniqueOrThrow({ where: { slug: platformSlug } })
		// 3 more platforms; the seed platform grows from 21 to 321 pledges; every pledge of them gets 40
		// evidence items, 12 ledger entries (corrections among them) and, if quantitative, 12 measurements.
		await generateBenchmarkData(
			client,
			{
				platforms: 3,
				pledgesPerPlatform: 300,
				evidencePerPledge: 40,
				ledgerEntriesPerPledge: 12,
				measurementsPerIndicator: 12,
			},
			{ tag: 'querycount', growPlatformIds: [id] },
		)
	} finally {
		await client.end()
	}

	for (const page of pages) {
		const { queries } = await runPage(page)
		const count = counts.get(page.name)
		if (count) Object.assign(count, { large: queries.length, largeQueries: queries })
	}
	console.log(
		[...counts]
			.map(([name, { seed, large }]) => `${name}: ${seed} queries at seed size, ${large} large`)
			.join('\n'),
	)
}, 120_000)

afterAll(async () => {
	await prisma?.$disconnect()
	globalThis.uadePrisma = undefined
	await database?.drop()
})

describe('each public page runs as many queries on a large database as on the seed', () => {
	test('the large database is large, on the pages’ own platform and pledges', async () => {
		const platform = await prisma.platform.findUniqueOrThrow({ where: { slug: platformSlug } })
		expect(await prisma.pledge.count({ where: { platformId: platform.id } })).toBe(321)
		const itJobs = await prisma.pledge.findUniqueOrThrow({
			where: { platformId_slug: { platformId: platform.id, slug: 'it-jobs' } },
			include: {
				_count: { select: { evidence: true, statusUpdates: true } },
				indicator: { include: { _count: true } },
			},
		})
		expect(itJobs._count).toEqual({ evidence: 40, statusUpdates: 12 })
		expect(itJobs.indicator?._count.measurements).toBe(12)
		expect(await prisma.evidence.count()).toBeGreaterThan(35_000)
		expect(await prisma.statusUpdate.count({ where: { correctsId: { not: null } } })).toBeGreaterThan(1000)
	})

	// The two pages read most go through their read models (app/models/pledge.server.ts `getPledgePage`,
	// app/models/overview-page.server.ts `getOverviewPage`; ADR 021): at most 5 statements for all of a
	// request's loaders, at either size.
	test.each([
		['home', 4],
		['pledge page (quantitative, with ledger, evidence and measurements)', 3],
		['pledge page (milestone)', 3],
	])('%s runs %i statements (at most 5)', (name, expected) => {
		const count = counts.get(name)
		expect(count?.seed, count?.largeQueries.map((query) => query.sql).join('\n---\n')).toBe(expected)
		expect(count?.large).toBe(expected)
		expect(expected).toBeLessThanOrEqual(5)
	})

	test.each(pages.map((page) => page.name))('%s', (name) => {
		const count = counts.get(name)
		// robots.txt needs no data; every other page reads some, so a zero would mean nothing was counted.
		if (name !== 'robots.txt') expect(count?.seed).toBeGreaterThan(0)
		expect(
			count?.large,
			`queries at the large size:\n${count?.largeQueries.map((query) => query.sql).join('\n---\n')}`,
		).toBe(count?.seed)
	})

	test('searchPledges alone runs two', async () => {
		const platform = await prisma.platform.findUniqueOrThrow({ where: { slug: platformSlug } })
		const { queries, result } = await recordQueries(() =>
			searchPledges({
				platformId: platform.id,
				locale: 'ru',
				query: 'вода',
				sort: 'updated',
				page: 2,
				pageSize: 10,
			}),
		)
		expect(result.total).toBeGreaterThan(10)
		expect(queries).toHaveLength(2)
	})
})
