import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { seed } from '~/db/tooling/seed.server'
import {
	pledgeSearchParams,
	searchPledges,
	type PledgeSearchInput,
	type SearchLocale,
} from '~/models/pledge-search.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { createEvidence, createFactChecker, pledgeIdOf, recordStatus } from '~/test/ledger-fixtures'
import { createQueryLoggingPrisma, type LoggedQuery } from '~/test/query-log'

let database: TestDatabase
let prisma: PrismaClient
let recordQueries: ReturnType<typeof createQueryLoggingPrisma>['recordQueries']
let platformId: string

beforeAll(async () => {
	database = await createTestDatabase()
	;({ prisma, recordQueries } = createQueryLoggingPrisma(database.url))
	await seed(prisma)
	platformId = (await prisma.platform.findUniqueOrThrow({ where: { slug: 'fair-kazakhstan-2022' } })).id
	// The seed translates every pledge; as on a site where a new pledge still awaits its Kazakh, one has none.
	await prisma.pledgeTranslation.delete({
		where: { pledgeId_locale: { pledgeId: await pledgeIdOf(prisma, 'reliable-energy'), locale: 'KK' } },
	})
})
afterAll(async () => {
	await prisma?.$disconnect()
	await database?.drop()
})

const search = (input: Partial<PledgeSearchInput> & { locale?: SearchLocale }) =>
	searchPledges({ platformId, locale: 'en', sort: 'title', page: 1, pageSize: 100, ...input }, prisma)
const slugsFound = async (input: Partial<PledgeSearchInput>) =>
	(await search(input)).items.map((item) => item.slug)

describe('searchPledges without a query', () => {
	test('lists every pledge of the platform, by title in the reader’s language', async () => {
		const result = await search({})
		expect(result.total).toBe(21)
		expect(result.pageCount).toBe(1)
		const titles = result.items.map((item) => item.title)
		expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')))
	})

	test('pages through the list without repeating or skipping a pledge', async () => {
		const pages = await Promise.all([1, 2, 3, 4, 5].map((page) => search({ page, pageSize: 5 })))
		expect(pages.map((page) => page.items.length)).toEqual([5, 5, 5, 5, 1])
		expect(pages.every((page) => page.total === 21 && page.pageCount === 5)).toBe(true)
		const slugs = pages.flatMap((page) => page.items.map((item) => item.slug))
		expect(new Set(slugs).size).toBe(21)
		expect(slugs).toEqual((await search({})).items.map((item) => item.slug))
		const pastTheEnd = await search({ page: 6, pageSize: 5 })
		expect(pastTheEnd).toMatchObject({ items: [], total: 21, page: 6, pageCount: 5 })
	})

	test('bounds the page size', async () => {
		const result = await search({ pageSize: 10_000 })
		expect(result.items).toHaveLength(21)
		expect((await search({ pageSize: 0 })).items).toHaveLength(20)
	})

	test('sorts by deadline and by last update', async () => {
		await prisma.pledge.update({
			where: { platformId_slug: { platformId, slug: 'drinking-water' } },
			data: { deadline: new Date('2025-06-30') },
		})
		expect((await slugsFound({ sort: 'deadline' }))[0]).toBe('drinking-water')
		// A catalogue edit is not an update a reader cares about; a status is.
		await prisma.pledge.update({
			where: { platformId_slug: { platformId, slug: 'food-security' } },
			data: { position: 99, title: 'Strengthening food security (edited)' },
		})
		expect((await search({ sort: 'updated' })).items.every((item) => item.activityAt === null)).toBe(true)
		const userId = (await createFactChecker(prisma, 'sort-by-update@example.org')).id
		const pledgeId = await pledgeIdOf(prisma, 'drinking-water')
		const evidence = await createEvidence(prisma, {
			pledgeId,
			userId,
			title: 'A water law',
			reviewedAt: '2024-02-02T10:00:00.000Z',
			publishedOn: '2024-02-01',
		})
		await recordStatus(prisma, {
			pledgeId,
			userId,
			status: 'IN_PROGRESS',
			effectiveDate: '2024-02-01',
			rationale: 'A water law was adopted.',
			evidenceIds: [evidence.id],
			recordedAt: '2024-02-03T10:00:00.000Z',
		})
		const updated = await search({ sort: 'updated' })
		expect(updated.items[0]).toMatchObject({
			slug: 'drinking-water',
			activityAt: new Date('2024-02-03T10:00:00.000Z'),
		})
		expect(updated.items.slice(1).every((item) => item.activityAt === null)).toBe(true)
	})

	test('gives titles in Russian and Kazakh, and English with a note where there is no translation', async () => {
		const russian = await search({ locale: 'ru' })
		const kazakh = await search({ locale: 'kk' })
		const itJobs = kazakh.items.find((item) => item.slug === 'it-jobs')
		expect(itJobs).toMatchObject({
			title: 'IT компанияларында кемінде 150 000 жұмыс орны',
			titleIsTranslated: true,
			categoryTitle: 'Әділетті экономика',
			principleSlug: 'fair-economy',
		})
		const untranslated = kazakh.items.filter((item) => !item.titleIsTranslated)
		expect(untranslated.length).toBeGreaterThan(0)
		for (const item of untranslated) {
			const english = (await search({})).items.find((candidate) => candidate.slug === item.slug)
			expect(item.title).toBe(english?.title)
		}
		expect(russian.items.every((item) => item.titleIsTranslated)).toBe(true)
		expect(russian.items.find((item) => item.slug === 'drinking-water')?.categoryTitle).toBe(
			'Справедливая экономика',
		)
		// Kazakh alphabetical order: "Ә" right after "А", not after "Я" as in code-point order.
		const kazakhTitles = kazakh.items.filter((item) => item.titleIsTranslated).map((item) => item.title[0])
		expect(kazakhTitles.indexOf('Ә') === -1 || kazakhTitles.indexOf('Ә') < kazakhTitles.indexOf('Ж')).toBe(
			true,
		)
	})
})

