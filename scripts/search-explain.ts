/**
 * `npx tsx scripts/search-explain.ts`: the pledge list's search on the seed and on the large benchmark
 * dataset, with PostgreSQL's plans (EXPLAIN ANALYZE) and timings, for docs/decisions/016-multilingual-search.md.
 *
 * Fills two throw-away databases (on DATABASE_URL's server, or on an embedded one in a temporary folder on
 * a free port): the seed; and the seed plus the large benchmark (scripts/lib/benchmark-data.ts: 20 platforms,
 * 2,000 pledges, 200,000 evidence items) plus 5,000 more pledges on the seed's platform, so that one
 * platform's list is large. Then, for each query, runs `searchPledges` 20 times (the median is printed) and
 * prints the plan of its page query. Nothing outlives the run.
 *
 * Options: --plans (print the full plans; by default only the indexes used and the timings).
 */
import { parseArgs } from 'node:util'
import pg from 'pg'
import { createPrismaClient } from '~/db/prisma.server'
import { migrate } from '~/db/tooling/migrate.server'
import { seed } from '~/db/tooling/seed.server'
import { searchPledges, type SearchLocale } from '~/models/pledge-search.server'
import { createQueryLoggingPrisma } from '~/test/query-log'
import { generateBenchmarkData, largeBenchmark } from './lib/benchmark-data'
import { openScratchServer } from './lib/scratch-postgres'
import { startScript } from './lib/start-script'

startScript()
const { values: options } = parseArgs({ options: { plans: { type: 'boolean', default: false } } })

const queries: Array<{ locale: SearchLocale; query: string; kind: string }> = [
	{ locale: 'ru', query: 'вода', kind: 'Russian stem, typed (prefix)' },
	{ locale: 'kk', query: 'жастарға ', kind: 'Kazakh stem' },
	{ locale: 'kk', query: 'жумыс ', kind: 'folded' },
	{ locale: 'kk', query: 'тапщылгын ', kind: 'typo (2 letters)' },
	{ locale: 'en', query: 'yuth policy', kind: 'typo and a prefix' },
	{ locale: 'ru', query: 'ИТ 150 000 ', kind: 'synonym and number' },
	{ locale: 'kk', query: 'футбол ', kind: 'a miss' },
]

async function withDatabase<T>(
	serverUrl: string,
	name: string,
	work: (url: string) => Promise<T>,
): Promise<T> {
	const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` })
	await admin.connect()
	try {
		await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
		await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8'`)
		return await work(`${serverUrl}/${name}`)
	} finally {
		await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
		await admin.end()
	}
}

async function fill(url: string, large: boolean): Promise<string> {
	await migrate(url)
	const prisma = createPrismaClient(url)
	try {
		await seed(prisma)
	} finally {
		await prisma.$disconnect()
	}
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const { rows } = await client.query<{ id: string }>(
			`SELECT id FROM "Platform" WHERE slug = 'fair-kazakhstan-2022'`,
		)
		const platformId = rows[0]?.id
		if (!platformId) throw new Error('the seed has no platform fair-kazakhstan-2022')
		if (large) {
			await generateBenchmarkData(client, largeBenchmark)
			await generateBenchmarkData(
				client,
				{
					platforms: 0,
					pledgesPerPlatform: 5000,
					evidencePerPledge: 0,
					ledgerEntriesPerPledge: 0,
					measurementsPerIndicator: 0,
				},
				{ tag: 'grown', growPlatformIds: [platformId] },
			)
		}
		// The generator writes with triggers off (session_replication_role): add its words as the triggers
		// would have. VACUUM also merges the GIN indexes' pending lists, as autovacuum does after a bulk load.
		await client.query(`SELECT uade_add_search_words(ARRAY["title", "summary", "quote"]) FROM "Pledge"`)
		await client.query(`SELECT uade_add_search_words(ARRAY["title", "summary"]) FROM "PledgeTranslation"`)
		await client.query('VACUUM ANALYZE')
		const counts = await client.query<{ pledges: number; words: number; onPlatform: number }>(
			`SELECT (SELECT count(*)::int FROM "Pledge") AS pledges, (SELECT count(*)::int FROM "SearchWord") AS words,
			        (SELECT count(*)::int FROM "Pledge" WHERE "platformId" = $1) AS "onPlatform"`,
			[platformId],
		)
		const count = counts.rows[0]
		console.log(
			`\n## ${large ? 'Large' : 'Seed'}: ${count?.pledges} pledges (${count?.onPlatform} on the searched platform), ${count?.words} words in "SearchWord"\n`,
		)
		return platformId
	} finally {
		await client.end()
	}
}

async function explain(url: string, platformId: string) {
	const { prisma, recordQueries } = createQueryLoggingPrisma(url)
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		for (const { locale, query, kind } of queries) {
			const input = { platformId, locale, query, sort: 'updated' as const, page: 1, pageSize: 20 }
			await searchPledges(input, prisma)
			const times: number[] = []
			let total = 0
			for (let run = 0; run < 20; run++) {
				const started = performance.now()
				total = (await searchPledges(input, prisma)).total
				times.push(performance.now() - started)
			}
			times.sort((a, b) => a - b)
			const { queries: logged } = await recordQueries(() => searchPledges(input, prisma))
			const plans = await Promise.all(
				logged.map(async (statement) => {
					const params: unknown[] = JSON.parse(statement.params)
					const { rows } = await client.query<{ 'QUERY PLAN': string }>(
						`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
						params,
					)
					return rows.map((row) => row['QUERY PLAN'])
				}),
			)
			const [plan = [], countPlan = []] = plans
			const timing = (lines: string[]) =>
				['Planning Time', 'Execution Time']
					.map((label) =>
						lines.find((line) => line.startsWith(label))?.replace(label, label.split(' ')[0] ?? ''),
					)
					.join(', ')
			const indexes = [
				...new Set(
					plan.flatMap((line) =>
						[
							...line.matchAll(/(?:Index (?:Only )?Scan (?:Backward )?using|Bitmap Index Scan on) (\S+)/g),
						].map((match) => match[1]),
					),
				),
			]
			console.log(
				`- ${locale} «${query.trim()}» (${kind}): ${total} found; searchPledges median ${times[10]?.toFixed(1)} ms ` +
					`(${logged.length} queries); page query: ${timing(plan)}; count query: ${timing(countPlan)}; ` +
					`indexes: ${indexes.join(', ') || 'none'}`,
			)
			if (options.plans) console.log(`\n\`\`\`\n${plan.join('\n')}\n\`\`\`\n`)
		}
	} finally {
		await client.end()
		await prisma.$disconnect()
	}
}

async function main() {
	const server = await openScratchServer()
	try {
		for (const large of [false, true]) {
			await withDatabase(server.serverUrl, `uade_search_explain_${large ? 'large' : 'seed'}`, async (url) => {
				const platformId = await fill(url, large)
				await explain(url, platformId)
			})
		}
	} finally {
		await server.stop()
	}
}

await main()
