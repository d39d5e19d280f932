import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '~/.server/prisma/client'
import { createPrismaClient } from '~/db/prisma.server'
import { seed } from '~/db/tooling/seed.server'
import { createTestDatabase, type TestDatabase } from '~/test/db'
import { createEvidence, createFactChecker, pledgeIdOf, recordStatus } from '~/test/ledger-fixtures'
import { getPlatformOverview, getStatusOverTime } from './overview.server'
import { getPlatform } from './platform.server'

let database: TestDatabase
let prisma: PrismaClient
const today = new Date('2023-06-15')

// One pledge per situation the status-over-time series must handle (the term began on 26 November 2022).
beforeAll(async () => {
	database = await createTestDatabase()
	prisma = createPrismaClient(database.url)
	await seed(prisma)
	const { id: userId } = await createFactChecker(prisma, 'editor@example.org')
	const evidenceFor = async (slug: string) => {
		const pledgeId = await pledgeIdOf(prisma, slug)
		const { id } = await createEvidence(prisma, {
			pledgeId,
			userId,
			title: `Evidence on ${slug}`,
			publishedOn: '2022-10-01',
		})
		return { pledgeId, evidenceIds: [id], userId }
	}

	// In progress before the term began: counted from the first month.
	const early = await evidenceFor('efficient-state-apparatus')
	await recordStatus(prisma, {
		...early,
		status: 'IN_PROGRESS',
		effectiveDate: '2022-10-01',
		rationale: 'Early start',
	})

	// In progress in January, kept in April.
	const kept = await evidenceFor('it-jobs')
	await recordStatus(prisma, {
		...kept,
		status: 'IN_PROGRESS',
		effectiveDate: '2023-01-10',
		rationale: 'Started',
	})
	await recordStatus(prisma, { ...kept, status: 'KEPT', effectiveDate: '2023-04-05', rationale: 'Done' })

	// Recorded broken in February by mistake; corrected to stalled from 15 March: February no longer shows it.
	const corrected = await evidenceFor('drinking-water')
	const mistake = await recordStatus(prisma, {
		...corrected,
		status: 'BROKEN',
		effectiveDate: '2023-02-01',
		rationale: 'Wrongly recorded',
	})
	await recordStatus(prisma, {
		...corrected,
		status: 'STALLED',
		effectiveDate: '2023-03-15',
		rationale: 'Correction: stalled, not broken',
		correctsId: mistake.id,
	})

	// Kept and corrected to partially kept on the same day, in May.
	const sameDay = await evidenceFor('youth-policy-law')
	const wrong = await recordStatus(prisma, {
		...sameDay,
		status: 'KEPT',
		effectiveDate: '2023-05-10',
		rationale: 'Kept',
	})
	await recordStatus(prisma, {
		...sameDay,
		status: 'PARTIAL',
		effectiveDate: '2023-05-10',
		rationale: 'Correction: late, so partially kept',
		correctsId: wrong.id,
	})

	// Changed and changed back within one month: the month's end shows only the last.
	const flip = await evidenceFor('reliable-energy')
	await recordStatus(prisma, { ...flip, status: 'STALLED', effectiveDate: '2023-02-03', rationale: 'Halt' })
	await recordStatus(prisma, {
		...flip,
		status: 'IN_PROGRESS',
		effectiveDate: '2023-02-20',
		rationale: 'Resumed',
	})

	// Takes effect after "today": not counted yet.
	const future = await evidenceFor('food-security')
	await recordStatus(prisma, { ...future, status: 'KEPT', effectiveDate: '2023-07-01', rationale: 'Future' })
})

afterAll(async () => {
	await prisma.$disconnect()
	await database.drop()
})

const zero = { NOT_RATED: 0, IN_PROGRESS: 0, STALLED: 0, PARTIAL: 0, KEPT: 0, BROKEN: 0 }