describe('searchPledges with filters', () => {
	beforeAll(async () => {
		const economy = await prisma.category.findUniqueOrThrow({
			where: { platformId_slug: { platformId, slug: 'fair-economy' } },
		})
		const digital = await prisma.category.create({
			data: {
				platformId,
				parentId: economy.id,
				slug: 'digital',
				title: 'Digital economy',
				translations: { create: [{ locale: 'RU', title: 'Цифровая экономика' }] },
			},
		})
		await prisma.pledge.update({
			where: { platformId_slug: { platformId, slug: 'it-jobs' } },
			data: { categoryId: digital.id, status: 'IN_PROGRESS' },
		})
		await prisma.pledge.update({
			where: { platformId_slug: { platformId, slug: 'drinking-water' } },
			data: { status: 'IN_PROGRESS' },
		})
	})

	test('by status and by kind', async () => {
		expect((await slugsFound({ status: 'IN_PROGRESS' })).sort()).toEqual(['drinking-water', 'it-jobs'])
		expect(await slugsFound({ status: 'KEPT' })).toEqual([])
		const quantitative = await slugsFound({ kind: 'QUANTITATIVE' })
		expect(quantitative).toContain('it-jobs')
		expect(quantitative).toContain('digital-economy-share')
		expect(quantitative).not.toContain('youth-policy-law')
		expect(await slugsFound({ kind: 'QUANTITATIVE', status: 'IN_PROGRESS' })).toEqual(['it-jobs'])
	})

	test('by principle, including the topics under it, and by category', async () => {
		const economy = await slugsFound({ principle: 'fair-economy' })
		expect(economy).toHaveLength(8)
		expect(economy).toContain('it-jobs')
		expect(await slugsFound({ category: 'digital' })).toEqual(['it-jobs'])
		expect(await slugsFound({ category: 'fair-economy' })).toEqual(economy)
		expect(await slugsFound({ principle: 'digital' })).toEqual([])
		expect(await slugsFound({ category: 'no-such-category' })).toEqual([])
		const itJobs = (await search({ locale: 'ru', category: 'digital' })).items[0]
		expect(itJobs).toMatchObject({
			categorySlug: 'digital',
			categoryTitle: 'Цифровая экономика',
			principleSlug: 'fair-economy',
			principleTitle: 'Справедливая экономика',
		})
	})
})

