import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fairKazakhstan } from '../../../prisma/seed/fair-kazakhstan'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed, seedPlatforms } from '~/db/tooling/seed.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
// The article the quotes come from, copied into the project with its provenance (prisma/seed/sources/README.md).
const articlePath = path.resolve(repoRoot, 'prisma/seed/sources/fair-kazakhstan-platform.txt')

const allPledges = fairKazakhstan.categories.flatMap((category) => category.pledges)
const pledgeBySlug = (slug: string) => {
	const pledge = allPledges.find((candidate) => candidate.slug === slug)
	if (!pledge) throw new Error(`No seeded pledge has the slug ${slug}`)
	return pledge
}

describe('the Fair Kazakhstan seed data', () => {
	test('quotes every pledge verbatim from the article', async () => {
		const article = await readFile(articlePath, 'utf8')
		const notInArticle = allPledges
			.filter((pledge) => pledge.quote.trim() === '' || !article.includes(pledge.quote))
			.map((pledge) => pledge.slug)
		expect(notInArticle).toEqual([])
	})

	test('holds the 21 pledges of the brief, 6 under Fair State, 8 under Fair Economy, 7 under Fair Society', () => {
		expect(
			fairKazakhstan.categories.map((category) => ({
				slug: category.slug,
				pledges: category.pledges.map((pledge) => pledge.slug),
			})),
		).toEqual([
			{
				slug: 'fair-state',
				pledges: [
					'political-modernization',
					'efficient-state-apparatus',
					'independent-courts',
					'protection-of-citizens-rights',
					'balanced-foreign-policy',
					'un-international-security',
				],
			},
			{
				slug: 'fair-economy',
				pledges: [
					'new-economic-model',
					'competitive-agriculture',
					'open-transport-corridors',
					'reliable-energy',
					'it-jobs',
					'digital-economy-share',
					'drinking-water',
					'food-security',
				],
			},
			{
				slug: 'fair-society',
				pledges: [
					'education-investment',
					'social-infrastructure',
					'targeted-social-aid',
					'social-investment-human-capital',
					'lower-morbidity-longer-life',
					'national-fund-for-children',
					'youth-policy-law',
				],
			},
		])
		expect(new Set(allPledges.map((pledge) => pledge.slug)).size).toBe(21)
		for (const pledge of allPledges) expect(pledge.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	})

	test('names the principles in English, Russian and Kazakh', () => {
		expect(
			fairKazakhstan.categories.map((category) => [
				category.title,
				...category.translations.map((translation) => `${translation.locale}: ${translation.title}`),
			]),
		).toEqual([
			['Fair State', 'RU: Справедливое государство', 'KK: Әділетті мемлекет'],
			['Fair Economy', 'RU: Справедливая экономика', 'KK: Әділетті экономика'],
			['Fair Society', 'RU: Справедливое общество', 'KK: Әділетті қоғам'],
		])
	})

	test('has three quantitative pledges with their targets and one milestone, the youth-policy law', () => {
		const indicatorsBySlug = Object.fromEntries(
			allPledges.flatMap((pledge) =>
				pledge.kind === 'QUANTITATIVE'
					? [[pledge.slug, { ...pledge.indicator, translations: undefined }]]
					: [],
			),
		)
		expect(indicatorsBySlug).toEqual({
			'it-jobs': {
				name: 'Jobs in IT companies',
				unit: 'jobs',
				baselineValue: null,
				baselineDate: null,
				targetValue: 150000,
				targetDate: '2029-11-26',
				direction: 'INCREASE',
			},
			'digital-economy-share': {
				name: 'Contribution of digital technologies to GDP',
				unit: '% of GDP',
				baselineValue: null,
				baselineDate: null,
				targetValue: 1,
				targetDate: '2029-11-26',
				direction: 'INCREASE',
			},
			'national-fund-for-children': {
				name: "Amount accrued to each child's savings account for the year",
				unit: 'USD per child',
				baselineValue: null,
				baselineDate: null,
				targetValue: 150,
				targetDate: '2029-11-26',
				direction: 'INCREASE',
			},
		})

		const milestones = allPledges.filter((pledge) => pledge.kind === 'MILESTONE')
		expect(milestones.map((pledge) => pledge.slug)).toEqual(['youth-policy-law'])
		expect(pledgeBySlug('youth-policy-law')).toMatchObject({
			kind: 'MILESTONE',
		})
		const youthPolicy = pledgeBySlug('youth-policy-law')
		expect(
			youthPolicy?.kind === 'MILESTONE' ? youthPolicy.milestoneSteps.map((step) => step.title) : [],
		).toEqual(['Youth policy concept adopted', 'Youth policy law adopted'])
	})

	test('every politician, platform, indicator and milestone step has its Russian and Kazakh text', () => {
		const locales = (translations: ReadonlyArray<{ locale: string }>) =>
			translations.map((translation) => translation.locale).sort()
		for (const platform of seedPlatforms) {
			expect(locales(platform.politician.translations)).toEqual(['KK', 'RU'])
			expect(locales(platform.translations)).toEqual(['KK', 'RU'])
		}
		for (const indicator of seededIndicators) expect(locales(indicator.translations)).toEqual(['KK', 'RU'])
		for (const step of seededSteps) expect(locales(step.translations)).toEqual(['KK', 'RU'])
		expect(fairKazakhstan.politician.translations).toEqual([
			{ locale: 'RU', name: 'Касым-Жомарт Токаев', office: 'Президент Республики Казахстан' },
			{ locale: 'KK', name: 'Қасым-Жомарт Тоқаев', office: 'Қазақстан Республикасының Президенті' },
		])
		expect(fairKazakhstan.translations.map((translation) => translation.title)).toEqual([
			'Справедливый Казахстан',
			'Әділетті Қазақстан',
		])

		const qualitative = allPledges.filter((pledge) => pledge.kind === 'QUALITATIVE')
		expect(qualitative).toHaveLength(17)
	})

	test('cites the article, starts every pledge unrated and makes it due at the end of the term', () => {
		expect(fairKazakhstan.sourcePublishedAt).toBeNull()
		for (const pledge of allPledges) {
			expect(pledge).toMatchObject({
				sourceUrl: fairKazakhstan.sourceUrl,
				sourceDate: '2022-10-26',
				deadline: fairKazakhstan.termEnd,
				status: 'NOT_RATED',
			})
		}
		expect(fairKazakhstan.termEnd).toBe('2029-11-26')
	})
})

/** Every row of every table the seed writes, in a stable order, to compare before and after a run. */
async function snapshotSeededTables(prisma: PrismaClient) {
	return {
		politicians: await prisma.politician.findMany({ orderBy: { id: 'asc' } }),
		platforms: await prisma.platform.findMany({ orderBy: { id: 'asc' } }),
		categories: await prisma.category.findMany({ orderBy: { id: 'asc' } }),
		categoryTranslations: await prisma.categoryTranslation.findMany({
			orderBy: [{ categoryId: 'asc' }, { locale: 'asc' }],
		}),
		pledges: await prisma.pledge.findMany({ orderBy: { id: 'asc' } }),
		pledgeTranslations: await prisma.pledgeTranslation.findMany({
			orderBy: [{ pledgeId: 'asc' }, { locale: 'asc' }],
		}),
		indicators: await prisma.indicator.findMany({ orderBy: { id: 'asc' } }),
		milestoneSteps: await prisma.milestoneStep.findMany({ orderBy: { id: 'asc' } }),
	}
}

const seededPledges = seedPlatforms.flatMap((platform) =>
	platform.categories.flatMap((category) => category.pledges),
)
const seededIndicators = seededPledges.flatMap((pledge) =>
	pledge.kind === 'QUANTITATIVE' ? [pledge.indicator] : [],
)
const seededSteps = seededPledges.flatMap((pledge) =>
	pledge.kind === 'MILESTONE' ? pledge.milestoneSteps : [],
)

const expectedRowCounts = {
	politician: new Set(seedPlatforms.map((platform) => platform.politician.slug)).size,
	politicianTranslation: seedPlatforms.flatMap((platform) => platform.politician.translations).length,
	platform: seedPlatforms.length,
	platformTranslation: seedPlatforms.flatMap((platform) => platform.translations).length,
	category: seedPlatforms.flatMap((platform) => platform.categories).length,
	categoryTranslation: seedPlatforms.flatMap((platform) =>
		platform.categories.flatMap((category) => category.translations),
	).length,
	pledge: seededPledges.length,
	pledgeTranslation: seededPledges.flatMap((pledge) => pledge.translations).length,
	indicator: seededIndicators.length,
	indicatorTranslation: seededIndicators.flatMap((indicator) => indicator.translations).length,
	milestoneStep: seededSteps.length,
	milestoneStepTranslation: seededSteps.flatMap((step) => step.translations).length,
}
const expectedTotal = Object.values(expectedRowCounts).reduce((sum, count) => sum + count, 0)

describe('seed, against a real database', () => {
	let database: TestDatabase
	let prisma: PrismaClient

	beforeAll(async () => {
		database = await createTestDatabase()
		prisma = createPrismaClient(database.url)
	})

	afterAll(async () => {
		await prisma?.$disconnect()
		await database?.drop()
	})

	// The tests below run in order on one database: first seed, re-seed, re-seed after edits, then after deletions.

	test('creates every record in an empty migrated database, all unrated, with no evidence or ledger', async () => {
		const result = await seed(prisma)

		expect(result).toMatchObject({ created: expectedTotal, unchanged: 0, differs: 0, differences: [] })
		expect(
			Object.fromEntries(Object.entries(result.byTable).map(([table, counts]) => [table, counts.created])),
		).toEqual(expectedRowCounts)
		expect({
			politician: await prisma.politician.count(),
			politicianTranslation: await prisma.politicianTranslation.count(),
			platform: await prisma.platform.count(),
			platformTranslation: await prisma.platformTranslation.count(),
			category: await prisma.category.count(),
			categoryTranslation: await prisma.categoryTranslation.count(),
			pledge: await prisma.pledge.count(),
			pledgeTranslation: await prisma.pledgeTranslation.count(),
			indicator: await prisma.indicator.count(),
			indicatorTranslation: await prisma.indicatorTranslation.count(),
			milestoneStep: await prisma.milestoneStep.count(),
			milestoneStepTranslation: await prisma.milestoneStepTranslation.count(),
		}).toEqual(expectedRowCounts)
		expect(expectedRowCounts).toMatchObject({
			politician: 1,
			platform: 1,
			category: 3,
			pledge: 21,
			indicator: 3,
		})

		const statuses = await prisma.pledge.groupBy({ by: ['status'], _count: { _all: true } })
		expect(statuses).toEqual([{ status: 'NOT_RATED', _count: { _all: 21 } }])
		expect(await prisma.pledge.count({ where: { statusUpdatedAt: { not: null } } })).toBe(0)

		expect({
			evidence: await prisma.evidence.count(),
			statusUpdates: await prisma.statusUpdate.count(),
			statusUpdateEvidence: await prisma.statusUpdateEvidence.count(),
			measurements: await prisma.measurement.count(),
		}).toEqual({ evidence: 0, statusUpdates: 0, statusUpdateEvidence: 0, measurements: 0 })
	})

	test('stores dates, targets and steps as the data states them', async () => {
		const platform = await prisma.platform.findUniqueOrThrow({
			where: { slug: 'fair-kazakhstan-2022' },
			include: { politician: true },
		})
		expect(platform.politician).toMatchObject({
			slug: 'kassym-jomart-tokayev',
			name: 'Kassym-Jomart Tokayev',
			office: 'President of the Republic of Kazakhstan',
		})
		expect({
			electionDate: platform.electionDate.toISOString(),
			termStart: platform.termStart.toISOString(),
			termEnd: platform.termEnd.toISOString(),
			sourcePublishedAt: platform.sourcePublishedAt,
		}).toEqual({
			electionDate: '2022-11-20T00:00:00.000Z',
			termStart: '2022-11-26T00:00:00.000Z',
			termEnd: '2029-11-26T00:00:00.000Z',
			sourcePublishedAt: null,
		})

		const indicators = await prisma.indicator.findMany({ include: { pledge: { select: { slug: true } } } })
		expect(
			Object.fromEntries(
				indicators.map((indicator) => [indicator.pledge.slug, indicator.targetValue.toNumber()]),
			),
		).toEqual({ 'it-jobs': 150000, 'digital-economy-share': 1, 'national-fund-for-children': 150 })

		const youthPolicy = await prisma.pledge.findFirstOrThrow({
			where: { platformId: platform.id, slug: 'youth-policy-law' },
			include: { milestoneSteps: { orderBy: { position: 'asc' } } },
		})
		expect(youthPolicy.kind).toBe('MILESTONE')
		expect(youthPolicy.milestoneSteps.map((step) => [step.title, step.doneOn])).toEqual([
			['Youth policy concept adopted', null],
			['Youth policy law adopted', null],
		])
	})

	test('a second run changes nothing: no row is written, no updatedAt or version moves', async () => {
		const before = await snapshotSeededTables(prisma)

		const result = await seed(prisma)

		expect(result).toMatchObject({ created: 0, unchanged: expectedTotal, differs: 0, differences: [] })
		expect(await snapshotSeededTables(prisma)).toEqual(before)
	})

	test('a re-run keeps an edited title, the status and a completed step, and reports the pledge as differing', async () => {
		const itJobs = await prisma.pledge.findFirstOrThrow({ where: { slug: 'it-jobs' } })
		// Stand-ins for what the app records later: an admin's edit, a rating (from the ledger) and a completed step.
		await prisma.pledge.update({
			where: { id: itJobs.id },
			data: {
				title: 'Edited title',
				status: 'IN_PROGRESS',
				statusUpdatedAt: new Date('2024-01-01T00:00:00Z'),
			},
		})
		const conceptStep = await prisma.milestoneStep.findFirstOrThrow({
			where: { title: 'Youth policy concept adopted' },
		})
		await prisma.milestoneStep.update({
			where: { id: conceptStep.id },
			data: { doneOn: new Date('2024-05-01') },
		})
		const before = await snapshotSeededTables(prisma)

		const result = await seed(prisma)

		expect(result).toMatchObject({ created: 0, unchanged: expectedTotal - 1, differs: 1 })
		expect(result.byTable.pledge).toEqual({ created: 0, unchanged: expectedRowCounts.pledge - 1, differs: 1 })
		expect(result.differences).toEqual([
			{ table: 'pledge', key: 'fair-kazakhstan-2022/it-jobs', fields: ['title'] },
		])
		expect(await snapshotSeededTables(prisma)).toEqual(before)
		const kept = await prisma.pledge.findUniqueOrThrow({ where: { id: itJobs.id } })
		expect(kept).toMatchObject({
			title: 'Edited title',
			status: 'IN_PROGRESS',
			statusUpdatedAt: new Date('2024-01-01T00:00:00Z'),
			version: itJobs.version,
		})
		const stepAfter = await prisma.milestoneStep.findUniqueOrThrow({ where: { id: conceptStep.id } })
		expect(stepAfter.doneOn).toEqual(new Date('2024-05-01'))
	})

	test('a re-run creates records that went missing and leaves every existing row as it is', async () => {
		const itJobs = await prisma.pledge.findFirstOrThrow({ where: { slug: 'it-jobs' } })
		await prisma.pledgeTranslation.delete({
			where: { pledgeId_locale: { pledgeId: itJobs.id, locale: 'KK' } },
		})
		const lawStep = await prisma.milestoneStep.findFirstOrThrow({
			where: { title: 'Youth policy law adopted' },
		})
		await prisma.milestoneStep.delete({ where: { id: lawStep.id } })
		const before = await snapshotSeededTables(prisma)

		const result = await seed(prisma)

		// The deleted step's two translations went with it (a cascade): the re-run creates them again.
		expect(result).toMatchObject({ created: 4, unchanged: expectedTotal - 5, differs: 1 })
		expect(result.byTable.pledgeTranslation.created).toBe(1)
		expect(result.byTable.milestoneStep.created).toBe(1)
		expect(result.differences).toEqual([
			{ table: 'pledge', key: 'fair-kazakhstan-2022/it-jobs', fields: ['title'] },
		])
		const after = await snapshotSeededTables(prisma)
		expect({
			...after,
			pledgeTranslations: after.pledgeTranslations.filter(
				(translation) => !(translation.pledgeId === itJobs.id && translation.locale === 'KK'),
			),
			milestoneSteps: after.milestoneSteps.filter((step) => step.title !== 'Youth policy law adopted'),
		}).toEqual(before)
		expect(
			await prisma.pledgeTranslation.findUniqueOrThrow({
				where: { pledgeId_locale: { pledgeId: itJobs.id, locale: 'KK' } },
			}),
		).toMatchObject({ title: pledgeBySlug('it-jobs').translations.find((t) => t.locale === 'KK')?.title })
		expect(
			await prisma.milestoneStep.findFirstOrThrow({
				where: { pledgeId: lawStep.pledgeId, position: lawStep.position },
			}),
		).toMatchObject({ title: 'Youth policy law adopted', doneOn: null })
	})
})

describe('npm run db:seed on an empty database', () => {
	let database: TestDatabase

	beforeAll(async () => {
		database = await createTestDatabase()
	})

	afterAll(async () => {
		await database?.drop()
	})

	test('prints its one line and no warning (no two queries at once on its transaction)', () => {
		const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-seed.ts'], {
			encoding: 'utf8',
			env: { ...process.env, DATABASE_URL: database.url },
			timeout: 60_000,
		})
		expect(run.stderr).toBe('')
		expect(run.stdout.trim()).toBe(
			`Seed: ${expectedTotal} created, 0 unchanged, 0 differ from the seed data and were kept as they are`,
		)
		expect(run.status).toBe(0)
	})
})