describe('status over time', () => {
	test('counts each month from the ledger, with corrections replacing the entries they correct', async () => {
		const platform = await getPlatform(undefined, prisma)
		const series = await getStatusOverTime(platform!, today, prisma)
		expect(series).toEqual([
			{ month: '2022-11-01', counts: { ...zero, NOT_RATED: 20, IN_PROGRESS: 1 } },
			{ month: '2022-12-01', counts: { ...zero, NOT_RATED: 20, IN_PROGRESS: 1 } },
			{ month: '2023-01-01', counts: { ...zero, NOT_RATED: 19, IN_PROGRESS: 2 } },
			{ month: '2023-02-01', counts: { ...zero, NOT_RATED: 18, IN_PROGRESS: 3 } },
			{ month: '2023-03-01', counts: { ...zero, NOT_RATED: 17, IN_PROGRESS: 3, STALLED: 1 } },
			{ month: '2023-04-01', counts: { ...zero, NOT_RATED: 17, IN_PROGRESS: 2, STALLED: 1, KEPT: 1 } },
			{
				month: '2023-05-01',
				counts: { ...zero, NOT_RATED: 16, IN_PROGRESS: 2, STALLED: 1, PARTIAL: 1, KEPT: 1 },
			},
			{
				month: '2023-06-01',
				counts: { ...zero, NOT_RATED: 16, IN_PROGRESS: 2, STALLED: 1, PARTIAL: 1, KEPT: 1 },
			},
		])
	})

	test('stops at the end of the term and is empty before the term begins', async () => {
		const platform = await getPlatform(undefined, prisma)
		const afterTerm = await getStatusOverTime(platform!, new Date('2031-03-01'), prisma)
		expect(afterTerm.at(-1)?.month).toBe('2029-11-01')
		expect(afterTerm).toHaveLength(85)
		// Every month's counts add up to the platform's 21 pledges.
		expect(afterTerm.every(({ counts }) => Object.values(counts).reduce((a, b) => a + b, 0) === 21)).toBe(
			true,
		)
		expect(await getStatusOverTime(platform!, new Date('2022-01-01'), prisma)).toEqual([])
	})
})

describe('the overview', () => {
	test('counts statuses overall and by principle, as stored on the pledges', async () => {
		const platform = await getPlatform(undefined, prisma)
		const overview = await getPlatformOverview(platform!, 'en', today, prisma)
		expect(overview.pledgeCount).toBe(21)
		// The future-dated entry already set the food-security pledge's stored status.
		expect(overview.statusCounts).toEqual({
			...zero,
			NOT_RATED: 15,
			IN_PROGRESS: 2,
			STALLED: 1,
			PARTIAL: 1,
			KEPT: 2,
		})
		expect(overview.principles.map(({ slug, counts }) => ({ slug, counts }))).toEqual([
			{ slug: 'fair-state', counts: { ...zero, NOT_RATED: 5, IN_PROGRESS: 1 } },
			{ slug: 'fair-economy', counts: { ...zero, NOT_RATED: 4, IN_PROGRESS: 1, STALLED: 1, KEPT: 2 } },
			{ slug: 'fair-society', counts: { ...zero, NOT_RATED: 6, PARTIAL: 1 } },
		])
	})

	test('lists overdue open pledges, upcoming deadlines and the latest status changes', async () => {
		const platform = await getPlatform(undefined, prisma)
		await prisma.pledge.update({
			where: { id: await pledgeIdOf(prisma, 'independent-courts') },
			data: { deadline: new Date('2023-03-01') },
		})
		// Past its deadline too, but kept: not overdue.
		await prisma.pledge.update({
			where: { id: await pledgeIdOf(prisma, 'it-jobs') },
			data: { deadline: new Date('2023-03-01') },
		})
		await prisma.pledge.update({
			where: { id: await pledgeIdOf(prisma, 'targeted-social-aid') },
			data: { deadline: new Date('2024-01-31') },
		})
		const overview = await getPlatformOverview(platform!, 'ru', today, prisma)
		expect(overview.overdue.map((pledge) => [pledge.slug, pledge.daysToDeadline])).toEqual([
			['independent-courts', -106],
		])
		expect(overview.overdue[0]?.title).toBe('Объективные и независимые суды')
		expect(overview.upcoming[0]).toMatchObject({ slug: 'targeted-social-aid', daysToDeadline: 230 })
		expect(overview.upcoming).toHaveLength(5)
		expect(overview.recent.map((pledge) => pledge.slug)).toEqual([
			'food-security',
			'reliable-energy',
			'youth-policy-law',
			'drinking-water',
			'it-jobs',
		])
	})

	test('falls back to English, and says so, where a principle has no translation', async () => {
		const platform = await getPlatform(undefined, prisma)
		await prisma.categoryTranslation.delete({
			where: {
				categoryId_locale: {
					categoryId: (await prisma.category.findFirstOrThrow({ where: { slug: 'fair-society' } })).id,
					locale: 'KK',
				},
			},
		})
		const overview = await getPlatformOverview(platform!, 'kk', today, prisma)
		expect(overview.principles.map(({ title, titleIsTranslated }) => [title, titleIsTranslated])).toEqual([
			['Әділетті мемлекет', true],
			['Әділетті экономика', true],
			['Fair Society', false],
		])
	})
})