describe('searchPledges with a query', () => {
	test('English: stems words, ignores case, and matches the word being typed as a prefix', async () => {
		// it-jobs has the word in its title; digital-economy-share only in the quote the two pledges share.
		expect(await slugsFound({ query: 'job' })).toEqual(['it-jobs', 'digital-economy-share'])
		expect(await slugsFound({ query: 'JOBS companies' })).toEqual(['it-jobs', 'digital-economy-share'])
		expect(await slugsFound({ query: 'educat' })).toEqual(['education-investment'])
		expect(await slugsFound({ query: 'educat ' })).toEqual([])
		expect(await slugsFound({ query: 'the' })).toEqual(
			expect.arrayContaining(['drinking-water']), // "the" as a prefix: "the…" words
		)
		expect(await slugsFound({ query: 'jobs water' })).toEqual([])
		expect(await slugsFound({ query: '   ' })).toHaveLength(21)
		expect(await slugsFound({ query: '%_\'":*&|!()' })).toHaveLength(21)
	})

	test('English: finds the words of the verbatim quote too', async () => {
		const itJobs = await prisma.pledge.findUniqueOrThrow({
			where: { platformId_slug: { platformId, slug: 'it-jobs' } },
		})
		const quoteOnly = itJobs.quote
			.split(/\W+/)
			.find(
				(word) =>
					word.length > 5 && !`${itJobs.title} ${itJobs.summary}`.toLowerCase().includes(word.toLowerCase()),
			)
		expect(quoteOnly).toBeDefined()
		expect(await slugsFound({ query: `${quoteOnly} ` })).toContain('it-jobs')
	})

	test('Russian: stems Russian words whatever their case and form', async () => {
		expect(await slugsFound({ locale: 'ru', query: 'ВОДА ' })).toEqual(['drinking-water'])
		expect(await slugsFound({ locale: 'ru', query: 'питьевая вода' })).toEqual(['drinking-water'])
		// "инвестиций" and "инвестиции" share the stem; "инвестиционного" (an adjective) does not.
		expect((await slugsFound({ locale: 'ru', query: 'инвестиция ' })).sort()).toEqual([
			'education-investment',
			'social-investment-human-capital',
		])
		expect(await slugsFound({ locale: 'ru', query: 'образов' })).toEqual(['education-investment'])
		// The English original is searched too.
		expect(await slugsFound({ locale: 'ru', query: 'water ' })).toEqual(['drinking-water', 'food-security'])
	})

	test('Kazakh: matches words, their stems and prefixes with every Kazakh letter, in any case', async () => {
		expect(await slugsFound({ locale: 'kk', query: 'ЖАСТАР ' })).toEqual(['youth-policy-law'])
		expect(await slugsFound({ locale: 'kk', query: 'жастар саясатының ' })).toEqual(['youth-policy-law'])
		// The stem қор is also the start of қорғау ("to protect"): the foreign-policy pledge («Ұлттық
		// мүдделерді қорғауға…») is found too, ranked below the National Fund's (a known limit of prefix stems).
		expect(await slugsFound({ locale: 'kk', query: 'ҰЛТТЫҚ ҚОРДЫҢ ' })).toEqual([
			'national-fund-for-children',
			'balanced-foreign-policy',
		])
		const social = ['social-investment-human-capital', 'targeted-social-aid']
		expect((await slugsFound({ locale: 'kk', query: 'әлеум' })).sort()).toEqual(social)
		expect((await slugsFound({ locale: 'kk', query: 'ӘЛЕУМ' })).sort()).toEqual(social)
		// The inflected form itself ranks first; the other pledges about security (қауіпсіздік) follow by stem.
		expect(await slugsFound({ locale: 'kk', query: 'қауіпсіздігін ' })).toEqual([
			'food-security',
			'un-international-security',
			'balanced-foreign-policy',
		])
		// Both words: food security («…қауіпсіздігін … нығайту») and the UN pledge («…қауіпсіздікті нығайтуға…»).
		expect(await slugsFound({ locale: 'kk', query: 'ҚАУІПСІЗДІГІН НЫҒАЙТУ' })).toEqual([
			'food-security',
			'un-international-security',
		])
		expect(await slugsFound({ locale: 'kk', query: 'өмір сүру ұзақтығын' })).toEqual([
			'lower-morbidity-longer-life',
		])
		expect(await slugsFound({ locale: 'kk', query: 'ЖҰМЫС ОРНЫ' })).toEqual(['it-jobs'])
		expect(await slugsFound({ locale: 'kk', query: 'тұжырымдама' })).toEqual(['youth-policy-law'])
		// An inflected form finds its stem (app/models/pledge-search-languages.test.ts has the rest).
		expect(await slugsFound({ locale: 'kk', query: 'жастардың ' })).toEqual(['youth-policy-law'])
		// A Kazakh reader's Russian is not searched; an English pledge without a Kazakh translation is.
		expect(await slugsFound({ locale: 'kk', query: 'воды ' })).toEqual([])
		const untranslated = (await search({ locale: 'kk' })).items.find((item) => !item.titleIsTranslated)
		const word = untranslated?.title.split(' ').find((candidate) => candidate.length > 6)
		expect(await slugsFound({ locale: 'kk', query: `${word} ` })).toContain(untranslated?.slug)
	})

	test('ranks a match in the title above one in the summary, and that above one in the quote', async () => {
		await prisma.pledge.update({
			where: { platformId_slug: { platformId, slug: 'reliable-energy' } },
			data: { summary: 'Reliable energy, which also pumps drinking water.' },
		})
		const found = await slugsFound({ query: 'drinking ', sort: 'title' })
		// food-security's quote mentions the drinking water too.
		expect(found).toEqual(['drinking-water', 'reliable-energy', 'food-security'])
		expect(await slugsFound({ query: 'drinking ', sort: 'updated' })).toEqual(found)
	})

	test('combines a query with filters and pagination', async () => {
		const result = await search({ query: 'investment ', principle: 'fair-society', pageSize: 1, page: 2 })
		expect(result.total).toBe(3)
		expect(result.pageCount).toBe(3)
		expect(result.items).toHaveLength(1)
		expect(await slugsFound({ query: 'investment ', principle: 'fair-state' })).toEqual([])
	})
})

describe('searchPledges in the database', () => {
	test('runs two queries, using the full-text indexes for every language', async () => {
		const plans: string[] = []
		for (const locale of ['en', 'ru', 'kk'] as const) {
			const { queries } = await recordQueries(() =>
				search({ locale, query: 'вода water су', status: 'NOT_RATED' }),
			)
			expect(queries).toHaveLength(2)
			plans.push(await planWithoutSequentialScans(queries[0]!))
		}
		expect(plans[0]).toContain('Pledge_search_english_idx')
		expect(plans[1]).toContain('PledgeTranslation_search_russian_idx')
		expect(plans[1]).toContain('Pledge_search_english_idx')
		expect(plans[2]).toContain('PledgeTranslation_search_kazakh_idx')
	})
})

/**
 * EXPLAIN of a logged statement with the other ways to the rows taken away (in a transaction rolled back
 * after), so that the plan shows whether the full-text indexes match the query's expressions. On this
 * small table PostgreSQL would rightly read the platform's few pledges instead.
 */
async function planWithoutSequentialScans(query: LoggedQuery): Promise<string> {
	const client = new pg.Client({ connectionString: database.url })
	await client.connect()
	try {
		await client.query('BEGIN')
		await client.query('SET LOCAL enable_seqscan = off')
		await client.query(
			`DROP INDEX "Pledge_platformId_slug_key", "Pledge_platformId_status_idx", "Pledge_platformId_deadline_idx",
			           "Pledge_platformId_activityAt_idx"`,
		)
		await client.query(`ALTER TABLE "PledgeTranslation" DROP CONSTRAINT "PledgeTranslation_pkey"`)
		const params: unknown[] = JSON.parse(query.params)
		const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, params)
		return rows.map((row) => row['QUERY PLAN']).join('\n')
	} finally {
		await client.query('ROLLBACK')
		await client.end()
	}
}

describe('pledgeSearchParams', () => {
	const parse = (search: string) => pledgeSearchParams.safeParse(new URLSearchParams(search))

	test('reads every filter from the URL', () => {
		expect(
			parse(
				'q=вода&principle=fair-economy&category=digital&status=in-progress&kind=quantitative&sort=deadline&page=3&size=50',
			),
		).toEqual({
			success: true,
			data: {
				query: 'вода',
				principle: 'fair-economy',
				category: 'digital',
				status: 'IN_PROGRESS',
				kind: 'QUANTITATIVE',
				sort: 'deadline',
				page: 3,
				pageSize: 50,
			},
		})
	})

	test('takes empty parameters as "all" and missing ones as defaults', () => {
		expect(parse('q=&status=&kind=&principle=&category=')).toEqual({
			success: true,
			data: { sort: 'updated', page: 1, pageSize: 20 },
		})
		expect(pledgeSearchParams.parse({ status: 'KEPT' })).toMatchObject({ status: 'KEPT' })
	})

	test('falls back for values that only decide how the list is shown', () => {
		expect(parse('sort=price&page=-2&size=abc')).toMatchObject({
			data: { sort: 'updated', page: 1, pageSize: 20 },
		})
		expect(parse('page=1.5&size=100000')).toMatchObject({ data: { page: 1, pageSize: 100 } })
		expect(parse('page=99999999999999999999')).toMatchObject({ data: { page: 1 } })
	})

	test('refuses values that decide which pledges are listed, naming the field', () => {
		const fieldsOf = (search: string) => {
			const result = parse(search)
			return result.success ? [] : result.error.issues.map((issue) => issue.path[0])
		}
		expect(fieldsOf('status=done')).toEqual(['status'])
		expect(fieldsOf('kind=vague')).toEqual(['kind'])
		expect(fieldsOf('principle=Fair%20State')).toEqual(['principle'])
		expect(fieldsOf('category=../etc')).toEqual(['category'])
		expect(fieldsOf(`q=${'a'.repeat(201)}`)).toEqual(['q'])
		expect(fieldsOf(`q=${'a'.repeat(200)}`)).toEqual([])
	})
})
